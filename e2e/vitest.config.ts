import { defineConfig } from 'vitest/config';

// Browser flows against the built app, one server for the run, one flow file at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page on a shared, busy machine can take a few seconds to show what it fetched.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
