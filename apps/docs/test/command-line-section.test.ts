import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Its commands are run as written by the CLI's tests (packages/cli/test/readme.test.ts).
describe('the reference page’s "Command line"', () => {
  it('is on the built page, with its commands', () => {
    const html = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
    const section = readFileSync(new URL('../src/command-line.md', import.meta.url), 'utf8');
    expect(html.includes('Command line'), 'the heading').toBe(true);
    const commands = [...section.matchAll(/^npx insightiq-profiles .+$/gm)].map((m) =>
      m[0].replace(/\s+#.*$/, ''),
    );
    expect(commands.length).toBeGreaterThan(3);
    for (const command of commands) expect(html.includes(command), command).toBe(true);
  });
});
