import { fileURLToPath } from 'node:url';
import { checkSnippets } from '@insightiq/snippet-tools';
import { describe, expect, it } from 'vitest';

// The sandbox's README shows it with the client and MSW, which the sandbox package itself cannot
// depend on (the client's tests depend on the mock, which depends on the sandbox): the docs app,
// which has them all, type-checks its snippets.
describe("the sandbox package's README", () => {
  it('every TypeScript snippet type-checks against the built packages', { timeout: 180_000 }, () => {
    const { count, problems } = checkSnippets(
      fileURLToPath(new URL('../../../packages/sandbox/README.md', import.meta.url)),
      { dir: fileURLToPath(new URL('.', import.meta.url)) },
    );
    expect(count).toBe(4);
    expect(problems).toEqual([]);
  });
});
