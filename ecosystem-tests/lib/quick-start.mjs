// The root README's Quick start, first command, as written: in the run's copy of the repository
// (installed and built by the release), it must serve the mock on :4010 and the docs on :8080, and
// the README's curl line must read the mock.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { waitFor } from '@insightiq/testkit';
import { cleanEnv, killGroup, lastLines, run, track, within } from './process.mjs';
import { readmeSnippet } from './readme.mjs';

const PORTS = [4010, 8080];

/** Whether something on this machine already listens on `port` (a developer's own `pnpm start`). */
const inUse = (port) =>
  new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(true))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });

/**
 * Resolves once `url` answers (any status); rejects after `ms`, or at once when `child` has exited,
 * with its output.
 */
const until = (url, ms, child, output) =>
  waitFor(
    () =>
      fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        () => true,
        () => {
          if (child.exitCode === null) return false;
          throw new Error(
            `the Quick start exited ${child.exitCode} before ${url} answered; ${lastLines(output())}`,
          );
        },
      ),
    { label: `${url} to answer`, timeoutMs: ms, intervalMs: 250, detail: () => lastLines(output()) },
  );

/** Why the Quick start cannot run here (its ports are taken), or undefined. */
export async function quickStartBlocked() {
  const busy = [];
  for (const port of PORTS) if (await inUse(port)) busy.push(port);
  return busy.length
    ? `port ${busy.join(' and ')} in use on this machine (a pnpm start of your own?)`
    : undefined;
}

/** Runs the Quick start in `dir` (the released copy), checks what it serves, and stops it. */
export async function quickStart(dir, registry) {
  const command = readmeSnippet('quick start', registry.url).trim();
  const child = spawn('sh', ['-c', command], {
    cwd: dir,
    env: cleanEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let failure;
  try {
    await until('http://127.0.0.1:4010/v1/profiles', 240_000, child, () => output);
    await until('http://127.0.0.1:8080/', 60_000, child, () => output);
    const docs = await fetch('http://127.0.0.1:8080/', { signal: AbortSignal.timeout(10_000) });
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /InsightIQ Profiles API reference/);
    const curl = readmeSnippet('quick start curl', registry.url).trim();
    const page = JSON.parse(await run('sh', ['-c', curl], { cwd: dir, timeoutMs: 30_000 }));
    assert.equal(page.data.length, 2);
  } catch (error) {
    failure = error;
  }
  // Ctrl-C, as the README says; then whatever is left of the group is killed. A failure above is
  // the one shown, before one to stop.
  killGroup(child.pid, 'SIGINT');
  const stopped = await within(exited, 30_000, `\`${command}\` to stop on Ctrl-C (SIGINT)`, () =>
    lastLines(output),
  ).then(
    () => undefined,
    (error) => error,
  );
  killGroup(child.pid, 'SIGKILL');
  if (failure ?? stopped) throw failure ?? stopped;
}
