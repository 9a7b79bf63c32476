import type { paths } from '@insightiq/profiles-types';
import type { Client } from 'openapi-fetch';
import { type ClientOptions, resolveConfig } from './internal/config.js';
import { createClient } from './internal/openapi-fetch.js';
import { clientHeader } from './internal/user-agent.js';
import { type ProfilesResource, profilesResource } from './resources/profiles.js';

/** A client of the InsightIQ Profiles API. */
export interface ProfilesClient {
  /** The Profiles resource: `list()` and `get()`. */
  readonly profiles: ProfilesResource;
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /**
   * The underlying openapi-fetch client (authenticated, no retries), for anything not wrapped. Its
   * middleware (`raw.use()`) also sees every `profiles.*` request and response.
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a client of the InsightIQ Profiles API.
 *
 * ```ts
 * const client = createProfilesClient({ environment: 'sandbox' }); // credentials from INSIGHTIQ_CLIENT_ID/SECRET
 * for await (const profile of client.profiles.list({ limit: 100 })) console.log(profile.full_name);
 * ```
 * Throws a `ValidationError` for missing credentials, an unknown environment, a bad base URL (or one
 * with credentials in it), plain `http:` to a remote host (unless `allowInsecureHttp`), or a bad option.
 */
export function createProfilesClient(options: ClientOptions = {}): ProfilesClient {
  const config = resolveConfig(options);
  const fetcher =
    options.fetch ?? ((request: Request, init: { signal: AbortSignal }) => fetch(request, init));
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: (request) => fetcher(request, { signal: request.signal }),
    headers: {
      accept: 'application/json',
      ...clientHeader(),
      ...options.headers,
      authorization: config.authorization,
    },
  });
  return { profiles: profilesResource(raw, config, fetcher), baseUrl: config.baseUrl, raw };
}
