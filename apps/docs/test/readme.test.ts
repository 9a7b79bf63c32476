// The README's own start commands, at the root and under a path, run as written from the repository
// root, on a free port (PORT, as the README says) instead of 8080, which a developer's own `pnpm start`
// may hold.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, whenListening } from '@insightiq/testkit';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const root = fileURLToPath(new URL('../../..', import.meta.url));
const COMMAND = 'pnpm --filter @insightiq/profiles-docs start';

const UNDER_PATH = `BASE_PATH=/docs/profiles/ ${COMMAND}`;

/**
 * Runs `command` as written from the repository root on a free port, and hands `check` the URL it
 * prints (`InsightIQ Profiles API reference on URL/ (Try it: URL/try-it.html)`) and the port.
 */
async function served(command: string, check: (url: string, port: number) => Promise<void>) {
  expect(readme.split('\n').some((line) => line.trim() === command)).toBe(true);
  const port = await freePort();
  const child = spawn('sh', ['-c', command], {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const { url } = await whenListening(child, { label: command, pattern: / on (http:\/\/\S+?)\/ \(Try it/ });
    await check(url, port);
  } finally {
    if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGTERM');
  }
}

describe('the README’s commands', () => {
  it(`${COMMAND} serves the reference and Try it on PORT`, { timeout: 120_000 }, async () => {
    await served(COMMAND, async (url, port) => {
      expect(url).toBe(`http://127.0.0.1:${port}`);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('InsightIQ Profiles API reference');
      expect((await fetch(`${url}/try-it.html`)).status).toBe(200);
    });
  });

  it(`${UNDER_PATH} serves them under that path, and nothing outside it`, { timeout: 120_000 }, async () => {
    await served(UNDER_PATH, async (url, port) => {
      expect(url).toBe(`http://127.0.0.1:${port}/docs/profiles`);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('InsightIQ Profiles API reference');
      expect((await fetch(`${url}/try-it.html`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    });
  });
});
