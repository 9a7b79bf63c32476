// The README's own start command, run as written from the repository root, on a free port (PORT, as
// the README says) instead of 8080, which a developer's own `pnpm start` may hold.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, whenListening } from '@insightiq/testkit';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const root = fileURLToPath(new URL('../../..', import.meta.url));
const COMMAND = 'pnpm --filter @insightiq/profiles-docs start';

describe('the README’s commands', () => {
  it(`${COMMAND} serves the reference and Try it on PORT`, { timeout: 120_000 }, async () => {
    expect(readme.split('\n').some((line) => line.trim() === COMMAND)).toBe(true);
    const port = await freePort();
    const child = spawn('sh', ['-c', COMMAND], {
      cwd: root,
      detached: true,
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      // It prints `InsightIQ Profiles API reference on URL/ (Try it: URL/try-it.html)`.
      const { url } = await whenListening(child, {
        label: COMMAND,
        pattern: / on (http:\/\/\S+?)\/ \(Try it/,
      });
      expect(url).toBe(`http://127.0.0.1:${port}`);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('InsightIQ Profiles API reference');
      expect((await fetch(`${url}/try-it.html`)).status).toBe(200);
    } finally {
      if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGTERM');
    }
  });
});
