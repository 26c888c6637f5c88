import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors.js';
import type { MessageKey } from '../i18n/messages.js';
import {
  fsyncDirectory,
  fsyncFile,
  hasSqliteHeader,
  type SqliteBackupResult,
  siblingTempPath,
  sqliteFileOf,
  verifyCopy,
} from './backup-sqlite.js';
import { readMigrationList } from './migrations.js';

export interface SqliteRestoreResult {
  /** The database file that now holds the restored data. */
  path: string;
  /** Where the database that was replaced was kept (null when there was none). */
  previous: string | null;
  migrations: string[];
  /** Migrations this version has that the backup lacks: applied at the next start. */
  pending: string[];
  rows: SqliteBackupResult['rows'];
}

/** How long to wait for a lock the bot might hold for a moment (a write in progress). */
const LOCK_WAIT_MS = 1000;

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Takes the database for ourselves, or throws when another process has it open. In WAL mode every
 * open connection holds a shared lock on the file even when idle, so an exclusive lock in
 * exclusive locking mode is refused while the bot (or a CLI command) is connected.
 */
function lockExisting(path: string): Database.Database | null {
  const db = new Database(path, { fileMustExist: true, timeout: LOCK_WAIT_MS });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    // The lock is kept after COMMIT in exclusive locking mode. Folding the WAL into the main file
    // makes the replaced database complete on its own, for the copy kept beside the restored one.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    // A damaged database is what a restore is for: it cannot be locked, and nothing can use it.
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return null;
    if (code === 'SQLITE_BUSY') {
      throw new AppError(
        'restore_in_use',
        `${path} is in use by another process. Stop the bot (and any other tracker command) first, then run the restore again; nothing was changed.`,
        'cli.error.restore_in_use',
        { path },
      );
    }
    throw error;
  }
}

/**
 * Replaces the SQLite database behind databaseUrl with a backup file. The file is checked first
 * (an SQLite database, intact, with our migrations and none from a newer version), copied next to
 * the database, flushed and renamed over it, so the database is at every moment either the old one
 * or the restored one. The replaced database is kept under a dated name. The bot must be stopped:
 * a running bot would keep writing to the replaced file, so a lock attempt refuses the restore.
 */
export function restoreSqlite(databaseUrl: string, backupFile: string, now = new Date()): SqliteRestoreResult {
  const database = sqliteFileOf(databaseUrl, 'restore');
  const source = resolve(backupFile);
  const refuse = (code: string, message: string, key: MessageKey) => new AppError(code, message, key, { path: source });
  if (!existsSync(source)) throw refuse('restore_no_file', `no such file: ${source}`, 'cli.error.no_such_file');
  if (!statSync(source).isFile()) throw refuse('restore_not_file', `${source} is not a file`, 'cli.error.not_a_file');
  if (source === database) {
    throw refuse('restore_same_file', `${source} is the database itself`, 'cli.error.restore_same_file');
  }
  if (!hasSqliteHeader(source)) {
    throw refuse(
      'restore_not_sqlite',
      `${source} is not an SQLite database (make one with tracker backup)`,
      'cli.error.restore_not_sqlite',
    );
  }
  if (existsSync(`${source}-wal`)) {
    // Its latest transactions may live in that WAL file: copying the main file alone would lose them.
    throw new AppError(
      'restore_live_file',
      `${source}-wal exists: the file looks like a live database, not a backup. Make a backup with tracker backup and restore that.`,
      'cli.error.restore_live_file',
      { path: source },
    );
  }
  mkdirSync(dirname(database), { recursive: true });
  const temp = siblingTempPath(database, 'restore');
  const cleanTemp = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  };
  let lock: Database.Database | null = null;
  try {
    // The checks run on the copy that will be put in place, not on the user's file.
    copyFileSync(source, temp);
    let checked: ReturnType<typeof verifyCopy>;
    try {
      checked = verifyCopy(temp);
    } catch (error) {
      if (error instanceof AppError) {
        throw new AppError(
          error.code,
          `${source} cannot be restored: ${error.message}; nothing was changed.`,
          'cli.error.restore_invalid',
          { path: source, reason: error.message },
        );
      }
      throw new AppError(
        'restore_unreadable',
        `${source} cannot be read as a database: ${(error as Error).message}`,
        'cli.error.restore_invalid',
        { path: source, reason: (error as Error).message },
      );
    }
    const known = new Set(readMigrationList('sqlite').migrationDirectories.map((d) => d.path));
    const unknown = checked.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new AppError(
        'restore_newer',
        `${source} was made by a newer version of tracker (migrations ${unknown.join(', ')} are unknown here). Upgrade tracker first; nothing was changed.`,
        'cli.error.restore_newer',
        { path: source, migrations: unknown.join(', ') },
      );
    }
    fsyncFile(temp);

    let previous: string | null = null;
    if (existsSync(database)) {
      lock = lockExisting(database);
      previous = `${database}.pre-restore-${stamp(now)}`;
      try {
        // A hard link keeps the old database without a moment where the name points nowhere.
        linkSync(database, previous);
      } catch {
        copyFileSync(database, previous);
      }
    }
    renameSync(temp, database);
    fsyncDirectory(dirname(database));
    lock?.close();
    lock = null;
    // WAL and shared-memory files of the replaced database would be read as the restored one's.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${database}${suffix}`, { force: true });
    return {
      path: database,
      previous,
      migrations: checked.migrations,
      pending: [...known].filter((name) => !checked.migrations.includes(name)).sort(),
      rows: checked.rows,
    };
  } finally {
    lock?.close();
    cleanTemp();
  }
}
