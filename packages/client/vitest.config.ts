import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // As tsup defines it for the build: the version in the user agent.
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    globalSetup: ['@insightiq/testkit/node-check'],
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
