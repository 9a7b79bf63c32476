// A mock started the way the docs show it, with npx, in its own process group (npx runs the mock as
// a child, and stopping npx alone would orphan it), with its own npm cache so that no copy of an
// earlier run answers.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { whenListening } from '@insightiq/testkit';

/** Runs `command` (an `npx ... @insightiq/profiles-mock ...` line) in `dir`; resolves once it listens. */
export async function startNpxMock(command, dir) {
  const mock = spawn('sh', ['-c', `exec ${command.replace(/\s*&\s*$/, '')}`], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', npm_config_cache: join(dir, '.npm-cache') },
  });
  const stop = async () => {
    if (mock.exitCode !== null || mock.signalCode !== null) return;
    const exited = new Promise((resolve) => mock.once('exit', resolve));
    process.kill(-mock.pid, 'SIGTERM');
    await exited;
  };
  try {
    const { url } = await whenListening(mock, { label: command });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
