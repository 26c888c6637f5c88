import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrations.js';

/** Admin URL of the test PostgreSQL server; each test file gets a database of its own on it. */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export type TestProvider = 'sqlite' | 'postgresql';
export const PROVIDERS: TestProvider[] = ['sqlite', 'postgresql'];

export interface TestDatabase extends Database {
  url: string;
  /** Closes the client and deletes the database. */
  destroy(): Promise<void>;
}

/** A new, empty database of the provider (no migrations): an SQLite file in a temp folder, or a new PG database. */
export async function createEmptyDatabase(provider: TestProvider): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tracker-test-'));
    return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `tracker_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A fresh, migrated database of the provider: an SQLite file in a temp folder, or a new PG database. */
export async function createTestDatabase(provider: TestProvider): Promise<TestDatabase> {
  const { url, drop } = await createEmptyDatabase(provider);
  await applyMigrations(url);
  const database = await openDatabase(url);
  return {
    ...database,
    url,
    async destroy() {
      await database.close();
      await drop();
    },
  };
}
