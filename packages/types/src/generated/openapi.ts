/**
 * This file was generated from @insightiq/profiles-spec/openapi.json by packages/types/scripts/generate.mjs.
 * Do not edit it by hand: run `pnpm generate` (or `pnpm --filter @insightiq/profiles-types generate`).
 */

/** Every path of the contract, keyed by its template: `paths['/v1/profiles']['get']` is `GET /v1/profiles`. */
export interface paths {
    "/v1/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve all profiles
         * @description Lists all profiles. A profile contains information related to the identity of the user, such as
         *     name, address and contact details. The data in a profile is tied to a particular work platform
         *     account that the user has connected via the Connect SDK.
         *
         *     Filters combine with AND. Page with `limit` and `offset`: the response has no total count, so a
         *     page shorter than `limit` ends the list.
         */
        get: operations["listProfiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a profile
         * @description Retrieves one profile by its id. The body is the same `Profile` object the list returns.
         */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
/** The contract declares no webhooks. */
export type webhooks = Record<string, never>;
/** The contract's components: `components['schemas']['Profile']`, and its parameters, responses and headers. */
export interface components {
    schemas: {
        /**
         * Timestamp
         * @description An ISO 8601 date-time that the API sends **without** a UTC offset, usually with microseconds, and
         *     that means UTC (`2021-11-08T18:53:18.337805`). It is not an RFC 3339 `date-time` (which requires an
         *     offset), so it is typed by pattern. A trailing `Z` or offset is accepted too, in case the API starts
         *     sending one.
         * @example 2021-11-08T18:53:18.337805
         */
        Timestamp: string;
        /**
         * UserAttribute
         * @description The user the profile belongs to.
         */
        UserAttribute: {
            /**
             * Format: uuid
             * @description Unique ID of the user.
             * @example 8ba1ac32-0f3c-4cf0-8d89-79a183258f6a
             */
            id: string;
            /**
             * @description Name of the user, as given when the user was created.
             * @example Peter Parker
             */
            name: string;
        };
        /**
         * AccountAttribute
         * @description The connected work-platform account the profile was read from.
         */
        AccountAttribute: {
            /**
             * Format: uuid
             * @description Unique ID of the connected account.
             * @example 3839334f-6c01-4ad3-8ff1-68e106148702
             */
            id: string;
            /**
             * @description Username of the account on the work platform; null when the platform has none.
             * @example peter.parker@gmail.com
             */
            platform_username: string | null;
        };
        /**
         * WorkPlatformAttribute
         * @description The work platform (Instagram, YouTube, ...) of the connected account.
         */
        WorkPlatformAttribute: {
            /**
             * Format: uuid
             * @description Unique ID of the work platform.
             * @example 7645460a-96e0-4192-a3ce-a1fc30641f72
             */
            id: string;
            /**
             * @description Name of the work platform.
             * @example Twitter
             */
            name: string;
            /**
             * Format: uri
             * @description URL of the work platform's logo.
             * @example https://cdn.insightiq.ai/platforms_logo/logos/logo_twitter.png
             */
            logo_url: string;
        };
        /**
         * Reputation
         * @description The profile's reputation on the platform. Every count may be null where the platform does not
         *     report it. Recorded sandbox data also carried `like_count` and `connection_count`.
         */
        Reputation: {
            /**
             * @description Number of followers.
             * @example 78976
             */
            follower_count?: number | null;
            /**
             * @description Number of accounts the profile follows.
             * @example 567
             */
            following_count?: number | null;
            /**
             * @description Number of subscribers.
             * @example 12345
             */
            subscriber_count?: number | null;
            /**
             * @description Number of paying subscribers.
             * @example 120
             */
            paid_subscriber_count?: number | null;
            /**
             * @description Number of content items published.
             * @example 340
             */
            content_count?: number | null;
            /**
             * @description Number of content groups (playlists, albums, ...).
             * @example 12
             */
            content_group_count?: number | null;
            /**
             * @description Total watch time of the profile's content, in hours.
             * @example 5000
             */
            watch_time_in_hours?: number | null;
            /**
             * @description Average open rate of the profile's newsletters.
             * @example 0.42
             */
            average_open_rate?: number | null;
            /**
             * @description Average click rate of the profile's newsletters.
             * @example 0.05
             */
            average_click_rate?: number | null;
            /**
             * @description Number of likes (seen in recorded sandbox data).
             * @example 1200
             */
            like_count?: number | null;
            /**
             * @description Number of connections (seen in recorded sandbox data).
             * @example 500
             */
            connection_count?: number | null;
        };
        /**
         * Email
         * @description An email address listed on the profile.
         */
        Email: {
            /**
             * @description Kind of address, such as `WORK`, `HOME` or `OTHER`.
             * @example WORK
             */
            type?: string;
            /**
             * @description The email address.
             * @example mark.ruffalo@gmail.com
             */
            email_id: string;
        };
        /**
         * PhoneNumber
         * @description A phone number listed on the profile.
         */
        PhoneNumber: {
            /**
             * @description Kind of number, such as `WORK`, `HOME` or `OTHER`.
             * @example WORK
             */
            type?: string;
            /**
             * @description The phone number, as the platform lists it.
             * @example +1987654321
             */
            phone_number: string;
        };
        /**
         * Address
         * @description A postal address listed on the profile.
         */
        Address: {
            /**
             * @description Kind of address, such as `WORK`, `HOME` or `OTHER`.
             * @example WORK
             */
            type?: string;
            /**
             * @description The address, as one line of free text.
             * @example 122 Alpine Avenue, Sunnyvale, CA, USA
             */
            address: string;
        };
        /**
         * Gender
         * @description Gender of the user, or null when the platform does not say.
         * @example MALE
         * @enum {string|null}
         */
        Gender: "MALE" | "FEMALE" | "OTHER" | "UNSPECIFIED" | null;
        /**
         * PartialDate
         * @description A calendar date of which any part may be unknown.
         */
        PartialDate: {
            /** @example 14 */
            day?: number | null;
            /** @example 6 */
            month?: number | null;
            /** @example 2019 */
            year?: number | null;
        };
        /**
         * TimePeriod
         * @description When something started and ended; `end_date` is null while it is ongoing.
         */
        TimePeriod: {
            start_date?: components["schemas"]["PartialDate"] | null;
            end_date?: components["schemas"]["PartialDate"] | null;
        };
        /**
         * WorkExperience
         * @description A position listed on the profile.
         */
        WorkExperience: {
            /**
             * @description Job title.
             * @example Cloud Architect
             */
            title?: string | null;
            /** @description The employer. */
            company?: {
                /** @example Acme Corp */
                name?: string | null;
                /**
                 * @example [
                 *       "Information Technology"
                 *     ]
                 */
                industries?: string[] | null;
                /**
                 * Format: uri
                 * @example https://example.com/acme.png
                 */
                logo_url?: string | null;
                /** @description Company size as a range. */
                employee_count?: {
                    /** @example 51 */
                    min?: number | null;
                    /** @example 200 */
                    max?: number | null;
                } | null;
            } | null;
            /** @example Designed multi-region cloud platforms. */
            description?: string | null;
            time_period?: components["schemas"]["TimePeriod"] | null;
            location?: {
                /**
                 * @example Sunnyvale
                 * @example CA
                 */
                name?: string | null;
                /** @example US */
                country?: string | null;
            } | null;
        };
        /**
         * Education
         * @description A school, degree or course listed on the profile.
         */
        Education: {
            /** @example Bachelor of Science */
            degree?: string | null;
            /** @example Computer Science */
            field_study?: string | null;
            /** @example First class */
            grade?: string | null;
            school?: {
                /** @example Stanford University */
                name?: string | null;
                /**
                 * Format: uri
                 * @example https://example.com/stanford.png
                 */
                logo_url?: string | null;
            } | null;
            /** @example Distributed systems track. */
            description?: string | null;
            time_period?: components["schemas"]["TimePeriod"] | null;
            /** @example Robotics club */
            activities?: string | null;
        };
        /**
         * Publication
         * @description A publication listed on the profile.
         */
        Publication: {
            /** @example Scaling read replicas */
            name?: string | null;
            /** @example ACM Queue */
            publisher?: string | null;
            /** @example Lessons from running replicas at scale. */
            description?: string | null;
            /**
             * Format: uri
             * @example https://example.com/paper
             */
            url?: string | null;
            date?: components["schemas"]["PartialDate"] | null;
        };
        /**
         * Certification
         * @description A certification listed on the profile.
         */
        Certification: {
            /** @example AWS Certified Solutions Architect */
            name?: string | null;
            /**
             * @description The certificate's own identifier, as issued by the authority.
             * @example AWS-123456
             */
            id?: string | null;
            /**
             * Format: uri
             * @example https://example.com/cert/123456
             */
            url?: string | null;
            /** @example Amazon Web Services */
            authority?: string | null;
            time_period?: components["schemas"]["TimePeriod"] | null;
        };
        /**
         * VolunteerExperience
         * @description Volunteering listed on the profile.
         */
        VolunteerExperience: {
            /** @example Mentor */
            role?: string | null;
            /** @example Code Club */
            organization?: string | null;
            /** @example Education */
            cause?: string | null;
            /** @example Weekly coding lessons for children. */
            description?: string | null;
            time_period?: components["schemas"]["TimePeriod"] | null;
        };
        /**
         * Honor
         * @description An honor or award listed on the profile.
         */
        Honor: {
            /** @example Employee of the year */
            title?: string | null;
            /** @example Acme Corp */
            issuer?: string | null;
            /** @example For the platform migration. */
            description?: string | null;
            date?: components["schemas"]["PartialDate"] | null;
        };
        /**
         * Project
         * @description A project listed on the profile.
         */
        Project: {
            /** @example Open telemetry pipeline */
            title?: string | null;
            /** @example An open-source tracing pipeline. */
            description?: string | null;
            /**
             * Format: uri
             * @example https://example.com/project
             */
            url?: string | null;
            time_period?: components["schemas"]["TimePeriod"] | null;
        };
        /**
         * Profile
         * @description The identity of a user on one connected work-platform account: names, contact details, reputation,
         *     work experience and more. Fields the API adds later are allowed (see `openapi/README.md`).
         */
        Profile: {
            /**
             * Format: uuid
             * @description Unique ID of the profile.
             * @example 12ccaf87-66c2-4b8e-9bf0-d0e8705334d1
             */
            id: string;
            /** @description Profile creation time (UTC, ISO 8601 without offset). */
            created_at: components["schemas"]["Timestamp"];
            /** @description Profile update time (UTC, ISO 8601 without offset). */
            updated_at: components["schemas"]["Timestamp"];
            user: components["schemas"]["UserAttribute"];
            account: components["schemas"]["AccountAttribute"];
            work_platform: components["schemas"]["WorkPlatformAttribute"];
            /**
             * @description Username of the connected account. This uniquely identifies a user on the platform and is usually
             *     the name in the profile's URL and the one used to tag the user.
             * @example johndoe
             */
            platform_username: string | null;
            /**
             * @description Full name of the user profile.
             * @example John Doe
             */
            full_name?: string | null;
            /**
             * @description First name of the user profile.
             * @example John
             */
            first_name?: string | null;
            /**
             * @description Last name of the user profile.
             * @example Doe
             */
            last_name?: string | null;
            /**
             * @description Nickname of the user profile.
             * @example John
             */
            nick_name?: string | null;
            /**
             * Format: uri
             * @description Profile URL on the connected platform.
             * @example https://instagram.com/12ccaf87
             */
            url?: string;
            /**
             * @description Description of the profile (its bio).
             * @example Cloud architect with enterprise expertise.
             */
            introduction?: string | null;
            /**
             * Format: uri
             * @description URL of the profile image on the platform.
             * @example https://instagram.com/profiles/12ccaf87.png
             */
            image_url?: string;
            /**
             * @description Date of birth of the user on the platform. The reference page's field table types it as a plain
             *     string (example `11/26/1989`), but the API's own sample sends ISO dates (`1989-11-26`) and `null`,
             *     so the contract admits null and fixes no date format.
             * @example 1989-11-26
             */
            date_of_birth?: string | null;
            /**
             * @description Unique identifier for the profile on the platform.
             * @example 12ccaf87
             */
            external_id?: string;
            /**
             * @description Account type of the user on the platform.
             * @example CREATOR
             */
            platform_account_type?: string | null;
            /**
             * @description Category of the user's platform account.
             * @example Blog
             */
            category?: string | null;
            /**
             * Format: uri
             * @description User website listed on the platform.
             * @example https://www.johndoe.com
             */
            website?: string | null;
            reputation?: components["schemas"]["Reputation"];
            /** @description Email addresses listed on the profile. */
            emails?: components["schemas"]["Email"][];
            /** @description Phone numbers listed on the profile. */
            phone_numbers?: components["schemas"]["PhoneNumber"][];
            /** @description Addresses listed on the profile. */
            addresses?: components["schemas"]["Address"][];
            gender: components["schemas"]["Gender"];
            /**
             * @description Country of the user on the connected platform. The reference page's field table types it as a
             *     plain string (example `US`), but the API's own sample sends `null` and free text
             *     (`San Francisco`), so the contract admits null and fixes no code list.
             * @example US
             */
            country?: string | null;
            /**
             * @description The user's profile name on the work platform. Not unique; displayed prominently on the profile,
             *     usually editable, and most commonly associated with the user's identity on the platform.
             * @example CBSE WINNERS
             */
            platform_profile_name?: string | null;
            /**
             * @description Unique profile ID of the user on the work platform.
             * @example UCEyLTzBtHJhlUwkeWhxfMXw
             */
            platform_profile_id?: string | null;
            /** @description Time the profile was created on the platform (UTC, ISO 8601 without offset), or null. */
            platform_profile_published_at?: components["schemas"]["Timestamp"] | null;
            /**
             * @description True if the platform has verified the user's profile.
             * @example true
             */
            is_verified?: boolean;
            /**
             * @description True if the profile is a business account on the platform.
             * @example true
             */
            is_business?: boolean;
            /** @description Work experiences listed on the profile. */
            work_experiences?: components["schemas"]["WorkExperience"][];
            /** @description Education listed on the profile. */
            education?: components["schemas"]["Education"][];
            /** @description Publications listed on the profile. */
            publications?: components["schemas"]["Publication"][];
            /** @description Certifications listed on the profile. */
            certifications?: components["schemas"]["Certification"][];
            /** @description Volunteering experiences listed on the profile. */
            volunteer_experiences?: components["schemas"]["VolunteerExperience"][];
            /** @description Honors listed on the profile. */
            honors?: components["schemas"]["Honor"][];
            /** @description Projects listed on the profile. */
            projects?: components["schemas"]["Project"][];
        };
        /**
         * Metadata
         * @description Meta information about the page, echoing the query.
         */
        Metadata: {
            /**
             * @description Offset value passed in the query parameter.
             * @default 0
             * @example 0
             */
            offset: number;
            /**
             * @description Limit value passed in the query parameter.
             * @default 10
             * @example 10
             */
            limit: number;
            /**
             * Format: date
             * @description From date passed in the query parameter (YYYY-MM-DD).
             * @example 2020-12-31
             */
            from_date?: string | null;
            /**
             * Format: date
             * @description To date passed in the query parameter (YYYY-MM-DD).
             * @example 2021-12-31
             */
            to_date?: string | null;
        };
        /**
         * ProfileList
         * @description One page of profiles. There is no total count, so a page shorter than `limit` is the last.
         */
        ProfileList: {
            data: components["schemas"]["Profile"][];
            metadata: components["schemas"]["Metadata"];
        };
        /**
         * Error
         * @description The body of every error response.
         */
        Error: {
            error: {
                /**
                 * @description Broad category of the error.
                 * @example INVALID_REQUEST_PARAMETERS
                 */
                type: string;
                /**
                 * @description Specific, machine-readable error code.
                 * @example MISSING_FIELDS
                 */
                error_code: string;
                /**
                 * @description Older name of `error_code`, which some clients still read. Not always sent.
                 * @example MISSING_FIELDS
                 */
                code?: string;
                /**
                 * @description Human-readable explanation.
                 * @example Request is missing required fields: [enabled, name].
                 */
                message: string;
                /**
                 * Format: uuid
                 * @description The request's id, also sent as the `request-id` header.
                 * @example 5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11
                 */
                request_id: string;
                /**
                 * @description The HTTP status of the response.
                 * @example 400
                 */
                http_status_code: number;
            };
        };
    };
    responses: {
        /** @description A query parameter is invalid (for example `limit` outside 1..100, or an id that is not a UUID). */
        BadRequest: {
            headers: {
                "request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Credentials are missing, malformed or wrong. The response carries a `WWW-Authenticate` header for Basic auth. */
        Unauthorized: {
            headers: {
                "request-id": components["headers"]["RequestId"];
                /**
                 * @description The authentication scheme to use.
                 * @example Basic realm="InsightIQ"
                 */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The credentials are valid but not allowed to read this resource. */
        Forbidden: {
            headers: {
                "request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limited. Retry after a pause; see `Retry-After` when it is sent. */
        TooManyRequests: {
            headers: {
                "request-id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The API failed. Retrying later may succeed. */
        InternalServerError: {
            headers: {
                "request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The profile id is not a UUID. */
        BadRequestId: {
            headers: {
                "request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No profile has this id. */
        NotFound: {
            headers: {
                "request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description The number of objects to be returned. It can be between 1 and 100. The default value is 10.
         * @example 10
         */
        Limit: number;
        /**
         * @description The number of objects to skip. Use this argument for pagination. The default value is 0. At most 9007199254740991 (2^53 - 1), the largest integer a JSON number carries exactly: a larger offset could not be echoed back in `metadata.offset` as it was sent.
         * @example 0
         */
        Offset: number;
        /**
         * @description Unique ID of the user. Only profiles with this user_id are returned.
         * @example 12ccaf87-66c2-4b8e-9bf0-d0e8705334d1
         */
        UserId: string;
        /**
         * @description Unique ID of the work platform. Only profiles with this work_platform_id are returned.
         * @example 12ccaf87-66c2-4b8e-9bf0-d0e8705334d1
         */
        WorkPlatformId: string;
        /**
         * @description Unique ID of the connected account. Only profiles with this account_id are returned.
         * @example 12ccaf87-66c2-4b8e-9bf0-d0e8705334d1
         */
        AccountId: string;
        /**
         * @description Unique ID of the profile.
         * @example 3640aa41-55d3-4198-9092-ef9ced03d7fb
         */
        ProfileId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Unique ID associated with this request. Please quote it when you request support.
         * @example 5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11
         */
        RequestId: string;
        /**
         * @description When present, how long to wait before retrying: seconds, or an HTTP date. The real API documents no
         *     rate-limit headers, so clients must not rely on it; the local mock sends it with injected 429s.
         * @example 1
         */
        RetryAfter: string;
    };
    pathItems: never;
}
/** The contract declares no `$defs`. */
export type $defs = Record<string, never>;
/** Every operation by operationId (`operations['listProfiles']`): its parameters and responses. */
export interface operations {
    listProfiles: {
        parameters: {
            query?: {
                /**
                 * @description The number of objects to be returned. It can be between 1 and 100. The default value is 10.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description The number of objects to skip. Use this argument for pagination. The default value is 0. At most 9007199254740991 (2^53 - 1), the largest integer a JSON number carries exactly: a larger offset could not be echoed back in `metadata.offset` as it was sent.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
                /**
                 * @description Unique ID of the user. Only profiles with this user_id are returned.
                 * @example 12ccaf87-66c2-4b8e-9bf0-d0e8705334d1
                 */
                user_id?: components["parameters"]["UserId"];
                /**
                 * @description Unique ID of the work platform. Only profiles with this work_platform_id are returned.
                 * @example 12ccaf87-66c2-4b8e-9bf0-d0e8705334d1
                 */
                work_platform_id?: components["parameters"]["WorkPlatformId"];
                /**
                 * @description Unique ID of the connected account. Only profiles with this account_id are returned.
                 * @example 12ccaf87-66c2-4b8e-9bf0-d0e8705334d1
                 */
                account_id?: components["parameters"]["AccountId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Returns all profile objects. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique ID of the profile.
                 * @example 3640aa41-55d3-4198-9092-ef9ced03d7fb
                 */
                id: components["parameters"]["ProfileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile. */
            200: {
                headers: {
                    "request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            400: components["responses"]["BadRequestId"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
