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
  Timestamp,
} from '@insightiq/profiles-types';
export { createProfilesClient, type ProfilesClient } from './client.js';
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  type ContractViolation,
  type ErrorPayload,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  ProfilesError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export { environments } from './generated/contract.js';
export type { ClientOptions, Environment, ResponseValidation } from './internal/config.js';
export type { Logger, LogLevel } from './internal/logger.js';
export type { RequestOptions, WithResponse } from './internal/request.js';
export { ApiPromise, Page, PagePromise } from './pagination.js';
export type { ListOptions, ProfilesResource } from './resources/profiles.js';
export { parseTimestamp } from './timestamp.js';
