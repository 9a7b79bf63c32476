// The commands the README shows, run as written (on a free port instead of 4010, which a developer's
// own mock may hold): the workspace start command, and the curl line against it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const root = fileURLToPath(new URL('../../..', import.meta.url));
const line = (starts: string) => {
  const found = readme.split('\n').find((l) => l.startsWith(starts));
  if (!found) throw new Error(`the README has no line starting ${starts}`);
  return found.replace(/\s+#.*$/, '');
};
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
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
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (d) => {
          out += d;
          if (out.includes('listening on')) resolve();
        });
        child.stderr?.on('data', (d) => (out += d));
        child.on('exit', (code) => reject(new Error(`${start} exited ${code}:\n${out}`)));
      });
      const curl = line("curl -u any-id:any-secret 'http://127.0.0.1:4010").replace('4010', port);
      const body = JSON.parse(execFileSync('sh', ['-c', curl]).toString());
      expect(body.data).toHaveLength(2);
      expect(body.metadata).toMatchObject({ offset: 0, limit: 2 });
    } finally {
      if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGTERM');
    }
  });
});
