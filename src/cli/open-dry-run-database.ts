import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOfflineConfig } from '../config.js';
import { backupSqlite } from '../db/backup-sqlite.js';
import { type Database, openDatabase } from '../db/client.js';
import { parseDatabaseUrl } from '../db/database-url.js';
import { applyMigrations, pendingMigrationNames } from '../db/migrations.js';
import type { CliIo } from './io.js';

/** Where a dry run reads the current state from. */
export type DryRunSource =
  /** A temporary copy of the SQLite file, migrated. */
  | 'copy'
  /** A temporary empty database: the SQLite file does not exist yet. */
  | 'empty'
  /** The PostgreSQL database itself, read only (it has every migration). */
  | 'database';

export interface DryRunDatabase {
  database: Database;
  source: DryRunSource;
  /** Closes the database and removes any temporary copy. */
  close(): Promise<void>;
}

/** PostgreSQL lacks migrations a dry run would need; applying them would be a write. */
export class DryRunNeedsMigrationError extends Error {
  constructor(readonly pending: string[] | null) {
    super(`the database needs migrations first: ${pending?.join(', ') ?? 'not migrated'}`);
    this.name = 'DryRunNeedsMigrationError';
  }
}

/**
 * A database to plan a dry run against that writes nothing to the configured one, not even a file:
 * for SQLite a migrated temporary copy (an empty one when the file does not exist); for
 * PostgreSQL the database itself, which a dry run only reads, when no migration is pending.
 */
export async function openDryRunDatabase(io: CliIo): Promise<DryRunDatabase> {
  const config = loadOfflineConfig(io.env);
  const { provider, target } = parseDatabaseUrl(config.databaseUrl);
  if (provider === 'postgresql') {
    const pending = await pendingMigrationNames(config.databaseUrl, provider);
    if (pending === null || pending.length > 0) throw new DryRunNeedsMigrationError(pending);
    const database = await openDatabase(config.databaseUrl);
    return { database, source: 'database', close: () => database.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tracker-dry-run-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, 'tracker.db');
    const exists = target !== ':memory:' && existsSync(target);
    if (exists) await backupSqlite(config.databaseUrl, copy);
    const url = `file:${copy}`;
    await applyMigrations(url);
    const database = await openDatabase(url);
    return {
      database,
      source: exists ? 'copy' : 'empty',
      close: async () => {
        await database.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
