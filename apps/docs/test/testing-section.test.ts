import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkSnippets } from '@insightiq/snippet-tools';
import { describe, expect, it } from 'vitest';

const section = fileURLToPath(new URL('../src/testing.md', import.meta.url));

describe('the reference page’s "Testing against the sandbox"', () => {
  it('every TypeScript snippet type-checks against the built packages', { timeout: 180_000 }, () => {
    const { count, problems } = checkSnippets(section, { dir: fileURLToPath(new URL('.', import.meta.url)) });
    expect(count).toBe(3);
    expect(problems).toEqual([]);
  });

  it('is on the built page', () => {
    const html = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
    expect(html.includes('Testing against the sandbox'), 'the section').toBe(true);
    expect(html.includes('npx -y @insightiq/profiles-mock --port 4010'), 'the npx command').toBe(true);
  });
});
