// The root README's Quick start, first command, as written: in the run's copy of the repository
// (installed and built by the release), it must serve the mock on :4010 and the docs on :8080, and
// the README's curl line must read the mock.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { run } from './process.mjs';
import { readmeSnippet } from './readme.mjs';

const PORTS = [4010, 8080];

/** Whether something on this machine already listens on `port` (a developer's own `pnpm start`). */
const inUse = (port) =>
  new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(true))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });

/** Resolves once `url` answers (any status), or rejects after `ms`. */
async function until(url, ms, output) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {}
    if (Date.now() > end) throw new Error(`${url} did not answer within ${ms / 1000} s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

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
  const child = spawn('sh', ['-c', command], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await until('http://127.0.0.1:4010/v1/profiles', 240_000, () => output);
    await until('http://127.0.0.1:8080/', 60_000, () => output);
    const docs = await fetch('http://127.0.0.1:8080/');
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /InsightIQ Profiles API reference/);
    const curl = readmeSnippet('quick start curl', registry.url).trim();
    const page = JSON.parse(await run('sh', ['-c', curl], { cwd: dir }));
    assert.equal(page.data.length, 2);
  } finally {
    if (child.exitCode === null) process.kill(-child.pid, 'SIGINT');
    await exited;
  }
}
