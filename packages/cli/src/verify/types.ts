import type { Violation as ContractViolation } from '@insightiq/profiles-spec/validate';

/**
 * One way in which an answer broke the contract or the API's semantics: the spec's violation
 * (`pointer`, `message`), with the request that got the answer and its `request-id`.
 */
export interface Violation extends ContractViolation {
  /**
   * JSON pointer into the answer (`/status`, `/headers/request-id`, `/body/data/0/gender`); `''` when
   * there is no answer to point into (the request failed).
   */
  pointer: string;
  /** What is wrong, such as `must be equal to one of the allowed values`. */
  message: string;
  /** The request that got the answer, such as `GET /v1/profiles?limit=5&offset=0` (never credentials). */
  request: string;
  /** The answer's `request-id`, to quote to the API's support. */
  requestId?: string | undefined;
}

/** The outcome of one check of `verify`'s table. */
export interface CheckResult {
  /** The check's id, stable across releases: `list-conforms`, `auth-wrong`, ... */
  id: string;
  /** The check's title: `list: every page conforms to the contract`. */
  name: string;
  /** The operation of the contract the check calls: `listProfiles` or `getProfile` (the auth checks call the list). */
  operationId: string;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  violations: Violation[];
  /** Why it was skipped. */
  note?: string | undefined;
}

/** A whole run: what `--report` formats. */
export interface VerifyReport {
  /** The base URL checked. */
  target: string;
  /** The contract checked against (`info.version` of the bundled contract). */
  contractVersion: string;
  /** The tool that ran the checks, such as `@insightiq/profiles-cli@1.0.0`. */
  tool: string;
  startedAt: string;
  durationMs: number;
  summary: { checks: number; passed: number; failed: number; skipped: number };
  checks: CheckResult[];
}

/** Options of `verify`. */
export interface VerifyOptions {
  /** Page size of the walk. Default 5; within the contract's bounds of `limit`. */
  limit?: number;
  /** Pages walked at most. Default 5. */
  maxPages?: number;
  /** Time limit of each request, in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** Stops the run (Ctrl-C): the checks not yet run are skipped. */
  signal?: AbortSignal | undefined;
  /** Called as each check ends (progress). */
  onCheck?: ((check: CheckResult) => void) | undefined;
}

/** The defaults of `verify`'s options. */
export const VERIFY_DEFAULTS = { limit: 5, maxPages: 5, timeoutMs: 30_000 } as const;
