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

/** A profile: the identity of a user on one connected work-platform account. */
export type Profile = Schemas['Profile'];
/** One page of `GET /v1/profiles`: `data` and `metadata`. */
export type ProfileList = Schemas['ProfileList'];
/** The `metadata` of a page: the `offset` and `limit` it was read with. */
export type Metadata = Schemas['Metadata'];
/** The query parameters of `GET /v1/profiles`. */
export type ListProfilesQuery = NonNullable<operations['listProfiles']['parameters']['query']>;
/** The body of every error response: `{ error: { type, error_code, message, request_id, http_status_code } }`. */
export type ErrorBody = Schemas['Error'];
/** `MALE`, `FEMALE`, `OTHER`, `UNSPECIFIED` or `null`. */
export type Gender = Schemas['Gender'];
/** An offset-less UTC ISO 8601 timestamp string, such as `2021-11-08T18:53:18.337805`. */
export type Timestamp = Schemas['Timestamp'];
/** Follower, subscriber and content counts. */
export type Reputation = Schemas['Reputation'];
/** The user a profile belongs to. */
export type UserAttribute = Schemas['UserAttribute'];
/** The connected account a profile was read from. */
export type AccountAttribute = Schemas['AccountAttribute'];
/** The work platform of the connected account. */
export type WorkPlatformAttribute = Schemas['WorkPlatformAttribute'];
/** An email address on a profile. */
export type Email = Schemas['Email'];
/** A phone number on a profile. */
export type PhoneNumber = Schemas['PhoneNumber'];
/** A postal address on a profile. */
export type Address = Schemas['Address'];
/** A position listed on a profile. */
export type WorkExperience = Schemas['WorkExperience'];
/** A school or degree listed on a profile. */
export type Education = Schemas['Education'];
/** A publication listed on a profile. */
export type Publication = Schemas['Publication'];
/** A certification listed on a profile. */
export type Certification = Schemas['Certification'];
/** Volunteering listed on a profile. */
export type VolunteerExperience = Schemas['VolunteerExperience'];
/** An honor or award listed on a profile. */
export type Honor = Schemas['Honor'];
/** A project listed on a profile. */
export type Project = Schemas['Project'];
/** A start and end date. */
export type TimePeriod = Schemas['TimePeriod'];
/** A date of which any part may be unknown. */
export type PartialDate = Schemas['PartialDate'];
