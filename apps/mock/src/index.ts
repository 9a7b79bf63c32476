/**
 * The local mock of the InsightIQ Profiles API, for tests of other workspaces and apps:
 *
 * ```ts
 * import { startMock } from '@insightiq/profiles-mock';
 * const mock = await startMock({ port: 0 });
 * // ... call mock.url ...
 * await mock.close();
 * ```
 * @packageDocumentation
 */

export { Dataset, type ProfileFilter, type ProfileRecord, sandboxProfiles } from './dataset.js';
export { FAULT_HELP, type Fault, parseFault } from './faults.js';
export { type MockMode, type MockOptions, type RunningMock, startMock } from './server.js';
