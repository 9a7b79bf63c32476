// A mock started the way the docs show it, with npx, in its own process group (npx runs the mock as
// a child, and the mock runs Prism: stopping npx alone would orphan them), with its own npm cache
// so that no copy of an earlier run answers. Every wait is bounded: the start, each request, the stop.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor, whenListening } from '@insightiq/testkit';
import { cleanEnv, killGroup, lastLines, processesIn, track, within } from './process.mjs';

/** How long a started mock may take to print its URL (npx may download it first). */
const START_MS = 120_000;
/** How long it may take to stop after SIGTERM: the mock's README says it stops cleanly, Prism included. */
const STOP_MS = 15_000;

/**
 * Runs `command` (an `npx ... @insightiq/profiles-mock ...` line) in `dir` with `env` added;
 * resolves once it listens, to `{ url, output, stop }`. `stop()` sends SIGTERM to the group and
 * rejects, naming what was still running, when it has not stopped within 15 s or left a process
 * behind (both are then killed).
 */
export async function startNpxMock(command, dir, env = {}) {
  const mock = spawn('sh', ['-c', `exec ${command.replace(/\s*&\s*$/, '')}`], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...cleanEnv(), CI: 'true', npm_config_cache: join(dir, '.npm-cache'), ...env },
  });
  track(mock);
  let out = '';
  mock.stdout.on('data', (d) => (out += d));
  mock.stderr.on('data', (d) => (out += d));
  const output = () => out;
  const closed = new Promise((resolve) => mock.once('close', resolve));
  const running = () => processesIn(mock.pid).join('\n') || '(none)';
  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      killGroup(mock.pid, 'SIGTERM');
      try {
        await within(
          closed,
          STOP_MS,
          `\`${command}\` to stop after SIGTERM to its process group`,
          () => `still running:\n${running()}\n${lastLines(out)}`,
        );
        // Its output closed: npx and the mock are gone. Prism (the mock's child) must go too.
        await waitFor(() => processesIn(mock.pid).length === 0, {
          label: `the processes \`${command}\` started to exit after it stopped`,
          timeoutMs: 5000,
          intervalMs: 100,
          detail: running,
        });
      } finally {
        killGroup(mock.pid, 'SIGKILL');
      }
    })();
    return stopped;
  };
  try {
    const { url } = await whenListening(mock, { label: command, timeoutMs: START_MS });
    return { url, output, stop };
  } catch (error) {
    const what = running();
    await stop().catch(() => {});
    throw new Error(`${error.message}\nits processes then:\n${what}`);
  }
}

/** GETs `path` of a started mock with Basic credentials; rejects after 30 s with the mock's output. */
export async function getFrom(mock, path) {
  try {
    return await fetch(`${mock.url}${path}`, {
      headers: { authorization: `Basic ${btoa('a:b')}` },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new Error(`GET ${mock.url}${path}: ${error.message}; the mock's ${lastLines(mock.output())}`);
  }
}
