import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // As tsup defines it for the build.
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    globalSetup: ['@insightiq/testkit/node-check'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
