import { AbortError, ApiError, apiErrorFor, ConnectionError, TimeoutError } from '../errors.js';
import { Deadline } from './deadline.js';
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

/**
 * Runs a call (`label()`, such as `GET /v1/profiles?limit=10`, names it in logs, and is built only
 * for a line that is logged): each attempt under
 * its own timeout, retrying connection failures, timeouts, 408, 409, 429 and 5xx; parses a 2xx
 * body as JSON and checks its top-level shape with `isValid`.
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
    const of = `attempt ${n + 1} of ${maxRetries + 1}`;
    // Without a caller's signal, the fetch gets the shared deadline's signal; with one, its own
    // controller, which either the caller or the deadline aborts. Either also ends the attempt
    // itself (`stop`), so that a fetch that ignores its signal cannot outlive them.
    const own = signal ? new AbortController() : undefined;
    let stop: (reason: unknown) => void = () => {};
    const onEnd = (reason: unknown) => {
      own?.abort(reason);
      stop(reason);
    };
    const unsubscribe = signal ? whenAborted(signal, () => onEnd(signal.reason)) : undefined;
    const deadline = Deadline.start(timeoutMs, onEnd);
    const started = performance.now();
    let result: Awaited<ReturnType<Attempt>> | undefined;
    let failure: ConnectionError | undefined;
    try {
      result = await new Promise<Awaited<ReturnType<Attempt>>>((resolve, reject) => {
        stop = reject;
        attempt({ signal: own?.signal ?? deadline.signal, headers }).then(resolve, reject);
      });
    } catch (cause) {
      if (signal?.aborted) throw new AbortError('Request was aborted by the caller.', { cause });
      failure = deadline.signal.aborted
        ? new TimeoutError(`Request timed out after ${timeoutMs} ms (${of}).`)
        : connectionError(cause, `Connection error to ${defaults.host} (${of})`, defaults.redact);
    } finally {
      deadline.end(onEnd);
      unsubscribe?.();
    }
    const response = result?.response;
    const requestId = response?.headers.get('request-id') ?? undefined;
    if (log.enabled('info')) {
      const ms = Math.round(performance.now() - started);
      log('info', `${label()} → ${response?.status ?? failure?.message} in ${ms} ms`, {
        status: response?.status,
        ms,
        requestId,
        attempt: n + 1,
      });
    }
    if (response?.ok) {
      let body = result?.data; // the text, kept as the error's body if it is not JSON
      let problem: string | undefined;
      try {
        body = JSON.parse(body as string);
        if (!isValid(body)) problem = 'response body is not the documented shape';
      } catch {
        problem = 'response body is not valid JSON';
      }
      if (problem) throw new ApiError(response.status, headersOf(response), body, problem);
      return { data: body as T, response, requestId };
    }
    const retryable = !response || RETRY_STATUSES.includes(response.status) || response.status >= 500;
    if (!retryable || n >= maxRetries) {
      const error = response
        ? new (apiErrorFor(response.status))(response.status, headersOf(response), result?.error)
        : (failure as ConnectionError);
      log('error', `${label()} failed: ${error.message}`);
      throw error;
    }
    const wait = retryDelay(n, response?.headers.get('retry-after') ?? null);
    log('warn', `${label()}: retrying in ${Math.round(wait)} ms after ${response?.status ?? failure?.name}`, {
      attempt: n + 2,
      waitMs: Math.round(wait),
    });
    await sleep(wait, signal);
  }
}
