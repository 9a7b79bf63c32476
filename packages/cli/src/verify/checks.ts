import {
  type ListProfilesQuery,
  type Profile,
  type ProfilesClient,
  ValidationError,
} from '@insightiq/profiles-client';
import { openapi, parameterRules } from '@insightiq/profiles-spec';
import {
  type ContractValidator,
  createContractValidator,
  escapePointer,
} from '@insightiq/profiles-spec/validate';

/** The package version, set at build time (tsup and vitest `define` it from package.json). */
declare const __VERSION__: string;

/** One way in which an answer broke the contract or the API's semantics. */
export interface Violation {
  /** What is wrong, such as `must be equal to one of the allowed values`. */
  message: string;
  /** JSON pointer into the answer (`/status`, `/headers/request-id`, `/body/data/0/gender`), where there is one. */
  pointer?: string | undefined;
  /** The request that got the answer, such as `GET /v1/profiles?limit=5&offset=0` (never credentials). */
  request: string;
  /** The answer's `request-id`, to quote to the API's support. */
  requestId?: string | undefined;
}

/** The outcome of one check. */
export interface CheckResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  violations: Violation[];
  /** Why it was skipped, or what it could not cover. */
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
  /** Page size of the walk. Default 5. */
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

/** One request and its answer, read for checking. */
interface Exchange {
  request: string;
  status: number;
  headers: Headers;
  body: unknown;
  /** Set when the body is not JSON. */
  notJson?: string;
  requestId: string | undefined;
}

/** How long a 429 asks to wait: `Retry-After` in seconds or as a date, 1 s if absent, at most 10 s. */
export function retryAfterMs(value: string | null, now = Date.now()): number {
  const seconds =
    value === null ? 1 : /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Math.round(Math.min(Math.max(Number.isFinite(seconds) ? seconds : 1, 0), 10) * 1000);
}

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

/** An id no deployment holds: the 404 check asks for it. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown) => (isObject(v) && typeof v.id === 'string' ? v.id : undefined);

/** The pointers at which two JSON values differ (at most `max`). */
export function differences(a: unknown, b: unknown, pointer = '', out: string[] = [], max = 10): string[] {
  if (out.length >= max) return out;
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences(a[key], b[key], `${pointer}/${escapePointer(key)}`, out, max);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      differences(a[i], b[i], `${pointer}/${i}`, out, max);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(pointer || '/');
  }
  return out;
}

const limitRule = parameterRules().listProfiles?.find((r) => r.name === 'limit');

/** Throws a `ValidationError` when `limit` is outside the contract's bounds (before any request). */
export function checkVerifyOptions({ limit }: Pick<VerifyOptions, 'limit'>): void {
  if (limit === undefined || !limitRule) return;
  const { minimum = Number.NEGATIVE_INFINITY, maximum = Number.POSITIVE_INFINITY } = limitRule;
  if (!Number.isInteger(limit) || limit < minimum || limit > maximum)
    throw new ValidationError('limit', limitRule.rule, limit);
}

/**
 * Runs the conformance checks against the deployment `client` points at: every answer against the
 * contract (status, headers, body), and the API's semantics (paging, filters, get, errors, auth).
 * Requests go through `client.raw` (openapi-fetch, authenticated, no retries, no client-side
 * checks), so that the answers are the deployment's own.
 */
export async function verify(client: ProfilesClient, options: VerifyOptions = {}): Promise<VerifyReport> {
  const { limit = 5, maxPages = 5, timeoutMs = 30_000, signal } = options;
  checkVerifyOptions(options);
  const contract: ContractValidator = createContractValidator();
  const started = Date.now();
  const checks: CheckResult[] = [];

  async function exchange(
    operation: 'list' | 'get',
    params: ListProfilesQuery | string,
    headers: Record<string, string | null> = {},
  ): Promise<Exchange> {
    const path =
      operation === 'list'
        ? `/v1/profiles?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`
        : `/v1/profiles/${encodeURIComponent(params as string)}`;
    const request = `GET ${path.replace(/\?$/, '')}`;
    const send = () => {
      const init = {
        parseAs: 'text' as const,
        headers,
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs),
      };
      return operation === 'list'
        ? client.raw.GET('/v1/profiles', { ...init, params: { query: params as ListProfilesQuery } })
        : client.raw.GET('/v1/profiles/{id}', { ...init, params: { path: { id: params as string } } });
    };
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      // A 429 is the deployment's rate limit, not a finding: wait as it asks (up to 10 s), twice at most.
      for (let attempt = 0; ; attempt++) {
        result = await send();
        if (result.response.status !== 429 || attempt === 2) break;
        await sleep(retryAfterMs(result.response.headers.get('retry-after')), signal);
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      const e = error as Error & { cause?: { code?: string; message?: string } };
      const why =
        e.name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : (e.cause?.code ?? e.cause?.message ?? e.message);
      throw Object.assign(new Error(`the request failed: ${why}`), { request });
    }
    const { response } = result;
    const raw = result.data ?? result.error;
    let body: unknown = raw;
    let notJson: string | undefined;
    if (typeof raw === 'string' && raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        notJson = raw.slice(0, 80).replace(/\s+/g, ' ');
      }
    }
    return {
      request,
      status: response.status,
      headers: response.headers,
      body,
      ...(notJson !== undefined && { notJson }),
      requestId: response.headers.get('request-id') ?? undefined,
    };
  }

  /** The violations of an answer against the contract. */
  const conform = (operationId: 'listProfiles' | 'getProfile', ex: Exchange): Violation[] => {
    const at = { request: ex.request, requestId: ex.requestId };
    if (ex.notJson !== undefined) return [{ ...at, pointer: '/body', message: `is not JSON: ${ex.notJson}` }];
    return contract
      .validateResponse({ operationId, status: ex.status, headers: ex.headers, body: ex.body })
      .map((issue) => ({ ...at, pointer: issue.path, message: issue.message }));
  };
  const expectStatus = (ex: Exchange, status: number): Violation[] =>
    ex.status === status
      ? []
      : [
          {
            request: ex.request,
            requestId: ex.requestId,
            pointer: '/status',
            message: `is ${ex.status}, expected ${status}`,
          },
        ];

  async function check(
    name: string,
    run: () => Promise<Violation[] | { violations: Violation[]; note: string }>,
  ) {
    const t = performance.now();
    let result: CheckResult;
    if (signal?.aborted) {
      result = { name, status: 'skipped', durationMs: 0, violations: [], note: 'interrupted' };
    } else {
      try {
        const out = await run();
        const violations = Array.isArray(out) ? out : out.violations;
        const note = Array.isArray(out) ? undefined : out.note;
        result = { name, status: violations.length ? 'failed' : 'passed', durationMs: 0, violations, note };
      } catch (error) {
        if (signal?.aborted) {
          result = { name, status: 'skipped', durationMs: 0, violations: [], note: 'interrupted' };
        } else {
          const request = (error as { request?: string }).request ?? '(before any request)';
          result = {
            name,
            status: 'failed',
            durationMs: 0,
            violations: [{ request, message: (error as Error).message }],
          };
        }
      }
    }
    result.durationMs = Math.round(performance.now() - t);
    checks.push(result);
    options.onCheck?.(result);
  }
  const skip = (name: string, note: string) => {
    const result: CheckResult = { name, status: 'skipped', durationMs: 0, violations: [], note };
    checks.push(result);
    options.onCheck?.(result);
  };

  // The walk: pages of `limit` from offset 0 until a short page or --max-pages.
  const pages: Exchange[] = [];
  let walkError: Error | undefined;
  let after: Exchange | undefined;
  if (!signal?.aborted) {
    try {
      for (let offset = 0; pages.length < maxPages; offset += limit) {
        const page = await exchange('list', { limit, offset });
        pages.push(page);
        const data = isObject(page.body) ? page.body.data : undefined;
        if (page.status !== 200 || !Array.isArray(data)) break;
        if (data.length < limit) {
          after = await exchange('list', { limit, offset: offset + limit });
          break;
        }
      }
    } catch (error) {
      walkError = error as Error;
    }
  }
  const pageData = (p: Exchange): unknown[] => {
    const data = isObject(p.body) ? p.body.data : undefined;
    return Array.isArray(data) ? data : [];
  };
  const profiles = pages.flatMap(pageData);
  const walked = async (run: () => Violation[] | { violations: Violation[]; note: string }) => {
    if (walkError) throw walkError;
    return run();
  };

  await check('list: every page conforms to the contract', () =>
    walked(() =>
      [...pages, ...(after ? [after] : [])].flatMap((p) => [
        ...expectStatus(p, 200),
        ...conform('listProfiles', p),
      ]),
    ),
  );
  await check('list: no page holds more than limit profiles', () =>
    walked(() =>
      pages
        .filter((p) => pageData(p).length > limit)
        .map((p) => ({
          request: p.request,
          requestId: p.requestId,
          pointer: '/body/data',
          message: `has ${pageData(p).length} profiles, more than limit=${limit}`,
        })),
    ),
  );
  await check('list: metadata echoes offset and limit', () =>
    walked(() =>
      pages.flatMap((p, i) => {
        const metadata = isObject(p.body) && isObject(p.body.metadata) ? p.body.metadata : undefined;
        if (p.status !== 200 || !metadata) return [];
        const want = { offset: i * limit, limit };
        return (['offset', 'limit'] as const)
          .filter((k) => metadata[k] !== want[k])
          .map((k) => ({
            request: p.request,
            requestId: p.requestId,
            pointer: `/body/metadata/${k}`,
            message: `is ${JSON.stringify(metadata[k])}, expected ${want[k]}`,
          }));
      }),
    ),
  );
  await check('list: no profile appears on two pages', () =>
    walked(() => {
      const seen = new Map<string, number>();
      const violations: Violation[] = [];
      pages.forEach((p, i) => {
        pageData(p).forEach((profile, j) => {
          const id = idOf(profile);
          if (id === undefined) return;
          const first = seen.get(id);
          if (first !== undefined && first !== i) {
            violations.push({
              request: p.request,
              requestId: p.requestId,
              pointer: `/body/data/${j}/id`,
              message: `repeats an id of page ${first + 1}`,
            });
          }
          seen.set(id, first ?? i);
        });
      });
      return violations;
    }),
  );
  if (walkError || after) {
    await check('list: a short page ends the walk (the next page is empty)', () =>
      walked(() => {
        const a = after as Exchange;
        const n = pageData(a).length;
        return n === 0
          ? []
          : [
              {
                request: a.request,
                requestId: a.requestId,
                pointer: '/body/data',
                message: `has ${n} profiles after a short page`,
              },
            ];
      }),
    );
  } else {
    skip(
      'list: a short page ends the walk (the next page is empty)',
      pages.length >= maxPages
        ? `no short page within --max-pages ${maxPages}: the walk stopped there`
        : 'the walk ended on an error',
    );
  }

  const first = profiles.find((p): p is Profile => idOf(p) !== undefined);
  const FILTERS = [
    ['user_id', (p: Profile) => p.user?.id],
    ['work_platform_id', (p: Profile) => p.work_platform?.id],
    ['account_id', (p: Profile) => p.account?.id],
  ] as const;
  for (const [filter, read] of FILTERS) {
    const name = `list: ${filter} returns only the profiles it names`;
    const value = first && read(first);
    if (!first || typeof value !== 'string') {
      skip(name, first ? `the first profile has no ${filter}` : 'no profile was listed');
      continue;
    }
    await check(name, async () => {
      const ex = await exchange('list', { limit, [filter]: value });
      const violations = [...expectStatus(ex, 200), ...conform('listProfiles', ex)];
      const data = pageData(ex);
      data.forEach((profile, j) => {
        const got = read(profile as Profile);
        if (typeof got !== 'string' || got.toLowerCase() !== value.toLowerCase()) {
          violations.push({
            request: ex.request,
            requestId: ex.requestId,
            pointer: `/body/data/${j}`,
            message: `has ${filter.replace(/_id$/, '')}.id ${JSON.stringify(got)}, not ${value}`,
          });
        }
      });
      if (ex.status === 200 && !data.some((p) => idOf(p) === first.id) && data.length < limit) {
        violations.push({
          request: ex.request,
          requestId: ex.requestId,
          pointer: '/body/data',
          message: `lacks profile ${first.id}, which has this ${filter}`,
        });
      }
      return violations;
    });
  }

  const getName = 'get: a listed profile, by id, equals the listed one';
  if (first) {
    await check(getName, async () => {
      const ex = await exchange('get', first.id);
      const violations = [...expectStatus(ex, 200), ...conform('getProfile', ex)];
      if (ex.status === 200 && ex.notJson === undefined) {
        for (const pointer of differences(ex.body, first)) {
          violations.push({
            request: ex.request,
            requestId: ex.requestId,
            pointer: `/body${pointer === '/' ? '' : pointer}`,
            message: 'differs from the listed profile',
          });
        }
      }
      return violations;
    });
  } else {
    skip(getName, 'no profile was listed');
  }
  await check('get: an unknown id is a 404 with the error body', async () => {
    const ex = await exchange('get', UNKNOWN_ID);
    return [...expectStatus(ex, 404), ...conform('getProfile', ex)];
  });

  const bounds = [limitRule?.minimum, limitRule?.maximum].filter((n): n is number => typeof n === 'number');
  for (const bad of [
    bounds[0] !== undefined ? bounds[0] - 1 : undefined,
    bounds[1] !== undefined ? bounds[1] + 1 : undefined,
  ]) {
    if (bad === undefined) continue;
    await check(`list: limit=${bad} is a 400 with the error body`, async () => {
      const ex = await exchange('list', { limit: bad });
      return [...expectStatus(ex, 400), ...conform('listProfiles', ex)];
    });
  }

  await check('auth: no credentials get a 401', async () => {
    const ex = await exchange('list', { limit: 1 }, { authorization: null });
    return [...expectStatus(ex, 401), ...conform('listProfiles', ex)];
  });
  await check('auth: wrong credentials get a 401', async () => {
    const wrong = `insightiq-verify-wrong-id:${crypto.randomUUID()}`;
    const ex = await exchange('list', { limit: 1 }, { authorization: `Basic ${btoa(wrong)}` });
    return [...expectStatus(ex, 401), ...conform('listProfiles', ex)];
  });

  const count = (status: CheckResult['status']) => checks.filter((c) => c.status === status).length;
  return {
    target: client.baseUrl,
    contractVersion: openapi.info.version,
    tool: `@insightiq/profiles-cli@${__VERSION__}`,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    summary: {
      checks: checks.length,
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
    },
    checks,
  };
}
