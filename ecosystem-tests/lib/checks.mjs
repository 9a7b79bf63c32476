// What each setup's program must have printed.
import assert from 'node:assert/strict';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The last JSON line a program printed. */
export function lastJson(stdout) {
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  assert.ok(line, `printed no JSON report:\n${stdout}`);
  return JSON.parse(line);
}

/** The report of program/exercise.ts (or its JavaScript twin): pages, filter, get and both error classes. */
export function checkClientReport(report) {
  assert.equal(report.listed, 10, 'for await over pages of 3 with maxItems 10 yields 10 profiles');
  assert.equal(report.distinct, 10, 'pages do not overlap');
  assert.ok(report.filtered > 0, 'the work_platform_id filter finds the first profile’s platform');
  assert.equal(report.filterHolds, true, 'every filtered profile is on that platform');
  assert.match(report.got, UUID, 'get(id) returns the listed profile');
  assert.deepEqual(report.caught, ['NotFoundError', 'RateLimitError'], 'errors are caught by class');
}

/** The report of projects/spec-dual (one per module system). */
export function checkSpecReport(report, version) {
  assert.equal(report.version, version, 'openapi.info.version is the released version');
  assert.equal(report.sameAsFile, true, 'the exported document is the one in openapi.json');
  assert.deepEqual(report.paths, ['/v1/profiles', '/v1/profiles/{id}']);
  assert.equal(report.issues, 0, 'the mock’s page conforms');
  assert.deepEqual(report.brokenIssues, ['/id'], 'a profile whose id is a number is reported at /id');
}
