import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { type Provider, parseDatabaseUrl } from './database-url.js';
import { SQLITE_LOCK_WAIT_MS, waitingForLocks } from './sqlite-lock-wait.js';

/**
 * The application's database client. Both generated clients come from the same data model, so
 * their query APIs are identical; the SQLite one is used as the shared type.
 */
export type Db = SqliteClient;

export interface Database {
  db: Db;
  provider: Provider;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /**
   * True when the database takes a write: the one HealthProbe row is written and committed, so a
   * read-only database, a full disk or a lost connection all answer false.
   */
  writable(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Busy timeout of the SQLite connections that may block their process while they wait for a lock
 * (ms): the schema engine's and the backup's, in a CLI run or at start-up. The application's
 * connection has none: it waits for locks asynchronously (src/db/sqlite-lock-wait.ts).
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * How long a PostgreSQL statement waits for a lock (lock_timeout), and how long any statement may
 * run (statement_timeout), before PostgreSQL cancels it (ms). The transaction is rolled back then:
 * nothing of it is stored, and the user is told so.
 */
export const POSTGRES_LOCK_TIMEOUT_MS = SQLITE_LOCK_WAIT_MS;
export const POSTGRES_STATEMENT_TIMEOUT_MS = 120_000;

/**
 * How long the health write may wait (a lock held by another process, every pooled connection
 * busy) before the database counts as not writable (ms), so that /healthz answers promptly.
 */
export const WRITABLE_WAIT_MS = 2000;

/** Prisma's better-sqlite3 adapter factory for a file (or :memory:) target. */
export async function sqliteAdapterFor(
  target: string,
  busyTimeoutMs: number = SQLITE_BUSY_TIMEOUT_MS,
): Promise<PrismaBetterSqlite3> {
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
  if (target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
  return new PrismaBetterSqlite3({ url: target, timeout: busyTimeoutMs });
}

// Each provider's driver, adapter and generated client are imported only when that provider is
// configured, so a process never loads the other provider's code.
async function createClient(provider: Provider, target: string): Promise<Db> {
  if (provider === 'postgresql') {
    const [{ PrismaPg }, { PrismaClient }] = await Promise.all([
      import('@prisma/adapter-pg'),
      import('../generated/postgresql/client.js'),
    ]);
    // A short connection timeout turns a stopped database into a quick error, not a hung request.
    const adapter = new PrismaPg({
      connectionString: target,
      connectionTimeoutMillis: 3000,
      max: 10,
      // A lock held by another session (a row, a table) fails the statement after a while
      // instead of holding the request, and its connection, for ever.
      lock_timeout: POSTGRES_LOCK_TIMEOUT_MS,
      statement_timeout: POSTGRES_STATEMENT_TIMEOUT_MS,
    });
    return new PrismaClient({ adapter }) as unknown as Db;
  }
  const [adapter, { PrismaClient }] = await Promise.all([
    sqliteAdapterFor(target, 0),
    import('../generated/sqlite/client.js'),
  ]);
  return new PrismaClient({
    adapter: waitingForLocks(adapter),
    // Starting a transaction includes waiting for the write lock: Prisma's own limit (2 s by
    // default) must not cut that wait short.
    transactionOptions: { maxWait: SQLITE_LOCK_WAIT_MS + 5000 },
  });
}

/** Opens the database named by url through Prisma's own driver adapter for its provider. */
export async function openDatabase(url: string): Promise<Database> {
  const { provider, target } = parseDatabaseUrl(url);
  const db = await createClient(provider, target);
  if (provider === 'sqlite') {
    // WAL: readers never block the writer.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    // FULL: each commit is flushed to disk before it returns, so a report the user is told is
    // stored survives a power cut or an OS crash too (better-sqlite3's default in WAL mode,
    // NORMAL, can lose the last commits then).
    await db.$queryRawUnsafe('PRAGMA synchronous = FULL');
    // No busy timeout: better-sqlite3 would wait for another process's lock on the event loop.
    await db.$queryRawUnsafe('PRAGMA busy_timeout = 0');
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    // SQLite's own default page cache (2 MB) instead of better-sqlite3's 16 MB: the operating
    // system caches the file as well.
    await db.$queryRawUnsafe('PRAGMA cache_size = -2000');
  }
  return {
    db,
    provider,
    async ping() {
      try {
        await db.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async writable() {
      const checkedAt = new Date();
      const write = db.healthProbe
        .upsert({ where: { id: 1 }, create: { id: 1, checkedAt }, update: { checkedAt } })
        .then(
          () => true,
          () => false,
        );
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), WRITABLE_WAIT_MS);
      });
      try {
        return await Promise.race([write, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => db.$disconnect(),
  };
}
