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
export { buildProfile, type DeepPartial } from './build-profile.js';
export { DRIFT_KINDS, type DriftKind } from './drift.js';
export { referenceProfiles } from './generate.js';
export { OptionError } from './option-error.js';
export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';
