import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: Node-side Vitest driving the system Chromium through playwright-core (not Vitest browser
 * mode). run-tests.mjs exports CHROME_PATH before running this config. The site is built once, by the global
 * setup. One file at a time: each test file starts its own Chromium, and two at once starve a 2-core machine.
 */
export default defineConfig({
  test: {
    name: 'browser',
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    // One production build for every browser test file (test/browser/helpers/global-setup.ts).
    globalSetup: ['test/browser/helpers/global-setup.ts'],
    passWithNoTests: true,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
