/**
 * The engine's parts that `@insightiq/profiles-mock` builds its HTTP server on. Internal: no semver
 * promise, any release may change or remove them. Use the main entry (`createSandbox`,
 * `@insightiq/profiles-sandbox/msw`) or the mock instead.
 * @packageDocumentation
 */
export { DRIFT_HELP, parseDrift } from './drift.js';
export type { Backend, SandboxAnswer, SandboxCall, SandboxRequest } from './engine.js';
export { type Answer, type ErrorKind, errorAnswer } from './errors.js';
export { FAULT_HELP, parseFault } from './faults.js';
export { prng } from './prng.js';
export { parseTarget, readRequestParameters, routeOf } from './request.js';
export { checkRecords, createEngine } from './sandbox.js';
