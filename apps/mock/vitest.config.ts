import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@insightiq/testkit/node-check'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
