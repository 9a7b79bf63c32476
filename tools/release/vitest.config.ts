import { defineConfig } from 'vitest/config';

// The release tests pack packages and run changesets: slow on a busy 2-core machine, hence the timeout.
export default defineConfig({
  test: {
    globalSetup: ['@insightiq/testkit/node-check'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
