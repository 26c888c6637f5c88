// Vitest hooks live here, apart from databases.ts: the benchmarks import that file outside Vitest,
// where importing 'vitest' throws.
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { createTestDatabase, type TestDatabase, type TestProvider } from './databases.js';

export interface SeededTestDatabase<T> {
  readonly database: TestDatabase;
  readonly db: Db;
  /** What the seed function returned (ids of the seeded rows). */
  readonly org: T;
}

/**
 * A fresh database of the provider for the describe block it is called in, seeded once before
 * its tests and destroyed after them.
 */
export function seededTestDatabase<T>(provider: TestProvider, seed: (db: Db) => Promise<T>): SeededTestDatabase<T> {
  const state: { database?: TestDatabase; org?: T } = {};
  beforeAll(async () => {
    state.database = await createTestDatabase(provider);
    state.org = await seed(state.database.db);
  });
  afterAll(async () => state.database?.destroy());
  const must = <V>(value: V | undefined, what: string) => ready(value, `seededTestDatabase: ${what}`);
  return {
    get database() {
      return must(state.database, 'database');
    },
    get db() {
      return must(state.database, 'database').db;
    },
    get org() {
      return must(state.org, 'org');
    },
  };
}

/** A value a beforeAll hook sets, read by a test; a clear error when read outside one. */
export function ready<V>(value: V | undefined, what: string): V {
  if (value === undefined) throw new Error(`${what} is not ready (used outside a test?)`);
  return value;
}
