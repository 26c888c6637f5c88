import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { packageRoot } from '../paths.js';
import { openDatabase } from './client.js';
import { type Provider, parseDatabaseUrl } from './database-url.js';

/** Where a provider's schema and migrations live, in Prisma's own folder layout. */
export function providerDir(provider: Provider): string {
  return join(packageRoot(), 'prisma', provider);
}

/** Reads prisma/<provider>/schema.prisma. */
export function readSchema(provider: Provider): { path: string; content: string } {
  const path = join(providerDir(provider), 'schema.prisma');
  return { path, content: readFileSync(path, 'utf8') };
}

/** Loads the migrations folder the way Prisma's CLI does, for the schema engine. */
export function readMigrationList(provider: Provider): MigrationList {
  const baseDir = join(providerDir(provider), 'migrations');
  let lockContent: string | null = null;
  let entries: string[] = [];
  try {
    lockContent = readFileSync(join(baseDir, 'migration_lock.toml'), 'utf8');
    entries = readdirSync(baseDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
  } catch {
    // No migrations folder yet: an empty history.
  }
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: entries.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

/**
 * Names of the migrations in the folder that the database has not finished applying, read with a
 * plain query. Null when that cannot be told (no migrations table yet, or any error).
 */
export async function pendingMigrationNames(url: string, provider: Provider): Promise<string[] | null> {
  const database = await openDatabase(url).catch(() => null);
  if (!database) return null;
  try {
    const rows = await database.db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return readMigrationList(provider)
      .migrationDirectories.map((d) => d.path)
      .filter((name) => !applied.has(name));
  } catch {
    return null;
  } finally {
    await database.close().catch(() => undefined);
  }
}

/**
 * Applies every pending migration to the database at url; returns the names applied. When
 * nothing is pending the schema engine is not started at all: on SQLite it needs the database to
 * itself, and the CLI must work while the bot is running.
 */
export async function applyMigrations(url: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const { provider } = parseDatabaseUrl(url);
  if ((await pendingMigrationNames(url, provider))?.length === 0) return [];
  // The schema engine (and the PostgreSQL driver it imports) is loaded only when there is work.
  const { openSchemaEngine } = await import('./schema-engine.js');
  const { engine, close } = await openSchemaEngine(url, readSchema(provider), log);
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationList(provider), filters: noFilter });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * The SQL that takes a database with every existing migration applied to the current data model.
 * scratchUrl must name an empty, disposable database of the provider.
 */
export async function diffToDataModel(scratchUrl: string): Promise<string> {
  const { provider } = parseDatabaseUrl(scratchUrl);
  const schema = readSchema(provider);
  const { openSchemaEngine } = await import('./schema-engine.js');
  const { engine, close } = await openSchemaEngine(scratchUrl, schema);
  try {
    await engine.applyMigrations({ migrationsList: readMigrationList(provider), filters: noFilter });
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files: [schema], configDir: providerDir(provider) },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? '';
  } finally {
    await close();
  }
}
