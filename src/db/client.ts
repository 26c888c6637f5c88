import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PgClient } from '../generated/postgresql/client.js';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
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
  close(): Promise<void>;
}

/** Busy timeout for SQLite writers waiting on each other (ms). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Builds the Prisma driver-adapter factory for a database URL (used by the client and migrations). */
export function adapterFor(url: string): PrismaBetterSqlite3 | PrismaPg {
  const parsed = parseDatabaseUrl(url);
  if (parsed.provider === 'postgresql') {
    // A short connection timeout turns a stopped database into a quick error, not a hung request.
    return new PrismaPg({ connectionString: parsed.target, connectionTimeoutMillis: 3000, max: 10 });
  }
  if (parsed.target !== ':memory:') mkdirSync(dirname(parsed.target), { recursive: true });
  return new PrismaBetterSqlite3({ url: parsed.target, timeout: SQLITE_BUSY_TIMEOUT_MS });
}

/** Opens the database named by url; SQLite gets WAL mode so readers never block the writer. */
export async function openDatabase(url: string): Promise<Database> {
  const { provider } = parseDatabaseUrl(url);
  const adapter = adapterFor(url);
  const db =
    provider === 'postgresql'
      ? (new PgClient({ adapter: adapter as PrismaPg }) as unknown as Db)
      : new SqliteClient({ adapter: adapter as PrismaBetterSqlite3 });
  if (provider === 'sqlite') {
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
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
    close: () => db.$disconnect(),
  };
}
