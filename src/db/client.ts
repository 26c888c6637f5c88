import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { type Provider, parseDatabaseUrl } from './database-url.js';

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

/** Busy timeout for SQLite writers waiting on each other (ms). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Prisma's better-sqlite3 adapter factory for a file (or :memory:) target. */
export async function sqliteAdapterFor(target: string): Promise<PrismaBetterSqlite3> {
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
  if (target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
  return new PrismaBetterSqlite3({ url: target, timeout: SQLITE_BUSY_TIMEOUT_MS });
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
    const adapter = new PrismaPg({ connectionString: target, connectionTimeoutMillis: 3000, max: 10 });
    return new PrismaClient({ adapter }) as unknown as Db;
  }
  const [adapter, { PrismaClient }] = await Promise.all([
    sqliteAdapterFor(target),
    import('../generated/sqlite/client.js'),
  ]);
  return new PrismaClient({ adapter });
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
    await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
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
      try {
        const checkedAt = new Date();
        await db.healthProbe.upsert({ where: { id: 1 }, create: { id: 1, checkedAt }, update: { checkedAt } });
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.$disconnect(),
  };
}
