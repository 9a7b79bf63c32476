import type { ListProfilesQuery, ProfilesClient } from '@insightiq/profiles-client';
import { createContractValidator } from '@insightiq/profiles-spec/validate';
import type { OperationId } from '../contract.js';
import type { Violation } from './types.js';

/** One request and its answer, as sent and received. */
export interface Exchange {
  /** `GET /v1/profiles?limit=5&offset=0`: never credentials. */
  request: string;
  status: number;
  headers: Headers;
  /** The body as received, where it is text: the contract checker parses it (and says when it is not JSON). */
  text: string | undefined;
  /** The body parsed (undefined when it is not JSON): the semantic checks read it, and the contract checker when there is no `text`. */
  body: unknown;
  requestId: string | undefined;
}

/** What a check sends: `list` with a query, or `get` with an id; headers override the client's. */
export type Send = (
  operation: 'list' | 'get',
  params: ListProfilesQuery | string,
  headers?: Record<string, string | null>,
) => Promise<Exchange>;

/** How long a 429 asks to wait: `Retry-After` in seconds or as a date, 1 s if absent, at most 10 s. */
export function retryAfterMs(value: string | null, now = Date.now()): number {
  const seconds =
    value === null ? 1 : /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Math.round(Math.min(Math.max(Number.isFinite(seconds) ? seconds : 1, 0), 10) * 1000);
}

/** Waits `ms` (a 429's `Retry-After`), or rejects as soon as `signal` aborts. */
const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** The body for the semantic checks (paging, filters): whether it is JSON at all is the contract checker's finding. */
function parsed(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Why a request got no answer: `no answer within 30000 ms`, `ECONNREFUSED`. */
function failure(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  return e.name === 'TimeoutError'
    ? `no answer within ${timeoutMs} ms`
    : (e.cause?.code ?? e.cause?.message ?? e.message);
}

/**
 * The sender of `verify`'s requests: through `client.raw` (openapi-fetch, authenticated, no retries,
 * no client-side checks), so that the answers are the deployment's own. A 429 is the deployment's
 * rate limit, not a finding: it is waited out as it asks (up to 10 s), twice at most.
 */
export function createSend(
  client: ProfilesClient,
  { timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal | undefined },
): Send {
  return async (operation, params, headers = {}) => {
    const path =
      operation === 'list'
        ? `/v1/profiles?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`
        : `/v1/profiles/${encodeURIComponent(params as string)}`;
    const request = `GET ${path.replace(/\?$/, '')}`;
    const send = () => {
      const timeout = AbortSignal.timeout(timeoutMs);
      const init = {
        parseAs: 'text' as const,
        headers,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      };
      return operation === 'list'
        ? client.raw.GET('/v1/profiles', { ...init, params: { query: params as ListProfilesQuery } })
        : client.raw.GET('/v1/profiles/{id}', { ...init, params: { path: { id: params as string } } });
    };
    let result: Awaited<ReturnType<typeof send>>;
    try {
      for (let attempt = 0; ; attempt++) {
        result = await send();
        if (result.response.status !== 429 || attempt === 2) break;
        await sleep(retryAfterMs(result.response.headers.get('retry-after')), signal);
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      throw Object.assign(new Error(`the request failed: ${failure(error, timeoutMs)}`), { request });
    }
    const { response } = result;
    // openapi-fetch gives a 2xx body as text (`parseAs`), and an error body already parsed where it is JSON.
    const raw: unknown = result.data ?? result.error;
    const text = typeof raw === 'string' ? raw : undefined;
    const body = text === undefined ? raw : parsed(text);
    const requestId = response.headers.get('request-id') ?? undefined;
    return { request, status: response.status, headers: response.headers, text, body, requestId };
  };
}

/** A violation found in an exchange's answer. */
export const violationAt = (ex: Exchange, pointer: string, message: string): Violation => ({
  pointer,
  message,
  request: ex.request,
  requestId: ex.requestId,
});

/** The checker of answers against the contract: the spec's one conformance checker. */
export function createConform(): (operationId: OperationId, ex: Exchange) => Violation[] {
  const contract = createContractValidator();
  return (operationId, ex) =>
    contract
      .validateResponse({ operationId, status: ex.status, headers: ex.headers, body: ex.body, text: ex.text })
      .map((v) => violationAt(ex, v.pointer, v.message));
}
