import { defineConfig } from 'vitest/config'

export default defineConfig({
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
