// A real private registry for the run: Verdaccio on a free loopback port, its storage and users in a
// temporary folder, no uplinks (it serves only what the run publishes to it).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort } from '@insightiq/testkit';

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

/**
 * Starts Verdaccio in `dir` and registers a publisher. Resolves to `{ url, token, close }`: `token`
 * is the publisher's auth token, for an `.npmrc` line `//host:port/:_authToken=...`.
 */
export async function startRegistry(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), config(dir));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const bin = join(require.resolve('verdaccio/package.json'), '../bin/verdaccio');
  const child = spawn(
    process.execPath,
    [bin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c) => {
    output += c;
  });
  child.stderr.on('data', (c) => {
    output += c;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`Verdaccio exited ${child.exitCode}:\n${output}`);
      const ok = await fetch(`${url}-/ping`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i >= 300) throw new Error(`Verdaccio did not answer on ${url} within 30 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await fetch(`${url}-/user/org.couchdb.user:ecosystem`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ecosystem', password: 'ecosystem-password', type: 'user', roles: [] }),
    });
    const body = await res.json();
    if (!res.ok || !body.token)
      throw new Error(`Verdaccio refused the publisher (${res.status}): ${JSON.stringify(body)}`);
    return { url, token: body.token, close, output: () => output };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The `.npmrc` line that authenticates to `url` with `token`. */
export const authLine = (url, token) => `${url.replace(/^https?:/, '')}:_authToken=${token}`;
