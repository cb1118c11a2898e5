import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Vitest runs the files that took longest last time first, so the two workers finish together;
  // it reads those durations from <cacheDir>/vitest/, which `npm ci` (as in .ci/run) deleted with
  // node_modules/.vite, leaving it to order by file size. Kept out of node_modules instead.
  cacheDir: '.tmp/vite-cache',
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    // 2 cores; each integration file holds a PGlite instance of about 1 GB
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
})
