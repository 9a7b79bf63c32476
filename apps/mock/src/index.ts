/**
 * The local mock of the InsightIQ Profiles API over HTTP: the sandbox engine of
 * `@insightiq/profiles-sandbox` behind `node:http`, or Prism's modes.
 *
 * ```ts
 * import { startMock } from '@insightiq/profiles-mock';
 * const mock = await startMock({ port: 0 });
 * // ... call mock.url ...
 * await mock.close();
 * ```
 * @packageDocumentation
 */

export { OptionError } from '@insightiq/profiles-sandbox';
export type { ProxyReport } from './proxy.js';
export { type MockMode, type MockOptions, type RunningMock, startMock } from './server.js';
