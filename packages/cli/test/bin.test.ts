// The built command, run as a user runs it: a child process against the HTTP mock.
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type RunningMock, startMock } from '@insightiq/profiles-mock';
import { waitFor } from '@insightiq/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/insightiq-profiles.js', import.meta.url));
const credentials = 'bin-test-id:bin-test-secret';
const env = {
  ...process.env,
  INSIGHTIQ_CLIENT_ID: 'bin-test-id',
  INSIGHTIQ_CLIENT_SECRET: 'bin-test-secret',
};

/** Runs the command to its end: exit code and output (a non-zero exit is an answer, not an error). */
async function run(args: string[], baseUrl: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...env, INSIGHTIQ_BASE_URL: baseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('insightiq-profiles, the built command', () => {
  let mock: RunningMock;
  let drifting: RunningMock;
  let slow: RunningMock;
  beforeAll(async () => {
    [mock, drifting, slow] = await Promise.all([
      startMock({ port: 0, credentials, profiles: 40 }),
      startMock({ port: 0, credentials, drift: 'all' }),
      startMock({ port: 0, credentials, profiles: 100_000, latencyMs: 100 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([mock, drifting, slow].map((m) => m?.close()));
  });

  it('verify exits 0 against the mock and 1 against a drifting one', async () => {
    const ok = await run(['verify', '--limit', '20'], mock.url);
    expect(ok.stdout).toContain('14 checks: 14 passed, 0 failed, 0 skipped');
    expect(ok.code).toBe(0);
    const bad = await run(['verify'], drifting.url);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^FAIL list: no page holds more than limit profiles$/m);
  });

  it('writes NDJSON to a pipe, and a closed pipe (| head) ends it quietly', async () => {
    const { code, stdout } = await run(['profiles', 'list', '--limit', '3'], mock.url);
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toHaveLength(3);

    const piped = await promisify(execFile)(
      'sh',
      ['-c', `"${process.execPath}" "${bin}" profiles list --all --limit 100 | head -n 2`],
      { env: { ...env, INSIGHTIQ_BASE_URL: slow.url } },
    );
    expect(piped.stdout.trim().split('\n')).toHaveLength(2);
    expect(piped.stderr).toBe('');
  });

  it('Ctrl-C during --all leaves a well-formed JSON array and exits 130', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'profiles', 'list', '--all', '--limit', '10', '--format', 'json'],
      {
        env: { ...env, INSIGHTIQ_BASE_URL: slow.url },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const detail = () => `stdout:\n${stdout}\nstderr:\n${stderr}`;
    await waitFor(() => stdout.length > 0, { label: 'the first profiles on stdout', detail });
    child.kill('SIGINT');
    await waitFor(() => child.exitCode !== null || child.signalCode !== null, {
      label: 'the command to exit after Ctrl-C',
      detail,
    });
    expect(child.exitCode).toBe(130);
    const profiles = JSON.parse(stdout) as unknown[];
    expect(profiles.length % 10).toBe(0);
    expect(profiles.length).toBeGreaterThan(0);
    expect(stderr).toBe('insightiq-profiles: interrupted\n');
  });

  it('a usage error exits 2 with one line', async () => {
    const { code, stderr, stdout } = await run(['profiles', 'list', '--limit', '500'], mock.url);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'insightiq-profiles: --limit must be an integer between 1 and 100 (got "500") (see --help)\n',
    );
  });
});
