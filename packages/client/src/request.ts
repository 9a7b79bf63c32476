import { Deadline } from './deadline.js';
import { AbortError, ApiError, apiErrorFor, ConnectionError, TimeoutError } from './errors.js';

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
  /** Removes credentials from a text that is about to go into an error. */
  redact: (text: string) => string;
}

const RETRY_STATUSES = [408, 409, 429];
const NO_HEADERS: Record<string, string> = {};

const headersOf = (response: Response): Record<string, string> => Object.fromEntries(response.headers);

/** How long to wait before retry number `attempt + 1`: `Retry-After` when it says 0-60 s, else backoff with jitter. */
export function retryDelay(attempt: number, retryAfter: string | null, now = Date.now()): number {
  if (retryAfter) {
    const ms = /^\d+(\.\d+)?$/.test(retryAfter.trim())
      ? Number(retryAfter) * 1000
      : Date.parse(retryAfter) - now;
    if (ms >= 0 && ms <= 60_000) return ms;
  }
  return Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() * 0.25);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError('Request was aborted by the caller while waiting to retry.'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs a call: each attempt under its own timeout, retrying connection failures, timeouts, 408, 409,
 * 429 and 5xx; parses a 2xx body as JSON and checks its top-level shape with `isValid`.
 */
export async function send<T>(
  attempt: Attempt,
  isValid: (body: unknown) => boolean,
  defaults: CallDefaults,
  options: RequestOptions,
): Promise<WithResponse<T>> {
  const { signal, headers = NO_HEADERS } = options;
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  const maxRetries = options.maxRetries ?? defaults.maxRetries;
  for (let n = 0; ; n++) {
    if (signal?.aborted) throw new AbortError('Request was aborted by the caller.');
    // Without a caller's signal, the fetch gets the shared deadline's signal; with one, its own
    // controller, which either the caller or the deadline aborts. Either also ends the attempt
    // itself (`stop`), so that a fetch that ignores its signal cannot outlive them.
    const own = signal ? new AbortController() : undefined;
    let stop: (reason: unknown) => void = () => {};
    const onEnd = (reason: unknown) => {
      own?.abort(reason);
      stop(reason);
    };
    const onAbort = () => onEnd(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const deadline = Deadline.start(timeoutMs, onEnd);
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
        ? new TimeoutError(`Request timed out after ${timeoutMs} ms (attempt ${n + 1} of ${maxRetries + 1}).`)
        : new ConnectionError(
            `Connection error (attempt ${n + 1} of ${maxRetries + 1}): ${defaults.redact(String((cause as Error)?.message ?? cause))}`,
          );
    } finally {
      deadline.end(onEnd);
      signal?.removeEventListener('abort', onAbort);
    }
    const response = result?.response;
    if (response?.ok) {
      let body: unknown;
      try {
        body = JSON.parse(result?.data as string);
      } catch {
        throw new ApiError(
          response.status,
          headersOf(response),
          result?.data,
          'response body is not valid JSON',
        );
      }
      if (!isValid(body)) {
        throw new ApiError(
          response.status,
          headersOf(response),
          body,
          'response body is not the documented shape',
        );
      }
      return { data: body as T, response, requestId: response.headers.get('request-id') ?? undefined };
    }
    const retryable = !response || RETRY_STATUSES.includes(response.status) || response.status >= 500;
    if (!retryable || n >= maxRetries) {
      if (!response) throw failure;
      const ErrorClass = apiErrorFor(response.status);
      throw new ErrorClass(response.status, headersOf(response), result?.error);
    }
    await sleep(retryDelay(n, response?.headers.get('retry-after') ?? null), signal);
  }
}
