import { type DriftKind, parseDrift } from './drift.js';

/** A fault asked for by the `x-mock-fault` header. */
export type Fault =
  | { kind: 'status'; status: 429 | 500 | 503; retryAfter?: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  | { kind: 'malformed' }
  | { kind: 'drift'; drift: DriftKind[] };

/** The values `x-mock-fault` takes, for error messages and the README. */
export const FAULT_HELP =
  '429, 429;retry-after=N, 500, 503, delay=MS (0-30000), drop, malformed, drift, drift=KIND[,KIND]';

/** Parses `x-mock-fault`; returns a string explaining the problem when the value is not understood. */
export function parseFault(value: string): Fault | string {
  const v = value.trim().toLowerCase();
  if (v === '429') return { kind: 'status', status: 429, retryAfter: '1' };
  const retryAfter = /^429;\s*retry-after=(\d{1,4})$/.exec(v)?.[1];
  if (retryAfter) return { kind: 'status', status: 429, retryAfter };
  if (v === '500') return { kind: 'status', status: 500 };
  if (v === '503') return { kind: 'status', status: 503 };
  const delay = /^delay=(\d{1,5})$/.exec(v)?.[1];
  if (delay && Number(delay) <= 30_000) return { kind: 'delay', ms: Number(delay) };
  if (v === 'drop') return { kind: 'drop' };
  if (v === 'malformed') return { kind: 'malformed' };
  const drift = /^drift(?:=(.*))?$/.exec(v);
  if (drift) {
    const kinds = parseDrift(drift[1] ?? 'all');
    return typeof kinds === 'string' ? `x-mock-fault: ${kinds}` : { kind: 'drift', drift: kinds };
  }
  return `Unknown x-mock-fault ${JSON.stringify(value.slice(0, 100))}: use one of ${FAULT_HELP}.`;
}
