import { defineConfig } from 'vitest/config';

// One run covers every package. Server tests start real databases, so files run
// in separate forks and each builds its own region and users (no shared state). Two forks
// even on two cores: much of a test's time is waiting on PostgreSQL, SQLite's disk or a child
// process, and the suite took 8½ minutes in one fork, 6 in two.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
