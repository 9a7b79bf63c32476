// A real private registry for the run: Verdaccio on a free loopback port, its storage and users in a
// temporary folder, no uplinks (it serves only what the run publishes to it).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort, waitFor } from '@insightiq/testkit';
import { lastLines, track, within } from './process.mjs';

const require = createRequire(import.meta.url);

const config = (dir) => `# Written by ecosystem-tests/lib/registry.mjs for one run.
storage: ${join(dir, 'storage')}
auth:
  htpasswd:
    file: ${join(dir, 'htpasswd')}
    max_users: 10
uplinks: {}
packages:
  '@insightiq/*':
    access: $all
    publish: $authenticated
  '**':
    access: $all
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;

/** The oldest Node major Verdaccio runs on (its `engines`), e.g. 22 for `>=22`. */
export const verdaccioNodeMajor = () =>
  Number(/(\d+)/.exec(require('verdaccio/package.json').engines?.node ?? '')?.[1] ?? 0);

/**
 * Starts Verdaccio in `dir` on the Node binary `node` and registers a publisher. Resolves to
 * `{ url, token, close }`: `token` is the publisher's auth token, for an `.npmrc` line
 * `//host:port/:_authToken=...`.
 */
export async function startRegistry(dir, node = process.execPath) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), config(dir));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const bin = join(require.resolve('verdaccio/package.json'), '../bin/verdaccio');
  // Its own process group, killed with the runner if the runner is stopped.
  const child = spawn(node, [bin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  track(child);
  let output = '';
  child.stdout.on('data', (c) => {
    output += c;
  });
  child.stderr.on('data', (c) => {
    output += c;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    try {
      await within(exited, 10_000, 'Verdaccio to exit after SIGTERM', () => lastLines(output));
    } catch (error) {
      child.kill('SIGKILL');
      await within(exited, 5000, 'Verdaccio to exit after SIGKILL');
      throw error;
    }
  };
  try {
    await waitFor(
      () =>
        fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2000) }).then(
          (r) => r.ok,
          () => {
            if (child.exitCode !== null)
              throw new Error(`Verdaccio exited ${child.exitCode}; ${lastLines(output)}`);
            return false;
          },
        ),
      {
        label: `Verdaccio to answer on ${url}-/ping`,
        timeoutMs: 30_000,
        intervalMs: 100,
        detail: () => lastLines(output),
      },
    );
    const res = await fetch(`${url}-/user/org.couchdb.user:ecosystem`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ecosystem', password: 'ecosystem-password', type: 'user', roles: [] }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await res.json();
    if (!res.ok || !body.token)
      throw new Error(`Verdaccio refused the publisher (${res.status}): ${JSON.stringify(body)}`);
    return { url, token: body.token, close, output: () => output };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/** The `.npmrc` line that authenticates to `url` with `token`. */
export const authLine = (url, token) => `${url.replace(/^https?:/, '')}:_authToken=${token}`;
