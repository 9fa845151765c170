import { defineConfig } from 'vitest/config';

// One run covers every package. Server tests start real databases, so files run
// in separate forks and each builds its own region and users (no shared state).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
