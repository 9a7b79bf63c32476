import { checkBasicAuth } from './auth.js';
import { BoundedCache } from './bounded-cache.js';
import { type DriftKind, driftPage, driftProfileJson } from './drift.js';
import { type Answer, type ErrorKind, errorAnswer } from './errors.js';
import { type Fault, parseFault } from './faults.js';
import { prng } from './prng.js';
import type { ProfileSource } from './profiles.js';
import {
  type OperationId,
  parseTarget,
  type RequestParameters,
  readRequestParameters,
  routeOf,
} from './request.js';

/** A request as the engine reads it: any transport (fetch, node:http, MSW) can make one. */
export interface SandboxRequest {
  method: string;
  /** The request target: a path and query (`/v1/profiles?limit=2`), or an absolute URL. */
  target: string;
  /** A header's value; several headers of one name joined by `, `, as the Fetch standard does. */
  header(name: string): string | undefined;
}

/** The engine's answer: a response, or `drop` (close the connection without one). */
export type SandboxAnswer = { drop: true } | ({ drop?: false } & Answer);

/** A checked call to answer: what `GET /v1/profiles[/{id}]` asks for, its values validated. */
export interface SandboxCall {
  operationId: OperationId;
  id: string | undefined;
  values: Record<string, unknown>;
  search: string;
  requestId: string;
  header(name: string): string | undefined;
  /** The API's error answer to this call. */
  fail(kind: ErrorKind, message: string): SandboxAnswer;
}

/** What answers a checked call: the sandbox's profiles by default, another backend (Prism) if given. */
export type Backend = (call: SandboxCall) => Promise<SandboxAnswer>;

export interface EngineOptions {
  source: ProfileSource;
  credentials: { id: string; secret: string } | undefined;
  seed: string;
  failRate: number;
  latencyMs: number;
  /** Contract drift in every answer (the per-request fault is `x-mock-fault: drift`). */
  drift: readonly DriftKind[];
}

/** What the engine has learnt of a request so far, step by step. */
interface Exchange {
  request: SandboxRequest;
  requestId: string;
  method: string;
  pathname: string;
  search: string;
  operationId: OperationId;
  rawId: string | undefined;
  fault: Fault | undefined;
  parameters: RequestParameters;
  /** Headers every answer to this request carries (`x-mock-warning`). */
  extra: Record<string, string>;
}

const WWW_AUTHENTICATE = { 'www-authenticate': 'Basic realm="InsightIQ"' };
const FAULT_ERROR: Record<number, ErrorKind> = { 429: 'rateLimited', 500: 'internal', 503: 'unavailable' };
const ALLOW = 'GET, HEAD, OPTIONS';

/** A `GET /v1/profiles` body from the JSON of its profiles; `metadata` echoes `offset` and `limit`. */
const pageJson = (profiles: readonly string[], offset: number, limit: number) =>
  `{"data":[${profiles.join(',')}],"metadata":{"offset":${offset},"limit":${limit},"from_date":null,"to_date":null}}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Truncates a 200 body, for `x-mock-fault: malformed`. */
const truncate = (body: string) => body.slice(0, Math.max(1, Math.floor(body.length / 2)));

/**
 * The API's semantics, transport-free: routes, Basic auth, parameter rules and their 400s, faults
 * (`x-mock-fault`, fail rate, latency), `request-id`s, and the answers of `GET /v1/profiles` and
 * `GET /v1/profiles/{id}` from a profile source. `handle` runs the steps in order; the first that
 * answers ends the request.
 */
export class Engine {
  readonly #o: EngineOptions;
  readonly #chance: () => number;
  readonly #auth = new BoundedCache<string, ReturnType<typeof checkBasicAuth>>(1000);
  readonly #parameters = new BoundedCache<string, RequestParameters>(1000);
  readonly #pages = new BoundedCache<string, string>(1000);

  constructor(options: EngineOptions) {
    this.#o = options;
    this.#chance = prng(`${options.seed}:faults`);
  }

  /** How many profiles the engine serves. */
  get size(): number {
    return this.#o.source.size;
  }

  /** Answers one request; `backend` answers checked calls instead of the profile source (the mock's Prism modes). */
  async handle(request: SandboxRequest, backend?: Backend): Promise<SandboxAnswer> {
    const x = { request, requestId: crypto.randomUUID(), extra: {} } as Exchange;
    const early = this.#route(x) ?? this.#readFault(x);
    if (early) return early;
    const delay = this.#o.latencyMs + (x.fault?.kind === 'delay' ? x.fault.ms : 0);
    if (delay > 0) await sleep(delay);
    const refused = this.#injectFault(x) ?? this.#authenticate(x) ?? this.#checkParameters(x);
    if (refused) return refused;
    return backend ? this.#fromBackend(x, backend) : this.#fromSource(x);
  }

  #fail(x: Exchange, kind: ErrorKind, message: string, headers: Record<string, string> = {}): SandboxAnswer {
    return errorAnswer(kind, message, { requestId: x.requestId, headers: { ...x.extra, ...headers } });
  }

  /** The operation asked for: a 404 for another path, 405 for another method, 204 for `OPTIONS`. */
  #route(x: Exchange): SandboxAnswer | undefined {
    const { pathname, search } = parseTarget(x.request.target);
    Object.assign(x, { pathname, search, method: x.request.method.toUpperCase() });
    const route = routeOf(pathname);
    if (!route) {
      const routes = 'the Profiles API has GET /v1/profiles and GET /v1/profiles/{id}';
      return this.#fail(x, 'noRoute', `No route ${x.method} ${pathname}: ${routes}.`);
    }
    Object.assign(x, route);
    if (x.method === 'OPTIONS')
      return { status: 204, headers: { allow: ALLOW, 'request-id': x.requestId }, body: '' };
    if (x.method === 'GET' || x.method === 'HEAD') return undefined;
    const message = `Method ${x.method} is not allowed on ${pathname}: use GET.`;
    return this.#fail(x, 'methodNotAllowed', message, { allow: ALLOW });
  }

  /** The `x-mock-fault` asked for, or a 400 when it is not understood. */
  #readFault(x: Exchange): SandboxAnswer | undefined {
    const header = x.request.header('x-mock-fault');
    const fault = header === undefined ? undefined : parseFault(header);
    if (typeof fault === 'string') return this.#fail(x, 'invalidParameter', fault);
    x.fault = fault;
    return undefined;
  }

  /** A dropped connection, an injected status, or a `failRate` failure. */
  #injectFault(x: Exchange): SandboxAnswer | undefined {
    const { fault } = x;
    if (fault?.kind === 'drop') return { drop: true };
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
      const message = `Injected fault: ${fault.status} (x-mock-fault).`;
      return this.#fail(x, FAULT_ERROR[fault.status] as ErrorKind, message, headers);
    }
    if (this.#o.failRate > 0 && this.#chance() < this.#o.failRate)
      return this.#fail(x, 'internal', 'Injected failure (--fail-rate).');
    return undefined;
  }

  /** A 401 unless the Basic credentials pass (any well-formed ones, or exactly the configured ones). */
  #authenticate(x: Exchange): SandboxAnswer | undefined {
    const authorization = x.request.header('authorization');
    const credentials = this.#o.credentials;
    const denied = this.#auth.get(authorization ?? '', () => checkBasicAuth(authorization, credentials));
    return denied ? this.#fail(x, denied.kind, denied.message, WWW_AUTHENTICATE) : undefined;
  }

  /** A 400 naming each parameter that breaks its rule; unknown parameters are ignored, and named in `x-mock-warning`. */
  #checkParameters(x: Exchange): SandboxAnswer | undefined {
    const key = `${x.operationId}\u0000${x.search}\u0000${x.rawId ?? '\u0001'}`;
    x.parameters = this.#parameters.get(key, () => readRequestParameters(x.operationId, x.search, x.rawId));
    const { issues, unknown } = x.parameters;
    if (unknown.length) {
      const s = unknown.length > 1 ? 's' : '';
      x.extra['x-mock-warning'] = `unknown query parameter${s} ignored: ${unknown.join(', ')}`;
    }
    if (issues.length === 0) return undefined;
    const message = issues.map((i) => `Invalid value for ${i.in} parameter ${i.name}: ${i.rule}.`).join(' ');
    return this.#fail(x, 'invalidParameter', message);
  }

  /** A 200 with its warning headers, truncated for `x-mock-fault: malformed`. */
  #ok(x: Exchange, answer: Answer): SandboxAnswer {
    const headers = { ...x.extra, ...answer.headers };
    const body = answer.status === 200 && x.fault?.kind === 'malformed' ? truncate(answer.body) : answer.body;
    return { ...answer, headers, body };
  }

  /** The answer of another backend (Prism) to the checked call. */
  async #fromBackend(x: Exchange, backend: Backend): Promise<SandboxAnswer> {
    const { values, id } = x.parameters;
    const answer = await backend({
      operationId: x.operationId,
      id,
      values,
      search: x.search,
      requestId: x.requestId,
      header: x.request.header,
      fail: (kind, message) => this.#fail(x, kind, message),
    });
    return answer.drop ? answer : this.#ok(x, answer);
  }

  /** The answer from the profile source: a profile or a 404, or a page; drifted when asked. */
  #fromSource(x: Exchange): SandboxAnswer {
    const drift = x.fault?.kind === 'drift' ? x.fault.drift : this.#o.drift;
    const headers = { 'content-type': 'application/json', 'request-id': x.requestId };
    const { values, id } = x.parameters;
    if (x.operationId === 'getProfile') {
      const json = this.#o.source.json(id as string);
      if (!json) return this.#fail(x, 'notFound', `No profile exists with id ${id}.`);
      return this.#ok(x, { status: 200, headers, body: drift.length ? driftProfileJson(json, drift) : json });
    }
    const { limit, offset } = values as { limit: number; offset: number };
    const body = drift.length
      ? this.#driftPageBody(values, offset, limit, drift)
      : this.#pageBody(values, offset, limit);
    return this.#ok(x, { status: 200, headers, body });
  }

  /** The body of one page. The profiles never change, so bodies are kept (bounded). */
  #pageBody(filter: Record<string, unknown>, offset: number, limit: number): string {
    const key =
      `${filter.user_id}|${filter.work_platform_id}|${filter.account_id}|${offset}|${limit}`.toLowerCase();
    return this.#pages.get(key, () => pageJson(this.#o.source.page(filter, offset, limit), offset, limit));
  }

  /** A page that drifts from the contract as asked; its metadata still echoes offset and limit. */
  #driftPageBody(
    filter: Record<string, unknown>,
    offset: number,
    limit: number,
    drift: readonly DriftKind[],
  ) {
    const from = driftPage(drift, offset, limit);
    const data = this.#o.source
      .page(filter, from.offset, from.limit)
      .map((json) => driftProfileJson(json, drift));
    return pageJson(data, offset, limit);
  }
}
