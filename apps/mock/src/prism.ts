import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A running Prism mock server, private to the mock app (it listens on 127.0.0.1 only). */
export interface Prism {
  port: number;
  stop(): Promise<void>;
}

/** Prism's line once it listens: the port it bound (it is started on port 0, so the OS picks a free one). */
const LISTENING = /Prism is listening on http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Resolves to the port Prism says it listens on; rejects if it exits first or says nothing within
 * 30 s. Prism binds port 0 itself: a port chosen beforehand could be taken by another process (another
 * Prism, under a parallel test run) before Prism binds it, and the mock would then talk to that one.
 */
function listeningPort(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('Prism did not say it listens within 30 s')), 30_000);
    const onData = () => {
      const port = LISTENING.exec(output())?.[1];
      if (port) done(undefined, Number(port));
    };
    const onExit = (code: number | null) =>
      done(new Error(`Prism exited (exit code ${code}) before it listened`));
    function done(error?: Error, port?: number) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(port as number);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

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
  const args = [
    bin,
    'mock',
    specPath,
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--cors=false',
    // `info`: Prism says which port it bound; its output is kept, and shown only if it fails.
    '-v',
    'info',
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
  let port: number;
  try {
    port = await listeningPort(child, () => output);
  } catch (error) {
    await stop();
    throw new Error(`Prism did not start (${(error as Error).message}):\n${output}`);
  }
  child.once('exit', (code, signal) => {
    if (!stopping)
      onExit(
        `exit code ${code ?? signal}${output.trim() ? `: ${output.trim().split('\n').slice(-3).join(' / ')}` : ''}`,
      );
  });
  return { port, stop };
}
