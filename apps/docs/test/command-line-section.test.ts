import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../scripts/static-markdown.mjs';

const built = (name: string) => readFileSync(new URL(`../dist/${name}`, import.meta.url), 'utf8');
/** How each page holds a text: the landing page as HTML text, Redoc's page inside its JSON state. */
const AS_WRITTEN = {
  'index.html': escapeHtml,
  'redoc.html': (text: string) => text,
};

// Its commands are run as written by the CLI's tests (packages/cli/test/readme.test.ts).
describe('the reference page’s "Command line"', () => {
  it.each(Object.entries(AS_WRITTEN))('is on the built %s, with its commands', (name, asWritten) => {
    const html = built(name);
    const section = readFileSync(new URL('../src/command-line.md', import.meta.url), 'utf8');
    expect(html.includes('Command line'), 'the heading').toBe(true);
    const commands = [...section.matchAll(/^npx insightiq-profiles .+$/gm)].map((m) =>
      m[0].replace(/\s+#.*$/, ''),
    );
    expect(commands.length).toBeGreaterThan(3);
    for (const command of commands) expect(html.includes(asWritten(command)), command).toBe(true);
  });
});
