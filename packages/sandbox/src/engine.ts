import { parameterRules } from '@insightiq/profiles-spec';
import { type ContractValidator, createContractValidator } from '@insightiq/profiles-spec/validate';
import { checkBasicAuth } from './auth.js';
import { BoundedCache } from './bounded-cache.js';
import { type DriftKind, driftPage, driftProfileJson } from './drift.js';
import { type ErrorKind, errorResponse } from './errors.js';
import { type Fault, parseFault } from './faults.js';
import { prng } from './prng.js';
import type { ProfileSource } from './profiles.js';

/** A request as the engine reads it: any transport (fetch, node:http, MSW) can make one. */
export interface SandboxRequest {
  method: string;
  /** The request target: a path and query (`/v1/profiles?limit=2`), or an absolute URL. */
  target: string;
  /** A header's value; several headers of one name joined by `, `, as the Fetch standard does. */
  header(name: string): string | undefined;
}

/** The engine's answer: a response, or `drop` (close the connection without one). */
export type SandboxAnswer =
  | { drop: true }
  | { drop?: false; status: number; headers: Record<string, string>; body: string };

/** A checked call to answer: what `GET /v1/profiles[/{id}]` asks for, its values validated. */
export interface SandboxCall {
  operationId: 'listProfiles' | 'getProfile';
  id: string | undefined;
  values: Record<string, unknown>;
  search: string;
  requestId: string;
  header(name: string): string | undefined;
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
  drift?: readonly DriftKind[];
  contract?: ContractValidator;
}

const OPERATIONS = [
  { operationId: 'listProfiles', pattern: /^\/v1\/profiles\/?$/ },
  { operationId: 'getProfile', pattern: /^\/v1\/profiles\/([^/]*)\/?$/ },
] as const;
const WWW_AUTHENTICATE = { 'www-authenticate': 'Basic realm="InsightIQ"' };
const FAULT_ERROR: Record<number, ErrorKind> = { 429: 'rateLimited', 500: 'internal', 503: 'unavailable' };
const ALLOW = 'GET, HEAD, OPTIONS';

/** The parameters each operation takes, by name: any other query parameter gets an `x-mock-warning`. */
const PARAMETER_NAMES: Record<string, string[]> = Object.fromEntries(
  Object.entries(parameterRules()).map(([id, rules]) => [id, rules.map((r) => r.name)]),
);

/** The operation a path is (`/v1/profiles`, `/v1/profiles/{id}`, a trailing slash allowed), with the raw id. */
export function routeOf(
  pathname: string,
): { operationId: SandboxCall['operationId']; rawId: string | undefined } | undefined {
  for (const op of OPERATIONS) {
    const m = op.pattern.exec(pathname);
    if (m) return { operationId: op.operationId, rawId: m[1] };
  }
  return undefined;
}

/**
 * The request's parameters, as the contract reads them: the query and the path's id (percent-decoded
 * where it decodes), converted, with one issue per parameter that breaks its rule.
 */
export function checkRequestParameters(
  contract: ContractValidator,
  operationId: SandboxCall['operationId'],
  search: string,
  rawId: string | undefined,
): ReturnType<ContractValidator['validateParameters']> & { id: string | undefined } {
  let id = rawId;
  try {
    id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  } catch {}
  const checked = contract.validateParameters(operationId, {
    query: new URLSearchParams(search),
    ...(id !== undefined && { path: { id } }),
  });
  return { ...checked, id };
}

/** A `GET /v1/profiles` body from the JSON of its profiles; `metadata` echoes `offset` and `limit`. */
const pageJson = (profiles: readonly string[], offset: number, limit: number) =>
  `{"data":[${profiles.join(',')}],"metadata":{"offset":${offset},"limit":${limit},"from_date":null,"to_date":null}}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The path and query of a request target, without the cost of a full URL parse. An absolute-form
 * target (`http://host/v1/profiles`, RFC 9112 §3.2.2) is read as its path.
 */
export function parseTarget(rawTarget: string): { pathname: string; search: string } {
  const target = /^https?:\/\//i.test(rawTarget)
    ? rawTarget.replace(/^https?:\/\/[^/?#]*/i, '') || '/'
    : rawTarget;
  const q = target.indexOf('?');
  let pathname = q === -1 ? target : target.slice(0, q);
  if (!pathname.startsWith('/')) pathname = `/${pathname}`;
  if (pathname.includes('/.') || pathname.includes('//'))
    pathname = new URL(`http://mock${pathname}`).pathname;
  return { pathname, search: q === -1 ? '' : target.slice(q) };
}

/** Truncates a 200 body, for `x-mock-fault: malformed`. */
export const truncate = (body: string) => body.slice(0, Math.max(1, Math.floor(body.length / 2)));

/**
 * The API's semantics, transport-free: routes, Basic auth, parameter rules and their 400s, faults
 * (`x-mock-fault`, fail rate, latency), `request-id`s, and the answers of `GET /v1/profiles` and
 * `GET /v1/profiles/{id}` from a profile source.
 */
export class Engine {
  readonly #o: EngineOptions;
  readonly #contract: ContractValidator;
  readonly #chance: () => number;
  readonly #auth = new BoundedCache<string, ReturnType<typeof checkBasicAuth>>(1000);
  readonly #parameters = new BoundedCache<
    string,
    ReturnType<ContractValidator['validateParameters']> & { id: string | undefined; unknown: string[] }
  >(1000);
  readonly #pages = new BoundedCache<string, string>(1000);

  constructor(options: EngineOptions) {
    this.#o = options;
    this.#contract = options.contract ?? createContractValidator();
    this.#chance = prng(`${options.seed}:faults`);
  }

  #checkParameters(operationId: SandboxCall['operationId'], search: string, rawId: string | undefined) {
    return this.#parameters.get(`${operationId}\u0000${search}\u0000${rawId ?? '\u0001'}`, () => {
      const checked = checkRequestParameters(this.#contract, operationId, search, rawId);
      const known = PARAMETER_NAMES[operationId] ?? [];
      // As a header value can carry them: percent-encoded (a name may hold any character), and short.
      const unknown = [...new Set(new URLSearchParams(search).keys())]
        .filter((name) => !known.includes(name))
        .map((name) => encodeURIComponent(name).slice(0, 100));
      return { ...checked, unknown };
    });
  }

  /** The `GET /v1/profiles` body of one page. The profiles never change, so bodies are kept (bounded). */
  pageBody(filter: Record<string, unknown>, offset: number, limit: number): string {
    const key =
      `${filter.user_id}|${filter.work_platform_id}|${filter.account_id}|${offset}|${limit}`.toLowerCase();
    return this.#pages.get(key, () => pageJson(this.#o.source.page(filter, offset, limit), offset, limit));
  }

  /** Answers one request; `backend` answers checked calls instead of the profile source (the mock's Prism modes). */
  async handle(request: SandboxRequest, backend?: Backend): Promise<SandboxAnswer> {
    const requestId = crypto.randomUUID();
    const fail = (kind: ErrorKind, message: string, extra: Record<string, string> = {}): SandboxAnswer => {
      const { status, body } = errorResponse(kind, message, requestId);
      return {
        status,
        headers: { ...extra, 'content-type': 'application/json', 'request-id': requestId },
        body,
      };
    };
    const url = parseTarget(request.target);
    const { operationId, rawId } = routeOf(url.pathname) ?? {};
    const method = request.method.toUpperCase();
    if (!operationId) {
      return fail(
        'noRoute',
        `No route ${method} ${url.pathname}: the Profiles API has GET /v1/profiles and GET /v1/profiles/{id}.`,
      );
    }
    if (method === 'OPTIONS')
      return { status: 204, headers: { allow: ALLOW, 'request-id': requestId }, body: '' };
    if (method !== 'GET' && method !== 'HEAD') {
      return fail('methodNotAllowed', `Method ${method} is not allowed on ${url.pathname}: use GET.`, {
        allow: ALLOW,
      });
    }

    const faultHeader = request.header('x-mock-fault');
    let fault: Fault | undefined;
    if (faultHeader !== undefined) {
      const parsed = parseFault(faultHeader);
      if (typeof parsed === 'string') return fail('invalidParameter', parsed);
      fault = parsed;
    }
    const delay = this.#o.latencyMs + (fault?.kind === 'delay' ? fault.ms : 0);
    if (delay > 0) await sleep(delay);
    if (fault?.kind === 'drop') return { drop: true };
    if (fault?.kind === 'status') {
      return fail(
        FAULT_ERROR[fault.status] as ErrorKind,
        `Injected fault: ${fault.status} (x-mock-fault).`,
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }
    if (this.#o.failRate > 0 && this.#chance() < this.#o.failRate) {
      return fail('internal', 'Injected failure (--fail-rate).');
    }

    const authorization = request.header('authorization');
    const denied = this.#auth.get(authorization ?? '', () =>
      checkBasicAuth(authorization, this.#o.credentials),
    );
    if (denied) return fail(denied.kind, denied.message, WWW_AUTHENTICATE);

    const { values, issues, id, unknown } = this.#checkParameters(operationId, url.search, rawId);
    // Like the API (presumably), unknown parameters are ignored; unlike it, the sandbox says so.
    const warning: Record<string, string> = unknown.length
      ? {
          'x-mock-warning': `unknown query parameter${unknown.length > 1 ? 's' : ''} ignored: ${unknown.join(', ')}`,
        }
      : {};
    if (issues.length > 0) {
      return fail(
        'invalidParameter',
        issues.map((i) => `Invalid value for ${i.in} parameter ${i.name}: ${i.rule}.`).join(' '),
        warning,
      );
    }
    const malformed = fault?.kind === 'malformed';
    const ok = (body: string): SandboxAnswer => ({
      status: 200,
      headers: { ...warning, 'content-type': 'application/json', 'request-id': requestId },
      body: malformed ? truncate(body) : body,
    });
    if (backend) {
      const answer = await backend({
        operationId,
        id,
        values,
        search: url.search,
        requestId,
        header: request.header,
        fail: (kind, message) => fail(kind, message, warning),
      });
      if (answer.drop) return answer;
      const headers = { ...warning, ...answer.headers };
      return {
        ...answer,
        headers,
        body: answer.status === 200 && malformed ? truncate(answer.body) : answer.body,
      };
    }
    const drift = fault?.kind === 'drift' ? fault.drift : this.#o.drift;
    if (operationId === 'getProfile') {
      const json = this.#o.source.json(id as string);
      if (!json) return fail('notFound', `No profile exists with id ${id}.`);
      return ok(drift?.length ? driftProfileJson(json, drift) : json);
    }
    const { limit, offset } = values as { limit: number; offset: number };
    return ok(
      drift?.length
        ? this.#driftPageBody(values, offset, limit, drift)
        : this.pageBody(values, offset, limit),
    );
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
