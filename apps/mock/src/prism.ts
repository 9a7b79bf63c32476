import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A running Prism mock server, private to the mock app (it listens on 127.0.0.1 only). */
export interface Prism {
  port: number;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'OPTIONS', timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });

/**
 * The command that installs Prism where the mock can load it. Prism 5.14.2's newer internals need
 * Node 24 without saying so, hence the overrides on Node 20 and 22.
 */
export const INSTALL_PRISM =
  'npm install --save-dev @stoplight/prism-cli@5.14.2 (on Node 20 or 22, add to package.json "overrides": { "@stoplight/prism-core": "5.8.0", "@stoplight/prism-http": "5.12.0", "@stoplight/prism-http-server": "5.12.2" })';

/** Where Prism is installed; a clear error naming the install command when it is not (sandbox users need not have it). */
function resolvePrism(): string {
  try {
    return require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new Error(`--mode examples and --mode dynamic run Prism, which is not installed: ${INSTALL_PRISM}`);
  }
}

/**
 * Starts Prism (`prism mock`) on the bundled contract, static (`examples`) or `dynamic`, and resolves
 * once it answers. Its output is kept and shown only if it fails to start. `onExit` is called, with
 * the tail of its output, if it exits later without `stop()`.
 */
export async function startPrism(
  specPath: string,
  dynamic: boolean,
  seed: string,
  onExit: (why: string) => void = () => {},
): Promise<Prism> {
  const bin = join(dirname(resolvePrism()), 'dist/index.js');
  const port = await freePort();
  const args = [
    bin,
    'mock',
    specPath,
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--cors=false',
    '-v',
    'error',
  ];
  if (dynamic) args.push('--dynamic', '--seed', seed);
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-4000)));
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  let stopping = false;
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      // Prism gets 5 s to stop on SIGTERM; then it is killed, so that closing the mock never hangs.
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 30_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not start (exit code ${child.exitCode}):\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.once('exit', (code, signal) => {
    if (!stopping)
      onExit(
        `exit code ${code ?? signal}${output.trim() ? `: ${output.trim().split('\n').slice(-3).join(' / ')}` : ''}`,
      );
  });
  return { port, stop };
}
