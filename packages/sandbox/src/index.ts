/**
 * The InsightIQ Profiles API's semantics as a transport-free engine: pagination, filters, 404s,
 * Basic auth, the API's error bodies, `request-id`s and fault injection, over a dataset of any size.
 * `createSandbox().fetch` serves it in process; `@insightiq/profiles-sandbox/msw` as MSW handlers;
 * `@insightiq/profiles-mock` over HTTP.
 *
 * ```ts
 * import { createSandbox } from '@insightiq/profiles-sandbox';
 * const sandbox = createSandbox();
 * const res = await sandbox.fetch('https://api.test/v1/profiles?limit=2', { headers: { authorization: `Basic ${btoa('id:secret')}` } });
 * ```
 * @packageDocumentation
 */
export { BoundedCache } from './bounded-cache.js';
export { buildProfile, type DeepPartial } from './build-profile.js';
export { DRIFT_HELP, DRIFT_KINDS, type DriftKind, parseDrift } from './drift.js';
export {
  type Backend,
  checkRequestParameters,
  Engine,
  parseTarget,
  routeOf,
  type SandboxAnswer,
  type SandboxCall,
  type SandboxRequest,
  truncate,
} from './engine.js';
export { ERRORS, type ErrorKind, errorResponse } from './errors.js';
export { FAULT_HELP, type Fault, parseFault } from './faults.js';
export { referenceProfiles } from './generate.js';
export { OptionError } from './option-error.js';
export { prng } from './prng.js';
export type { ProfileFilter, ProfileSource } from './profiles.js';
export { checkRecords, createSandbox, MAX_PROFILES, type Sandbox, type SandboxOptions } from './sandbox.js';
