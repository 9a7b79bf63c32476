// "Verified" on each operation of the reference: the JSON report of `insightiq-profiles verify
// --report json`, given to the build by INSIGHTIQ_VERIFY_REPORT, read, checked, and summed up per
// operation (when the run started, the deployment's base URL, each operation's checks passed, failed
// and skipped). Nothing of the report but these is shown: no violation, request or credential.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** The environment variable that names the report (a path; relative to where the command is run). */
export const VERIFY_REPORT_ENV = 'INSIGHTIQ_VERIFY_REPORT';

/**
 * For a report of the CLI 1.0.0, whose checks do not name their operation yet: the operation by the
 * first word of the check's id (ids are stable across releases; the auth checks send the list
 * request). Later reports give each check's `operationId`, which is used as it is.
 */
const OPERATION_OF_1_0 = {
  list: 'listProfiles',
  filter: 'listProfiles',
  auth: 'listProfiles',
  get: 'getProfile',
};
const STATUSES = ['passed', 'failed', 'skipped'];

/** A report that cannot be read or is not one of `verify`'s: the message names the file and what is wrong. */
export class VerifyReportError extends Error {
  name = 'VerifyReportError';
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON.parse's complaint without the excerpt of the file it quotes (the file might hold a secret). */
const parseError = (error) => String(error.message).replace(/,? ".*" is not valid JSON$/s, '');

/** The deployment's base URL as shown: scheme, host, port and path; no credentials, query or fragment. */
function deploymentOf(target, fail) {
  let url;
  try {
    url = new URL(target);
  } catch {
    fail('"target" is not a URL (expected the base URL verify checked)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    fail(`"target" is a ${url.protocol} URL (expected the http or https base URL verify checked)`);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** The run's start, checked: an ISO 8601 time. */
function startOf(startedAt, fail) {
  const time = typeof startedAt === 'string' ? new Date(startedAt) : undefined;
  if (!time || Number.isNaN(time.getTime()))
    fail('"startedAt" is not an ISO 8601 time (expected when the run started)');
  return time;
}

/** The operation of one check of the report, checked. */
function operationOf(check, i, fail) {
  if (!isObject(check) || typeof check.id !== 'string')
    fail(
      `"checks/${i}" has no "id" (expected a check such as { "id": "list-conforms", "status": "passed" })`,
    );
  if (!STATUSES.includes(check.status))
    fail(
      `"checks/${i}" (${check.id}) has status ${JSON.stringify(check.status)}, not passed, failed or skipped`,
    );
  if (check.operationId !== undefined) {
    if (typeof check.operationId !== 'string' || check.operationId === '')
      fail(`"checks/${i}" (${check.id}) has an "operationId" that is not a name of an operation`);
    return check.operationId;
  }
  const operationId = OPERATION_OF_1_0[check.id.split('-')[0]];
  if (!operationId)
    fail(
      `check "${check.id}" names no "operationId", and is none of the CLI 1.0.0's checks (their ids begin with ${Object.keys(OPERATION_OF_1_0).join('-, ')}-)`,
    );
  return operationId;
}

/**
 * The per-operation summary of a parsed report: `{ startedAt, deployment, operations }`, where
 * `operations[operationId]` is `{ checks, passed, failed, skipped }`. Throws a `VerifyReportError`
 * naming `file` and what is wrong when `report` is not a report of `verify --report json`.
 */
export function verificationOf(report, file = 'the report') {
  const fail = (what) => {
    throw new VerifyReportError(
      `${file} is not a report of \`insightiq-profiles verify --report json\`: ${what}`,
    );
  };
  if (!isObject(report)) fail('it is not a JSON object');
  for (const key of ['target', 'startedAt', 'checks']) if (!(key in report)) fail(`"${key}" is missing`);
  if (typeof report.target !== 'string') fail('"target" is not a string');
  if (!Array.isArray(report.checks) || report.checks.length === 0)
    fail('"checks" is not a list of checks, or is empty');
  const startedAt = startOf(report.startedAt, fail);
  const deployment = deploymentOf(report.target, fail);
  const operations = {};
  report.checks.forEach((check, i) => {
    const operationId = operationOf(check, i, fail);
    operations[operationId] ??= { checks: 0, passed: 0, failed: 0, skipped: 0 };
    operations[operationId].checks += 1;
    operations[operationId][check.status] += 1;
  });
  return { startedAt, deployment, operations };
}

/** Reads and sums up the report at `path` (relative to `cwd`); a `VerifyReportError` when it cannot. */
export function readVerification(path, cwd = process.cwd()) {
  const file = isAbsolute(path) ? path : resolve(cwd, path);
  const named = `${VERIFY_REPORT_ENV}=${path}: ${file}`;
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const why = error.code === 'ENOENT' ? 'no such file' : (error.code ?? error.message);
    throw new VerifyReportError(
      `${named}: cannot be read (${why}); write it with \`insightiq-profiles verify --report json --output FILE\``,
    );
  }
  let report;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new VerifyReportError(`${named} is not JSON (${parseError(error)})`);
  }
  return verificationOf(report, named);
}

/**
 * The summary of the report `env.INSIGHTIQ_VERIFY_REPORT` names, or `undefined` when it is unset or
 * empty. A relative path is relative to the directory the command was run in: `INIT_CWD`, which pnpm
 * sets (`pnpm --filter` runs the script in apps/docs), else the current directory.
 */
export function verificationFromEnv(env = process.env) {
  const path = env[VERIFY_REPORT_ENV];
  if (path === undefined || path.trim() === '') return undefined;
  return readVerification(path, env.INIT_CWD || process.cwd());
}

/** `2026-12-01 14:02 UTC` */
const minuteUtc = (time) => `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The note for one operation, in Markdown, or `undefined` without a summary or when the report has no
 * check of that operation: `Verified 2026-12-01 14:02 UTC against https://api.staging.insightiq.ai:
 * 12 of 12 checks passed.` (failed and skipped checks counted after, when there are any).
 */
export function verificationNote(verification, operationId) {
  const counts = verification?.operations[operationId];
  if (!counts) return undefined;
  const { checks, passed, failed, skipped } = counts;
  const rest = [failed > 0 && `${failed} failed`, skipped > 0 && `${skipped} skipped`].filter(Boolean);
  const noun = checks === 1 ? 'check' : 'checks';
  return `**Verified** ${minuteUtc(verification.startedAt)} against \`${verification.deployment}\`: ${passed} of ${checks} ${noun} passed${rest.map((r) => `, ${r}`).join('')}.`;
}
