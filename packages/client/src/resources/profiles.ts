import type { ListProfilesQuery, Metadata, Profile, paths } from '@insightiq/profiles-types';
import type { Client } from 'openapi-fetch';
import { ApiError } from '../errors.js';
import { getProfileRules, listProfilesRules } from '../generated/contract.js';
import type { Config } from '../internal/config.js';
import {
  type Attempt,
  headersOf,
  type RequestOptions,
  send,
  type WithResponse,
} from '../internal/request.js';
import { checkResponse } from '../internal/response-validation.js';
import { checkInteger, checkParameters } from '../internal/rules.js';
import { ApiPromise, Page, PagePromise } from '../pagination.js';

/** Options of `client.profiles.list()`. */
export interface ListOptions extends RequestOptions {
  /** Stop iterating after this many profiles. */
  maxItems?: number;
}

/** The Profiles resource. */
export interface ProfilesResource {
  /**
   * `GET /v1/profiles`. `await` it for the first page (`{ data, metadata, requestId }`, with
   * `hasNextPage()` and `getNextPage()`), or `for await (const profile of client.profiles.list(query))`
   * for every profile across pages. Rejects with a `ValidationError` before any request when the
   * query breaks the contract, and with an `ApiError` when the server ignores paging (a page longer
   * than `limit`, or another offset than the one asked for), instead of looping forever.
   */
  list(query?: ListProfilesQuery, options?: ListOptions): PagePromise;
  /** `GET /v1/profiles/{id}`: resolves to the profile. `.withResponse()` gives the request id too. */
  get(id: string, options?: RequestOptions): ApiPromise<Profile>;
}

type Fetcher = (request: Request, init: { signal: AbortSignal }) => Promise<Response>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** The top-level shapes of the 2xx bodies, checked before the caller sees them. */
const isPage = (body: unknown) => isObject(body) && Array.isArray(body.data) && isObject(body.metadata);
const isProfile = (body: unknown) => isObject(body) && typeof body.id === 'string';
const DEFAULT_LIMIT = listProfilesRules.find((r) => r.name === 'limit')?.default as number;

/** The Profiles resource of a client: its calls go through openapi-fetch (`raw`), and so through its middleware. */
export function profilesResource(raw: Client<paths>, config: Config, fetcher: Fetcher): ProfilesResource {
  /** One call: `send` runs its attempts; the result is checked against the contract if asked. */
  const call = <T>(
    label: () => string,
    operationId: string,
    attempt: Attempt,
    isValid: (body: unknown) => boolean,
    options: RequestOptions,
  ): Promise<WithResponse<T>> => {
    const sent = send<T>(label, attempt, isValid, config, options);
    if (config.validateResponses === 'off') return sent; // no extra promise on the common path
    return sent.then(async (result) => {
      await checkResponse(config, operationId, result.response, result.data);
      return result;
    });
  };
  const checkOptions = (o: RequestOptions) => {
    if (o.maxRetries !== undefined) checkInteger('maxRetries', o.maxRetries, 0);
    if (o.timeoutMs !== undefined) checkInteger('timeoutMs', o.timeoutMs, 1);
  };

  return {
    list(query = {}, options = {}) {
      const { maxItems = Number.POSITIVE_INFINITY, ...requestOptions } = options;
      try {
        checkParameters(listProfilesRules, query);
        checkOptions(requestOptions);
        if (maxItems !== Number.POSITIVE_INFINITY) checkInteger('maxItems', maxItems, 0);
      } catch (error) {
        return new PagePromise(() => Promise.reject(error));
      }
      const limit = query.limit ?? DEFAULT_LIMIT;
      const fetchPage = async (offset: number): Promise<WithResponse<Page>> => {
        const q = { ...query, offset };
        const {
          data: body,
          response,
          requestId,
        } = await call<{ data: Profile[]; metadata: Metadata }>(
          () =>
            `GET /v1/profiles?${Object.entries(q)
              .map(([k, v]) => `${k}=${v}`)
              .join('&')}`,
          'listProfiles',
          ({ signal, headers }) =>
            raw.GET('/v1/profiles', {
              params: { query: q },
              parseAs: 'text',
              headers,
              fetch: (request: Request) => fetcher(request, { signal }),
            }),
          isPage,
          requestOptions,
        );
        if (body.data.length > limit || body.metadata.offset !== offset) {
          throw new ApiError(
            response.status,
            headersOf(response),
            body,
            `the server ignored paging: asked for offset ${offset} and limit ${limit}, got offset ${body.metadata.offset} and ${body.data.length} profiles`,
          );
        }
        const next = body.data.length >= limit ? () => fetchPage(offset + body.data.length) : undefined;
        return { data: new Page(body, requestId, next), response, requestId };
      };
      return new PagePromise(() => fetchPage(query.offset ?? 0), maxItems);
    },

    get(id, options = {}) {
      try {
        checkParameters(getProfileRules, { id });
        checkOptions(options);
      } catch (error) {
        return new ApiPromise(() => Promise.reject(error));
      }
      return new ApiPromise(() =>
        call<Profile>(
          () => `GET /v1/profiles/${id}`,
          'getProfile',
          ({ signal, headers }) =>
            raw.GET('/v1/profiles/{id}', {
              params: { path: { id } },
              parseAs: 'text',
              headers,
              fetch: (request: Request) => fetcher(request, { signal }),
            }),
          isProfile,
          options,
        ),
      );
    },
  };
}
