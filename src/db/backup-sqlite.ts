import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './client.js';
import { parseDatabaseUrl } from './database-url.js';

export interface SqliteBackupResult {
  /** Absolute path of the backup written. */
  path: string;
  bytes: number;
  /** Migrations recorded in the backup's _prisma_migrations. */
  migrations: string[];
  /** Row counts of the tables people care about, read from the backup itself. */
  rows: { targets: number; progressUpdates: number; auditEvents: number };
  ms: number;
}

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** The SQLite file behind DATABASE_URL; refuses PostgreSQL (pg_dump is the tool there) and :memory:. */
export function sqliteFileOf(databaseUrl: string, verb: 'backup' | 'restore'): string {
  const parsed = parseDatabaseUrl(databaseUrl);
  if (parsed.provider === 'postgresql') {
    throw new AppError(
      'backup_postgresql',
      verb === 'backup'
        ? 'DATABASE_URL is PostgreSQL; tracker backup handles SQLite only. Use PostgreSQL\'s own tools, e.g. pg_dump --format=custom --file=tracker.dump "$DATABASE_URL" (restore with pg_restore).'
        : 'DATABASE_URL is PostgreSQL; tracker restore handles SQLite only. Restore a pg_dump archive with pg_restore --clean --if-exists --dbname="$DATABASE_URL" tracker.dump.',
      verb === 'backup' ? 'cli.error.backup_postgresql' : 'cli.error.restore_postgresql',
    );
  }
  if (parsed.target === ':memory:') {
    throw new AppError(
      'backup_memory',
      'DATABASE_URL names an in-memory SQLite database; there is no file to back up.',
      'cli.error.backup_memory',
    );
  }
  return parsed.target;
}

/** True when the file starts with SQLite's header (a cheap, clear check before opening it). */
export function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file's data, then its directory entry, so a rename that follows survives a power cut. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (and filesystems) cannot fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A name in the same directory as path (rename is only atomic within one filesystem). */
export function siblingTempPath(path: string, tag: string): string {
  return `${path}.${tag}-${process.pid}-${Date.now().toString(36)}.tmp`;
}

/** Migrations finished and not rolled back, or null when the file has no _prisma_migrations table. */
export function appliedMigrations(db: Database.Database): string[] | null {
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
    .get() as { name: string } | undefined;
  if (!table) return null;
  const rows = db
    .prepare(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
    )
    .all() as { migration_name: string }[];
  return rows.map((r) => r.migration_name);
}

/**
 * Makes a checked copy self-contained: switches it out of WAL (so it is one file) and runs the full
 * integrity check. Throws when the copy is damaged or is not one of our databases.
 */
export function verifyCopy(path: string): { migrations: string[]; rows: SqliteBackupResult['rows'] } {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      const found = problems.slice(0, 5).join('; ');
      throw new AppError('backup_corrupt', `integrity check failed: ${found}`, 'cli.error.backup_corrupt', { found });
    }
    const migrations = appliedMigrations(db);
    if (!migrations || migrations.length === 0) {
      throw new AppError(
        'backup_not_tracker',
        'the database has no applied migrations (_prisma_migrations)',
        'cli.error.backup_not_tracker',
      );
    }
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number } | undefined)?.n ?? 0;
    return {
      migrations,
      rows: { targets: count('Target'), progressUpdates: count('ProgressUpdate'), auditEvents: count('AuditEvent') },
    };
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of the SQLite database behind databaseUrl to destination, while the bot
 * keeps running and writing. SQLite's online backup API copies every page in one step inside one
 * read transaction: in WAL mode that snapshot never blocks the bot's writers, and writes committed
 * after it started are simply not in the copy. The copy is written next to the destination,
 * checked, flushed and then renamed into place, so a crash never leaves a half-written backup
 * under the final name.
 */
export async function backupSqlite(
  databaseUrl: string,
  destination: string,
  options: { overwrite?: boolean } = {},
): Promise<SqliteBackupResult> {
  const started = performance.now();
  const source = sqliteFileOf(databaseUrl, 'backup');
  const target = resolve(destination);
  if (!existsSync(source)) {
    throw new AppError('backup_no_database', `no database at ${source}`, 'cli.error.backup_no_database', {
      path: source,
    });
  }
  if ([source, `${source}-wal`, `${source}-shm`, `${source}-journal`].includes(target)) {
    throw new AppError(
      'backup_same_file',
      `the backup must not overwrite the database itself (${target})`,
      'cli.error.backup_same_file',
      { path: target },
    );
  }
  if (existsSync(target) && !options.overwrite) {
    throw new AppError(
      'backup_exists',
      `${target} already exists; choose another name or pass --force`,
      'cli.error.backup_exists',
      { path: target },
    );
  }
  if (!hasSqliteHeader(source)) {
    throw new AppError('backup_not_sqlite', `${source} is not an SQLite database`, 'cli.error.not_sqlite', {
      path: source,
    });
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = siblingTempPath(target, 'backup');
  // A connection of our own: the bot's Prisma connection is in another process (or busy serving).
  const db = new Database(source, { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // Returning the largest page count makes the copy a single step, hence a single snapshot: with
    // the default 100 pages a step, every commit by the bot between steps restarts the copy.
    await db.backup(temp, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    db.close();
  }
  try {
    const checked = verifyCopy(temp);
    fsyncFile(temp);
    renameSync(temp, target);
    fsyncDirectory(dirname(target));
    return {
      path: target,
      bytes: statSync(target).size,
      migrations: checked.migrations,
      rows: checked.rows,
      ms: performance.now() - started,
    };
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  }
}
