// A mock started the way the docs show it, with npx, in its own process group (npx runs the mock as
// a child, and stopping npx alone would orphan it), with its own npm cache so that no copy of an
// earlier run answers.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

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
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no "listening on" within 120 s:\n${out}`)), 120_000);
      const read = (d) => {
        out += d;
        const m = /listening on (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      mock.stdout.on('data', read);
      mock.stderr.on('data', read);
      mock.once('exit', (code) => reject(new Error(`${command} exited ${code}:\n${out}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
