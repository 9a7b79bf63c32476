/**
 * This file was generated from @insightiq/profiles-spec by packages/client/scripts/generate.mjs.
 * Do not edit it by hand: run `pnpm generate` (or `pnpm --filter @insightiq/profiles-client generate`).
 */
import type { ParameterRule } from '@insightiq/profiles-spec/parameters';

/** The API's hosts (the contract's servers), by environment. Credentials are issued per environment. */
export const environments = {
  "production": "https://api.insightiq.ai",
  "sandbox": "https://api.sandbox.insightiq.ai",
  "staging": "https://api.staging.insightiq.ai"
} as const;

/** The parameters of `GET /v1/profiles`. */
export const listProfilesRules: readonly ParameterRule[] = [
  {
    "name": "limit",
    "in": "query",
    "type": "integer",
    "minimum": 1,
    "maximum": 100,
    "default": 10,
    "rule": "must be an integer between 1 and 100"
  },
  {
    "name": "offset",
    "in": "query",
    "type": "integer",
    "minimum": 0,
    "maximum": 9007199254740991,
    "default": 0,
    "rule": "must be an integer between 0 and 9007199254740991"
  },
  {
    "name": "user_id",
    "in": "query",
    "type": "string",
    "format": "uuid",
    "rule": "must be a UUID"
  },
  {
    "name": "work_platform_id",
    "in": "query",
    "type": "string",
    "format": "uuid",
    "rule": "must be a UUID"
  },
  {
    "name": "account_id",
    "in": "query",
    "type": "string",
    "format": "uuid",
    "rule": "must be a UUID"
  }
];

/** The parameters of `GET /v1/profiles/{id}`. */
export const getProfileRules: readonly ParameterRule[] = [
  {
    "name": "id",
    "in": "path",
    "required": true,
    "type": "string",
    "format": "uuid",
    "rule": "must be a UUID"
  }
];
