import { AbortError, ApiError, apiErrorFor, ConnectionError, TimeoutError } from '../errors.js';
import { endDeadline, startDeadline } from './deadlines.js';
import type { Log } from './logger.js';
import { parseRetryAfter } from './retry-after.js';
import { whenAborted } from './signals.js';

/** Options of one call; each overrides the client's option of the same name. */
export interface RequestOptions {
  /** Cancels the call, including a wait between retries; the call then rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Time limit of each attempt, in milliseconds. */
  timeoutMs?: number;
  /** How many times a failed attempt is retried. */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** A parsed body with the response it came from. */
export interface WithResponse<T> {
  data: T;
  /** The HTTP response (its body already read). */
  response: Response;
  /** The `request-id` header of the response. */
  requestId: string | undefined;
}

/** One attempt: sends the request with this signal, resolves to the response and its body text or parsed error. */
export type Attempt = (init: {
  signal: AbortSignal;
  headers: Record<string, string>;
}) => Promise<{ response: Response; data?: unknown; error?: unknown }>;

/** What the client fixes for every call. */
export interface CallDefaults {
  timeoutMs: number;
  maxRetries: number;
  /** The API's host, named in connection errors. */
  host: string;
  /** Removes credentials from a text that is about to go into an error. */
  redact: (text: string) => string;
  log: Log;
}

const RETRY_STATUSES = [408, 409, 429];
const NO_HEADERS: Record<string, string> = {};

/** A response's headers, as the errors keep them. */
export const headersOf = (response: Response): Record<string, string> => Object.fromEntries(response.headers);

/** How long to wait before retry number `attempt + 1`: `Retry-After` when it says 0-60 s, else backoff with jitter. */
export function retryDelay(attempt: number, retryAfter: string | null, now = Date.now()): number {
  const seconds = parseRetryAfter(retryAfter, now);
  if (seconds !== undefined && seconds <= 60) return seconds * 1000;
  return Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() * 0.25);
}

/**
 * A `ConnectionError` naming the host and what failed down the `cause` chain (`fetch failed: connect
 * ECONNREFUSED 127.0.0.1:4010`), with that error as its `cause`, or a redacted copy of it where any
 * text of the chain holds a credential.
 */
function connectionError(cause: unknown, prefix: string, redact: (text: string) => string): ConnectionError {
  let message = '';
  let text = '';
  for (let c = cause as Error | undefined, depth = 0; c != null && depth < 5; c = c.cause as Error, depth++) {
    const m = String(c.message ?? c);
    if (!message.includes(m)) message += message ? `: ${m}` : m;
    text += m + c.stack;
  }
  const safe = redact(message);
  return new ConnectionError(`${prefix}: ${safe}`, {
    cause: redact(text) === text ? cause : new Error(safe),
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, ms);
    if (signal) {
      stop = whenAborted(signal, () => {
        clearTimeout(timer);
        reject(new AbortError('Request was aborted by the caller while waiting to retry.'));
      });
    }
  });
}

/** How one attempt ended: its result, or why it has none. */
interface Outcome {
  result?: Awaited<ReturnType<Attempt>>;
  /** Why there is no result: the timer, the caller's signal, or the connection. */
  failure?: 'timeout' | 'aborted' | 'connection';
  cause?: unknown;
}

/**
 * Runs one attempt with its own controller, as openai-node does, and its own deadline (under the
 * timer all attempts share): the deadline aborts it at `timeoutMs`, the caller's signal at any time.
 * Either also ends the attempt itself, so that a fetch that ignores its signal cannot outlive them.
 */
function runAttempt(
  attempt: Attempt,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Outcome> {
  const controller = new AbortController();
  return new Promise<Outcome>((resolve) => {
    // One promise settles the attempt, whichever comes first: the answer, the timer or the caller.
    const settle = (outcome: Outcome) => {
      endDeadline(deadline);
      unsubscribe?.();
      resolve(outcome);
    };
    const end = (failure: 'timeout' | 'aborted') => {
      controller.abort(new Error(failure));
      settle({ failure });
    };
    const deadline = startDeadline(timeoutMs, () => end('timeout'));
    const unsubscribe = signal ? whenAborted(signal, () => end('aborted')) : undefined;
    attempt({ signal: controller.signal, headers }).then(
      (result) => settle({ result }),
      (cause) =>
        settle({
          failure: controller.signal.aborted ? controller.signal.reason.message : 'connection',
          cause,
        }),
    );
  });
}

/** The error of an attempt that got no response. */
function failureOf(
  outcome: Outcome,
  of: string,
  timeoutMs: number,
  defaults: CallDefaults,
  signal?: AbortSignal,
) {
  if (signal?.aborted) return new AbortError('Request was aborted by the caller.', { cause: outcome.cause });
  if (outcome.failure === 'connection')
    return connectionError(outcome.cause, `Connection error to ${defaults.host} (${of})`, defaults.redact);
  return new TimeoutError(`Request timed out after ${timeoutMs} ms (${of}).`);
}

/** A 2xx body parsed as JSON and checked for its top-level shape; an `ApiError` when it is not. */
function parseBody<T>(response: Response, text: unknown, isValid: (body: unknown) => boolean): T {
  let body = text; // kept as the error's body if it is not JSON
  let problem: string | undefined;
  try {
    body = JSON.parse(text as string);
    if (!isValid(body)) problem = 'response body is not the documented shape';
  } catch {
    problem = 'response body is not valid JSON';
  }
  if (problem) throw new ApiError(response.status, headersOf(response), body, problem);
  return body as T;
}

/**
 * Runs a call (`label()`, such as `GET /v1/profiles?limit=10`, names it in logs, and is built only
 * for a line that is logged): each attempt under its own timeout, retrying connection failures,
 * timeouts, 408, 409, 429 and 5xx; parses a 2xx body as JSON and checks its top-level shape with
 * `isValid`.
 */
export async function send<T>(
  label: () => string,
  attempt: Attempt,
  isValid: (body: unknown) => boolean,
  defaults: CallDefaults,
  options: RequestOptions,
): Promise<WithResponse<T>> {
  const { signal, headers = NO_HEADERS } = options;
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  const maxRetries = options.maxRetries ?? defaults.maxRetries;
  const { log } = defaults;
  for (let n = 0; ; n++) {
    if (signal?.aborted) throw new AbortError('Request was aborted by the caller.');
    const logged = log.enabled('info');
    const started = logged ? performance.now() : 0;
    const outcome = await runAttempt(attempt, headers, timeoutMs, signal);
    const response = outcome.result?.response;
    const failure = response
      ? undefined
      : failureOf(outcome, `attempt ${n + 1} of ${maxRetries + 1}`, timeoutMs, defaults, signal);
    if (failure instanceof AbortError) throw failure;
    if (logged) logAttempt(log, label, response, failure, started, n);
    if (response?.ok) {
      const data = parseBody<T>(response, outcome.result?.data, isValid);
      return { data, response, requestId: response.headers.get('request-id') ?? undefined };
    }
    const retryable = !response || RETRY_STATUSES.includes(response.status) || response.status >= 500;
    if (!retryable || n >= maxRetries) {
      const error = response
        ? new (apiErrorFor(response.status))(response.status, headersOf(response), outcome.result?.error)
        : (failure as ConnectionError);
      log('error', `${label()} failed: ${error.message}`);
      throw error;
    }
    const wait = retryDelay(n, response?.headers.get('retry-after') ?? null);
    const after = response?.status ?? failure?.name;
    log('warn', `${label()}: retrying in ${Math.round(wait)} ms after ${after}`, {
      attempt: n + 2,
      waitMs: Math.round(wait),
    });
    await sleep(wait, signal);
  }
}

/** The info line of one attempt: what it got, how long it took, its `request-id`. */
function logAttempt(
  log: Log,
  label: () => string,
  response: Response | undefined,
  failure: Error | undefined,
  started: number,
  n: number,
): void {
  const ms = Math.round(performance.now() - started);
  const requestId = response?.headers.get('request-id') ?? undefined;
  log('info', `${label()} → ${response?.status ?? failure?.message} in ${ms} ms`, {
    status: response?.status,
    ms,
    requestId,
    attempt: n + 1,
  });
}
