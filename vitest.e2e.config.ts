import { defineConfig } from 'vitest/config';

// End-to-end tests: playwright-core drives /usr/bin/chromium against the built demo.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
