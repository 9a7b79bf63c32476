/**
 * A typed client of the InsightIQ (formerly Phyllo) Profiles API, built on openapi-fetch and
 * generated from the API's OpenAPI contract.
 *
 * ```ts
 * import { createProfilesClient } from '@insightiq/profiles-client';
 * const client = createProfilesClient({ environment: 'sandbox' });
 * const page = await client.profiles.list({ limit: 10 });
 * ```
 * @packageDocumentation
 */
export type {
  ErrorBody,
  Gender,
  ListProfilesQuery,
  Metadata,
  Profile,
  ProfileList,
  Reputation,
} from '@insightiq/profiles-types';
export {
  type ClientOptions,
  createProfilesClient,
  type Environment,
  environments,
  type ListOptions,
  type ProfilesClient,
  type ProfilesResource,
} from './client.js';
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  type ErrorPayload,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  ProfilesError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export { ApiPromise, type Page, PagePromise } from './pagination.js';
export type { RequestOptions, WithResponse } from './request.js';
export { parseTimestamp } from './timestamp.js';
