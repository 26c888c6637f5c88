import { defineConfig } from 'vitest/config';

// Slow fault-injection tests (a PostgreSQL outage, a real bot process): one file at a time, with
// room for minute-long scenarios. Run with `npm run test:faults` after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    // Migrates the template databases that createTestDatabase copies, once per run.
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
