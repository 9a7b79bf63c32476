/**
 * `insightiq-profiles`, the InsightIQ Profiles API from the command line, as a library: `run()` is
 * the command itself, and `verify()` the conformance run of `insightiq-profiles verify`.
 *
 * ```ts
 * import { createProfilesClient } from '@insightiq/profiles-client';
 * import { formatReport, verify } from '@insightiq/profiles-cli';
 * const report = await verify(createProfilesClient({ baseUrl: 'http://127.0.0.1:4010' }));
 * console.log(formatReport(report, 'markdown'));
 * ```
 * @packageDocumentation
 */
export { EXIT, type Io, type Output } from './io.js';
export { run } from './program.js';
export { formatReport, REPORT_FORMATS, type ReportFormat } from './verify/reports.js';
export type { CheckResult, VerifyOptions, VerifyReport, Violation } from './verify/types.js';
export { verify } from './verify/verify.js';
