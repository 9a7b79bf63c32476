import type { ListProfilesQuery, operations, Profile, paths } from '@insightiq/profiles-types';
import type { Client } from 'openapi-fetch';
import { ValidationError } from './errors.js';
import { createClient } from './openapi-fetch.js';
import { ApiPromise, type Page, PagePromise } from './pagination.js';
import { type Attempt, type CallDefaults, type RequestOptions, send } from './request.js';
import { checkInteger, checkListQuery, checkUuid } from './validation.js';

/** The API's hosts. Credentials are issued per environment. */
export const environments = {
  production: 'https://api.insightiq.ai',
  sandbox: 'https://api.sandbox.insightiq.ai',
  staging: 'https://api.staging.insightiq.ai',
} as const;

/** One of the API's environments. */
export type Environment = keyof typeof environments;

/** Options of `createProfilesClient`. */
export interface ClientOptions {
  /** Client id (the Basic auth username). Default: the `INSIGHTIQ_CLIENT_ID` environment variable. */
  clientId?: string | undefined;
  /** Client secret (the Basic auth password). Default: the `INSIGHTIQ_CLIENT_SECRET` environment variable. */
  clientSecret?: string | undefined;
  /** Which API to call. Default: `INSIGHTIQ_ENVIRONMENT`, then `'production'`. */
  environment?: Environment | undefined;
  /** The API's base URL, such as `http://127.0.0.1:4010` for the local mock. Wins over `environment`. */
  baseUrl?: string | undefined;
  /** Retries of a failed attempt (connection error, timeout, 408, 409, 429, 5xx). Default 2. */
  maxRetries?: number | undefined;
  /** Time limit of each attempt in milliseconds. Default 60000. */
  timeoutMs?: number | undefined;
  /**
   * The fetch to use (tests, proxies, instrumentation). Default: the global `fetch`. It gets the
   * request and an init whose `signal` aborts it (timeout or the caller's signal). Without a
   * caller's signal, that signal is shared by the attempts whose deadlines fall within the same
   * 16 ms, so it may abort after your fetch has settled: ignore it then.
   */
  fetch?: ((request: Request, init: { signal: AbortSignal }) => Promise<Response>) | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Allow sending credentials over plain `http:` to a host other than localhost. Default false. */
  allowInsecureHttp?: boolean | undefined;
}

/** Options of `client.profiles.list()`. */
export interface ListOptions extends RequestOptions {
  /** Stop iterating after this many profiles. */
  maxItems?: number;
}

/** The Profiles resource. */
export interface ProfilesResource {
  /**
   * `GET /v1/profiles`. `await` it for the first page (`{ data, metadata, requestId }`), or
   * `for await (const profile of client.profiles.list(query))` for every profile across pages.
   * Rejects with a `ValidationError` before any request when the query breaks the contract.
   */
  list(query?: ListProfilesQuery, options?: ListOptions): PagePromise;
  /** `GET /v1/profiles/{id}`: resolves to the profile. `.withResponse()` gives the request id too. */
  get(id: string, options?: RequestOptions): ApiPromise<Profile>;
}

/** A client of the InsightIQ Profiles API. */
export interface ProfilesClient {
  /** The Profiles resource: `list()` and `get()`. */
  readonly profiles: ProfilesResource;
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** The underlying openapi-fetch client (authenticated, no retries), for anything not wrapped. */
  readonly raw: Client<paths>;
}

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const basicAuth = (id: string, secret: string) =>
  `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${id}:${secret}`)))}`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The top-level shapes of the 2xx bodies, checked before the caller sees them. */
const isPage = (body: unknown) => isObject(body) && Array.isArray(body.data) && isObject(body.metadata);
const isProfile = (body: unknown) => isObject(body) && typeof body.id === 'string';

const reject = <T>(error: unknown) => new ApiPromise<T>(() => Promise.reject(error));

/**
 * Creates a client of the InsightIQ Profiles API.
 *
 * ```ts
 * const client = createProfilesClient({ environment: 'sandbox' }); // credentials from INSIGHTIQ_CLIENT_ID/SECRET
 * for await (const profile of client.profiles.list({ limit: 100 })) console.log(profile.full_name);
 * ```
 * Throws a `ValidationError` for missing credentials, an unknown environment, a bad base URL, or
 * plain `http:` to a remote host (unless `allowInsecureHttp`).
 */
export function createProfilesClient(options: ClientOptions = {}): ProfilesClient {
  const env: Record<string, string | undefined> =
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const clientId = options.clientId ?? env.INSIGHTIQ_CLIENT_ID;
  const clientSecret = options.clientSecret ?? env.INSIGHTIQ_CLIENT_SECRET;
  if (!clientId)
    throw new ValidationError('clientId', 'is required: pass clientId or set INSIGHTIQ_CLIENT_ID');
  if (!clientSecret) {
    throw new ValidationError(
      'clientSecret',
      'is required: pass clientSecret or set INSIGHTIQ_CLIENT_SECRET',
    );
  }
  const environment = options.environment ?? (env.INSIGHTIQ_ENVIRONMENT || 'production');
  if (!options.baseUrl && !Object.hasOwn(environments, environment)) {
    throw new ValidationError(
      'environment',
      `must be one of ${Object.keys(environments).join(', ')}`,
      environment,
    );
  }
  const baseUrl = (options.baseUrl ?? environments[environment as Environment]).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ValidationError('baseUrl', 'must be an absolute http(s) URL', baseUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError('baseUrl', 'must be an absolute http(s) URL', baseUrl);
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.includes(url.hostname) && !options.allowInsecureHttp) {
    throw new ValidationError(
      'baseUrl',
      'must use https: credentials are not sent over plain http except to localhost (set allowInsecureHttp to override)',
      baseUrl,
    );
  }
  const maxRetries = options.maxRetries ?? 2;
  const timeoutMs = options.timeoutMs ?? 60_000;
  checkInteger('maxRetries', maxRetries, 0);
  checkInteger('timeoutMs', timeoutMs, 1);

  const authorization = basicAuth(clientId, clientSecret);
  const token = authorization.slice(6);
  const fetcher =
    options.fetch ?? ((request: Request, init: { signal: AbortSignal }) => fetch(request, init));
  const raw = createClient<paths>({
    baseUrl,
    fetch: (request) => fetcher(request, { signal: request.signal }),
    headers: { accept: 'application/json', ...options.headers, authorization },
  });
  const defaults: CallDefaults = {
    maxRetries,
    timeoutMs,
    redact: (text) => text.split(clientSecret).join('[redacted]').split(token).join('[redacted]'),
  };
  /** One call: `send` runs its attempts, each a GET through openapi-fetch with the attempt's signal. */
  const call = <T>(
    path: keyof paths,
    params: operations[keyof operations]['parameters'],
    isValid: (body: unknown) => boolean,
    o: RequestOptions,
  ) =>
    send<T>(
      ({ signal, headers }) =>
        (raw.GET as (path: string, init: object) => ReturnType<Attempt>)(path, {
          params,
          parseAs: 'text',
          headers,
          fetch: (request: Request) => fetcher(request, { signal }),
        }),
      isValid,
      defaults,
      o,
    );
  const checkRequestOptions = (o: RequestOptions) => {
    if (o.maxRetries !== undefined) checkInteger('maxRetries', o.maxRetries, 0);
    if (o.timeoutMs !== undefined) checkInteger('timeoutMs', o.timeoutMs, 1);
  };

  const profiles: ProfilesResource = {
    list(query = {}, options = {}) {
      const { maxItems = Number.POSITIVE_INFINITY, ...requestOptions } = options;
      try {
        checkListQuery(query);
        checkRequestOptions(requestOptions);
        if (maxItems !== Number.POSITIVE_INFINITY) checkInteger('maxItems', maxItems, 0);
      } catch (error) {
        return new PagePromise(() => Promise.reject(error), 0, 1, 1);
      }
      const fetchPage = (offset: number) =>
        call<Page>('/v1/profiles', { query: { ...query, offset } }, isPage, requestOptions).then((result) => {
          // The parsed body is the client's own: it becomes the page.
          result.data.requestId = result.requestId;
          return result;
        });
      return new PagePromise(fetchPage, query.offset ?? 0, query.limit ?? 10, maxItems);
    },

    get(id, options = {}) {
      try {
        checkUuid('id', id);
        checkRequestOptions(options);
      } catch (error) {
        return reject(error);
      }
      return new ApiPromise(() => call<Profile>('/v1/profiles/{id}', { path: { id } }, isProfile, options));
    },
  };

  return { profiles, baseUrl, raw };
}
