import { configDefaults, defineConfig } from 'vitest/config';

// Files that run Prisma's migration engine (WebAssembly, one instance per module graph): a Rust
// panic in it leaves that instance unusable, so these files keep a module graph of their own.
const MIGRATING = ['tests/cli/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/jobs/weekly-digest.test.ts'];

export default defineConfig({
  test: {
    // Migrates the template databases that createTestDatabase copies, once per run.
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only add contention on SQLite files and the PostgreSQL server.
    maxWorkers: 2,
    pool: 'forks',
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache) between runs,
    // so a new run does not transform the same sources again.
    experimental: { fsModuleCache: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          // The slow fault tests have their own config (vitest.faults.config.ts, npm run test:faults).
          exclude: [...configDefaults.exclude, 'tests/faults/**', ...MIGRATING],
          // Test files share their worker's module graph instead of importing Bolt, Prisma and the
          // app again for each file; files leave no global state behind (nock is reset after every
          // test, and the test apps' Web API client does not retry).
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MIGRATING, isolate: true } },
    ],
  },
});
