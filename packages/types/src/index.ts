/**
 * TypeScript types of the InsightIQ Profiles API, generated from its OpenAPI 3.1 contract.
 *
 * ```ts
 * import type { Profile, ProfileList, paths } from '@insightiq/profiles-types';
 * ```
 * `paths`, `components` and `operations` are openapi-typescript's output; the other exports are
 * friendly names for the objects a client handles.
 * @packageDocumentation
 */
import type { components, operations, paths } from './generated/openapi.js';

export type { components, operations, paths };

type Schemas = components['schemas'];

// The object schemas, as named interfaces (generated): editors show `Profile`, not its fields.
export type {
  AccountAttribute,
  Address,
  Certification,
  Education,
  Email,
  ErrorBody,
  Honor,
  Metadata,
  PartialDate,
  PhoneNumber,
  Profile,
  ProfileList,
  Project,
  Publication,
  Reputation,
  TimePeriod,
  Timestamp,
  UserAttribute,
  VolunteerExperience,
  WorkExperience,
  WorkPlatformAttribute,
} from './generated/named.js';

/** The query parameters of `GET /v1/profiles`. */
export type ListProfilesQuery = NonNullable<operations['listProfiles']['parameters']['query']>;
/** `MALE`, `FEMALE`, `OTHER`, `UNSPECIFIED` or `null`. */
export type Gender = Schemas['Gender'];
/**
 * An offset-less UTC ISO 8601 timestamp string, such as `2021-11-08T18:53:18.337805`. (Editors show
 * it as `string`: TypeScript does not keep the names of aliases of primitives.)
 */
