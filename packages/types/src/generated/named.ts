/**
 * This file was generated from @insightiq/profiles-spec/openapi.json by packages/types/scripts/generate.mjs.
 * Do not edit it by hand: run `pnpm generate` (or `pnpm --filter @insightiq/profiles-types generate`).
 */
import type { components } from './openapi.js';

/** An ISO 8601 date-time that the API sends **without** a UTC offset, usually with microseconds, and that means UTC (`2021-11-08T18:53:18.337805`). It is not an RFC 3339 `date-time` (which requires an offset), so it is typed by pattern. A trailing `Z` or offset is accepted too, in case the API starts sending one. */
export type Timestamp = components['schemas']['Timestamp'] & {};

type UserAttributeSchema = components['schemas']['UserAttribute'];
/** The user the profile belongs to. */
export interface UserAttribute extends UserAttributeSchema {}

type AccountAttributeSchema = components['schemas']['AccountAttribute'];
/** The connected work-platform account the profile was read from. */
export interface AccountAttribute extends AccountAttributeSchema {}

type WorkPlatformAttributeSchema = components['schemas']['WorkPlatformAttribute'];
/** The work platform (Instagram, YouTube, ...) of the connected account. */
export interface WorkPlatformAttribute extends WorkPlatformAttributeSchema {}

type ReputationSchema = components['schemas']['Reputation'];
/** The profile's reputation on the platform. Every count may be null where the platform does not report it. Recorded sandbox data also carried `like_count` and `connection_count`. */
export interface Reputation extends ReputationSchema {}

type EmailSchema = components['schemas']['Email'];
/** An email address listed on the profile. */
export interface Email extends EmailSchema {}

type PhoneNumberSchema = components['schemas']['PhoneNumber'];
/** A phone number listed on the profile. */
export interface PhoneNumber extends PhoneNumberSchema {}

type AddressSchema = components['schemas']['Address'];
/** A postal address listed on the profile. */
export interface Address extends AddressSchema {}

type PartialDateSchema = components['schemas']['PartialDate'];
/** A calendar date of which any part may be unknown. */
export interface PartialDate extends PartialDateSchema {}

type TimePeriodSchema = components['schemas']['TimePeriod'];
/** When something started and ended; `end_date` is null while it is ongoing. */
export interface TimePeriod extends TimePeriodSchema {
  start_date?: PartialDate | null;
  end_date?: PartialDate | null;
}

type WorkExperienceSchema = components['schemas']['WorkExperience'];
/** A position listed on the profile. */
export interface WorkExperience extends WorkExperienceSchema {
  time_period?: TimePeriod | null;
}

type EducationSchema = components['schemas']['Education'];
/** A school, degree or course listed on the profile. */
export interface Education extends EducationSchema {
  time_period?: TimePeriod | null;
}

type PublicationSchema = components['schemas']['Publication'];
/** A publication listed on the profile. */
export interface Publication extends PublicationSchema {
  date?: PartialDate | null;
}

type CertificationSchema = components['schemas']['Certification'];
/** A certification listed on the profile. */
export interface Certification extends CertificationSchema {
  time_period?: TimePeriod | null;
}

type VolunteerExperienceSchema = components['schemas']['VolunteerExperience'];
/** Volunteering listed on the profile. */
export interface VolunteerExperience extends VolunteerExperienceSchema {
  time_period?: TimePeriod | null;
}

type HonorSchema = components['schemas']['Honor'];
/** An honor or award listed on the profile. */
export interface Honor extends HonorSchema {
  date?: PartialDate | null;
}

type ProjectSchema = components['schemas']['Project'];
/** A project listed on the profile. */
export interface Project extends ProjectSchema {
  time_period?: TimePeriod | null;
}

type ProfileSchema = components['schemas']['Profile'];
/** The identity of a user on one connected work-platform account: names, contact details, reputation, work experience and more. Fields the API adds later are allowed (see `openapi/README.md`). */
export interface Profile extends ProfileSchema {
  /** Profile creation time (UTC, ISO 8601 without offset). */
  created_at: Timestamp;
  /** Profile update time (UTC, ISO 8601 without offset). */
  updated_at: Timestamp;
  user: UserAttribute;
  account: AccountAttribute;
  work_platform: WorkPlatformAttribute;
  reputation?: Reputation;
  /** Email addresses listed on the profile. */
  emails?: Email[];
  /** Phone numbers listed on the profile. */
  phone_numbers?: PhoneNumber[];
  /** Addresses listed on the profile. */
  addresses?: Address[];
  /** Time the profile was created on the platform (UTC, ISO 8601 without offset), or null. */
  platform_profile_published_at?: Timestamp | null;
  /** Work experiences listed on the profile. */
  work_experiences?: WorkExperience[];
  /** Education listed on the profile. */
  education?: Education[];
  /** Publications listed on the profile. */
  publications?: Publication[];
  /** Certifications listed on the profile. */
  certifications?: Certification[];
  /** Volunteering experiences listed on the profile. */
  volunteer_experiences?: VolunteerExperience[];
  /** Honors listed on the profile. */
  honors?: Honor[];
  /** Projects listed on the profile. */
  projects?: Project[];
}

type MetadataSchema = components['schemas']['Metadata'];
/** Meta information about the page, echoing the query. */
export interface Metadata extends MetadataSchema {}

type ProfileListSchema = components['schemas']['ProfileList'];
/** One page of profiles. There is no total count, so a page shorter than `limit` is the last. */
export interface ProfileList extends ProfileListSchema {
  data: Profile[];
  metadata: Metadata;
}

type ErrorSchema = components['schemas']['Error'];
/** The body of every error response. */
export interface ErrorBody extends ErrorSchema {}
