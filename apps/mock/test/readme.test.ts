// The commands the README shows, run as written (on a free port instead of 4010, which a developer's
// own mock may hold): the workspace start command, and the curl line against it.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, waitFor, whenListening } from '@insightiq/testkit';
import { describe, expect, it } from 'vitest';
import * as mock from '../src/index.js';
import { startMock } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const root = fileURLToPath(new URL('../../..', import.meta.url));
const line = (starts: string) => {
  const found = readme.split('\n').find((l) => l.startsWith(starts));
  if (!found) throw new Error(`the README has no line starting ${starts}`);
  return found.replace(/\s+#.*$/, '');
};

describe('the README', () => {
  it('documents every value the package exports', () => {
    const exported = Object.keys(mock).sort();
    expect(exported).toEqual(['OptionError', 'startMock']);
    for (const name of exported) expect(readme, name).toMatch(new RegExp(`\`${name}[\`(]`));
  });
});

describe('the README’s commands', () => {
  it('pnpm --filter … start --port … --mode sandbox starts the mock, and the curl line reads it', {
    timeout: 120_000,
  }, async () => {
    const port = String(await freePort());
    const start = line('pnpm --filter @insightiq/profiles-mock start').replace('4010', port);
    const child: ChildProcess = spawn('sh', ['-c', start], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await whenListening(child, { label: start });
      const curl = line("curl -u any-id:any-secret 'http://127.0.0.1:4010").replace('4010', port);
      const body = JSON.parse(execFileSync('sh', ['-c', curl]).toString());
      expect(body.data).toHaveLength(2);
      expect(body.metadata).toMatchObject({ offset: 0, limit: 2 });
    } finally {
      if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGTERM');
    }
  });

  it('the drift monitor line runs (upstream: a drifting mock instead of the real API) and flags the drift', {
    timeout: 60_000,
  }, async () => {
    const upstream = await startMock({ port: 0, drift: ['unknown-enum'] });
    const port = String(await freePort());
    const command = line('npx -y @insightiq/profiles-mock --mode proxy')
      .replace('https://api.sandbox.insightiq.ai', upstream.url)
      .replace('4010', port)
      .replace('npx -y @insightiq/profiles-mock', `"${process.execPath}" bin/insightiq-profiles-mock.js`);
    const child: ChildProcess = spawn('sh', ['-c', `exec ${command}`], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (d) => (err += d));
    try {
      await whenListening(child, { label: command });
      const answer = await fetch(`http://127.0.0.1:${port}/v1/profiles?limit=1`, {
        headers: { authorization: `Basic ${btoa('id:secret')}` },
      });
      expect(answer.headers.get('x-contract-violations')).toBe('1');
      await answer.text();
      // The log line and the answer travel on different pipes: wait for the line, however late.
      await waitFor(() => err.includes('contract violation'), {
        label: "a 'contract violation' line on the proxy's stderr",
        timeoutMs: 20_000,
        detail: () => `its stderr:\n${err}`,
      });
      expect(err).toContain('/body/data/0/gender must be equal to one of the allowed values');
    } finally {
      child.kill('SIGTERM');
      await upstream.close();
    }
  });

  it('the fault injection curl line gets a 429 with Retry-After: 1, as the table says', async () => {
    const mock = await startMock({ port: 0, profiles: 0 });
    try {
      const curl = line("curl -i -u a:b -H 'x-mock-fault: 429'").replace('http://127.0.0.1:4010', mock.url);
      // Not execFileSync: the mock runs in this process, and must answer while curl waits.
      const { stdout: out } = await promisify(execFile)('sh', ['-c', curl]);
      expect(out).toMatch(/^HTTP\/1\.1 429 /);
      expect(out).toMatch(/^retry-after: 1\r?$/im);
      expect(out).toContain('"http_status_code":429');
    } finally {
      await mock.close();
    }
  });
});
