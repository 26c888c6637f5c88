import { afterAll, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { applyMigrations, readMigrationList } from '../../src/db/migrations.js';
import { createEmptyDatabase, createTestDatabase, PROVIDERS } from '../helpers/databases.js';

// The real schema engine, watched: a test can tell whether applyMigrations started it.
const engineOpened = vi.hoisted(() => vi.fn());
vi.mock('../../src/db/schema-engine.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/db/schema-engine.js')>();
  return {
    ...real,
    openSchemaEngine: (...args: Parameters<typeof real.openSchemaEngine>) => {
      engineOpened();
      return real.openSchemaEngine(...args);
    },
  };
});

describe.each(PROVIDERS)('migrations on %s', (provider) => {
  let empty: { url: string; drop(): Promise<void> } | undefined;
  let database: Database | undefined;
  afterAll(async () => {
    await database?.close();
    await empty?.drop();
  });

  it('applies every migration once to an empty database and records it in _prisma_migrations', async () => {
    // An empty database, not a copy of the migrated template: this is the migration path itself.
    empty = await createEmptyDatabase(provider);
    const expected = readMigrationList(provider).migrationDirectories.map((d) => d.path);
    expect(expected.length).toBeGreaterThan(0);
    engineOpened.mockClear();
    expect(await applyMigrations(empty.url)).toEqual(expected);
    expect(engineOpened).toHaveBeenCalledTimes(1);
    expect(await applyMigrations(empty.url)).toEqual([]);
    expect(engineOpened).toHaveBeenCalledTimes(1);
    database = await openDatabase(empty.url);
    const rows = await database.db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
      'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it('answers ping', async () => {
    expect(await database?.ping()).toBe(true);
  });
});

describe.each(PROVIDERS)('test databases on %s', (provider) => {
  it('are copies of the migrated template: every migration recorded, nothing pending', async () => {
    const database = await createTestDatabase(provider);
    try {
      expect(await applyMigrations(database.url)).toEqual([]);
      const rows = await database.db.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(
        readMigrationList(provider).migrationDirectories.map((d) => d.path),
      );
    } finally {
      await database.destroy();
    }
  });
});

describe('sqlite pragmas', () => {
  it('runs in WAL mode with every commit synced (FULL), no busy timeout (locks are waited for asynchronously), foreign keys and a 2 MB page cache', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const [mode] = await database.db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      const [timeout] = await database.db.$queryRawUnsafe<{ timeout: number }[]>('PRAGMA busy_timeout');
      const [sync] = await database.db.$queryRawUnsafe<{ synchronous: number | bigint }[]>('PRAGMA synchronous');
      const [keys] = await database.db.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>('PRAGMA foreign_keys');
      const [cache] = await database.db.$queryRawUnsafe<{ cache_size: number | bigint }[]>('PRAGMA cache_size');
      expect(mode?.journal_mode).toBe('wal');
      // better-sqlite3 would wait for a lock on the event loop (src/db/sqlite-lock-wait.ts waits instead).
      expect(Number(timeout?.timeout)).toBe(0);
      // FULL (2): SQLite flushes the log inside every commit, so a stored report survives a power cut.
      expect(Number(sync?.synchronous)).toBe(2);
      expect(Number(keys?.foreign_keys)).toBe(1);
      expect(Number(cache?.cache_size)).toBe(-2000);
    } finally {
      await database.destroy();
    }
  });
});

describe('postgresql session settings', () => {
  it('gives up a lock wait after 60 s and any statement after 120 s', async () => {
    const database = await createTestDatabase('postgresql');
    try {
      const [lock] = await database.db.$queryRawUnsafe<{ lock_timeout: string }[]>('SHOW lock_timeout');
      const [statement] = await database.db.$queryRawUnsafe<{ statement_timeout: string }[]>('SHOW statement_timeout');
      expect(lock?.lock_timeout).toBe('1min');
      expect(statement?.statement_timeout).toBe('2min');
    } finally {
      await database.destroy();
    }
  });
});

describe('migrations while the bot holds the database', () => {
  it('returns at once without starting the schema engine when nothing is pending (SQLite)', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      // The bot's connection is open and has written: the engine would need the file to itself.
      await database.db.setting.create({ data: { key: 'held', value: 'yes' } });
      engineOpened.mockClear();
      expect(await applyMigrations(database.url)).toEqual([]);
      expect(engineOpened).not.toHaveBeenCalled();
    } finally {
      await database.destroy();
    }
  });
});
