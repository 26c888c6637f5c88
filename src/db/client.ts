import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { type Provider, parseDatabaseUrl } from './database-url.js';
import { WalSyncer, withDurableCommits } from './durable-commits.js';
import { rawSqlOn, registerRawSql, trackConnection } from './raw-sql.js';
import { withStatementCache } from './statement-cache.js';

/**
 * The application's database client. Both generated clients come from the same data model, so
 * their query APIs are identical; the SQLite one is used as the shared type.
 */
export type Db = SqliteClient;

export interface Database {
  db: Db;
  provider: Provider;
  /** Flushes SQLite's log after commits (null for PostgreSQL and in-memory SQLite). */
  wal: WalSyncer | null;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Busy timeout for SQLite writers waiting on each other (ms). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

// The driver, its adapter and the generated client of the other provider are never loaded: about
// 11 MB of a SQLite bot's memory was PostgreSQL code it could not use.

/** Builds the SQLite driver-adapter factory for a file (or :memory:) target. */
export async function sqliteAdapterFor(target: string): Promise<PrismaBetterSqlite3> {
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
  if (target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
  return new PrismaBetterSqlite3({ url: target, timeout: SQLITE_BUSY_TIMEOUT_MS });
}

async function createClient(url: string): Promise<{ db: Db; wal: WalSyncer | null }> {
  const parsed = parseDatabaseUrl(url);
  let factory: SqlDriverAdapterFactory;
  let wal: WalSyncer | null = null;
  let Client: new (options: { adapter: SqlDriverAdapterFactory }) => Db;
  if (parsed.provider === 'postgresql') {
    const [{ PrismaPg }, { PrismaClient }] = await Promise.all([
      import('@prisma/adapter-pg'),
      import('../generated/postgresql/client.js'),
    ]);
    // A short connection timeout turns a stopped database into a quick error, not a hung request.
    factory = new PrismaPg({ connectionString: parsed.target, connectionTimeoutMillis: 3000, max: 10 });
    Client = PrismaClient as unknown as typeof Client;
  } else {
    const [driver, { PrismaClient }] = await Promise.all([
      sqliteAdapterFor(parsed.target),
      import('../generated/sqlite/client.js'),
    ]);
    factory = withStatementCache(driver);
    if (parsed.target !== ':memory:') {
      const syncer = new WalSyncer(`${parsed.target}-wal`);
      factory = withDurableCommits(factory, () => syncer.sync());
      wal = syncer;
    }
    Client = PrismaClient;
  }
  const connection = trackConnection(factory);
  const db = new Client({ adapter: connection.factory });
  registerRawSql(db, rawSqlOn(parsed.provider, db, connection.current));
  return { db, wal };
}

/**
 * Opens the database named by url; SQLite gets WAL mode so readers never block the writer, and
 * every commit on disk before it resolves so a stored report survives a power cut.
 */
export async function openDatabase(url: string): Promise<Database> {
  const { provider } = parseDatabaseUrl(url);
  const { db, wal } = await createClient(url);
  if (provider === 'sqlite') {
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode = WAL');
    await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    // Commits must be on disk before the user is told "stored". With the log in WAL mode the
    // client flushes it after each commit off the event loop (durable-commits.ts), so SQLite need
    // not; a file SQLite could not put in WAL mode syncs inside every commit (FULL) instead.
    const walFlushed = wal !== null && mode?.journal_mode.toLowerCase() === 'wal';
    await db.$queryRawUnsafe(`PRAGMA synchronous = ${walFlushed ? 'NORMAL' : 'FULL'}`);
    // SQLite's own default page cache (2 MB) instead of better-sqlite3's 16 MB: the OS caches the
    // file anyway, and a digest build peaked ~19 MB lower for the same time.
    await db.$queryRawUnsafe('PRAGMA cache_size = -2000');
  }
  return {
    db,
    provider,
    wal,
    async ping() {
      try {
        await db.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await db.$disconnect();
      await wal?.close();
    },
  };
}
