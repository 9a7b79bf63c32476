import { fileURLToPath } from 'node:url';
import { checkSnippets } from '@insightiq/snippet-tools';
import { describe, expect, it } from 'vitest';

describe('the README', () => {
  // A whole TypeScript program: seconds on a loaded machine, hence the timeout (not a speed check).
  it('every TypeScript snippet type-checks against the built package', { timeout: 180_000 }, () => {
    const { count, problems } = checkSnippets(fileURLToPath(new URL('../../README.md', import.meta.url)), {
      dir: fileURLToPath(new URL('../..', import.meta.url)),
      declarations: [
        'declare const authorization: string;',
        'declare const someProfile: unknown;',
        'declare const res: Response;',
        "declare const violations: import('@insightiq/profiles-spec/validate').Violation[];",
      ],
    });
    expect(count).toBe(5);
    expect(problems).toEqual([]);
  });
});
