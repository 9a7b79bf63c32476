// Runs `redocly diff` (Redocly CLI, this workspace's dependency) on two bundled contracts and reads its
// JSON report: every change, located and rated major, minor or patch by the semver bump it needs.
// Offline and deterministic: telemetry and update notices off, a fixed configuration (../redocly.yaml:
// the diff-recommended rules), no network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The release-tools workspace's folder (tools/release), whatever the current directory. */
const WORKSPACE = fileURLToPath(new URL('..', import.meta.url));

/** The configuration every diff runs with: telemetry off, the diff-recommended rules. */
export const REDOCLY_CONFIG = join(WORKSPACE, 'redocly.yaml');

/** The Redocly CLI this workspace installs (`node_modules/.bin/redocly` of tools/release). */
export const redoclyBin = () =>
  join(WORKSPACE, 'node_modules', '.bin', process.platform === 'win32' ? 'redocly.cmd' : 'redocly');

const ENV = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_COLOR: '1',
};

/** What redocly printed, without Node's deprecation banner (its box-drawing lines). */
function printed(result) {
  return `${result.stdout ?? ''}\n${result.stderr ?? ''}`
    .split('\n')
    .filter((line) => !/^\s*[╔║╚]/.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Spawns `redocly diff` writing its JSON report to `output`; throws with its output when it fails. */
function spawnDiff(bin, basePath, revisionPath, output) {
  const args = [
    'diff',
    resolve(basePath),
    resolve(revisionPath),
    '--config',
    REDOCLY_CONFIG,
    '--lint-config',
    'off',
  ];
  args.push('--format', 'json', '--output', output, '--fail-on', 'none');
  const result = spawnSync(bin, args, {
    cwd: WORKSPACE,
    env: { ...process.env, ...ENV },
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`could not run redocly diff (${bin}): ${result.error.message}`);
  if (result.status !== 0) {
    const how = result.status === null ? `killed by ${result.signal}` : `exit code ${result.status}`;
    throw new Error(
      `redocly diff ${basePath} ${revisionPath} failed (${how}); its output:\n${printed(result) || '(none)'}`,
    );
  }
  return result;
}

/** Reads the JSON report redocly wrote; throws when it is missing or not a diff report. */
function readReport(output, result) {
  let report;
  try {
    report = JSON.parse(readFileSync(output, 'utf8'));
  } catch (error) {
    throw new Error(
      `redocly diff wrote no readable JSON report (${error.message}); its output:\n${printed(result) || '(none)'}`,
    );
  }
  if (!Array.isArray(report?.changes)) {
    throw new Error(`redocly diff's report has no "changes" list (reportVersion ${report?.reportVersion})`);
  }
  return report;
}

/**
 * Runs `redocly diff basePath revisionPath` and returns its JSON report (`{ bump, summary, changes }`).
 * Throws a specific error when redocly is not installed, fails, or writes no report.
 */
export function redoclyDiff(basePath, revisionPath, { bin = redoclyBin() } = {}) {
  if (!existsSync(bin)) {
    throw new Error(
      `redocly is not installed at ${bin}: run pnpm install (@insightiq/release-tools depends on @redocly/cli)`,
    );
  }
  for (const path of [basePath, revisionPath]) {
    if (!existsSync(path)) throw new Error(`redocly diff: no contract at ${path}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'redocly-diff-'));
  try {
    const output = join(dir, 'report.json');
    return readReport(output, spawnDiff(bin, basePath, revisionPath, output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
