import { defineConfig } from 'vitest/config';

/** Browser tests: Chromium against the production build; one file at a time (2 cores). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
