/**
 * Seconds a `Retry-After` header asks to wait: a delay (`120`) or an HTTP date, 0 for a date past.
 * Undefined when there is none or it cannot be read.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms) / 1000;
}
