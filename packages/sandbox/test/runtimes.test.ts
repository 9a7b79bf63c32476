import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the built entries', () => {
  it.each(['index.js', 'index.cjs', 'msw.js', 'msw.cjs'])(
    '%s imports nothing from node: (browsers, workers)',
    (file) => {
      const code = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
      expect(code).not.toMatch(/(from|import\(|require\()\s*["']node:/);
    },
  );
});
