import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Unit, property, scenario and golden-replay tests: plain Node, no DOM, no Phaser (importing Phaser in Node
 * fails on `navigator`). Browser tests live in test/browser and run from vitest.browser.config.ts.
 */
export default defineConfig({
  test: {
    name: 'node',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Forks isolate native/global state per file; one worker per core (2 on the reference machine).
    pool: 'forks',
    maxWorkers: Math.max(1, Math.min(availableParallelism(), 4)),
  },
});
