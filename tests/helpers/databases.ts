import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.js';
import { applyMigrations, readMigrationList } from '../../src/db/migrations.js';

/** Admin URL of the test PostgreSQL server; each test file gets a database of its own on it. */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export type TestProvider = 'sqlite' | 'postgresql';
export const PROVIDERS: TestProvider[] = ['sqlite', 'postgresql'];

export interface TestDatabase extends Database {
  url: string;
  /** Closes the client and deletes the database. */
  destroy(): Promise<void>;
}

/** PostgreSQL: the database named in the CREATE DATABASE … TEMPLATE does not exist. */
const PG_INVALID_CATALOG_NAME = '3D000';
/** PostgreSQL: a database of that name exists already. */
const PG_DUPLICATE_DATABASE = '42P04';

/** A unique name for a scratch PostgreSQL database. */
function scratchName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
}

function pgUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

function pgDropper(name: string): () => Promise<void> {
  return () =>
    withAdmin(async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
}

/**
 * A short hash of the provider's migrations folder (names and SQL): the template databases carry
 * it in their names, so a change to the migrations makes a new template and an old one is never
 * used for them.
 */
export function migrationsHash(provider: TestProvider): string {
  const list = readMigrationList(provider);
  const hash = createHash('sha256').update(list.lockfile.content ?? '');
  for (const dir of list.migrationDirectories) {
    const { content } = dir.migrationFile;
    hash.update(`\0${dir.path}\0${content.tag === 'ok' ? content.value : ''}`);
  }
  return hash.digest('hex').slice(0, 12);
}

/** The migrated SQLite template file every test database of this migrations folder is copied from. */
export function sqliteTemplatePath(): string {
  return join(tmpdir(), `tracker-template-${migrationsHash('sqlite')}.db`);
}

/** The migrated PostgreSQL template database every test database is created from. */
export function pgTemplateName(): string {
  return `tracker_template_${migrationsHash('postgresql')}`;
}

/**
 * Makes the migrated template of the provider unless it exists. The template is migrated under a
 * scratch name and then renamed into place, so a template that exists is complete, and two
 * processes making it at once both end with the same one.
 */
export async function ensureTemplate(provider: TestProvider): Promise<void> {
  if (provider === 'sqlite') {
    const path = sqliteTemplatePath();
    if (existsSync(path)) return;
    const dir = mkdtempSync(join(tmpdir(), 'tracker-template-'));
    try {
      const file = join(dir, 'template.db');
      await applyMigrations(`file:${file}`);
      // The schema engine's connection is closed, so SQLite has folded its journal into the file.
      for (const side of ['-wal', '-shm', '-journal']) {
        if (existsSync(file + side)) throw new Error(`SQLite template ${file} left a ${side} file`);
      }
      renameSync(file, path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const name = pgTemplateName();
  const exists = await withAdmin(async (admin) => {
    const result = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  });
  if (exists) return;
  const scratch = scratchName('tracker_template_new');
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${scratch}`));
  try {
    await applyMigrations(pgUrl(scratch));
    await withAdmin(async (admin) => {
      try {
        await admin.query(`ALTER DATABASE ${scratch} RENAME TO ${name}`);
      } catch (error) {
        // Another process made the same template first: use that one.
        if ((error as { code?: string }).code !== PG_DUPLICATE_DATABASE) throw error;
      }
    });
  } finally {
    await pgDropper(scratch)();
  }
}

/** A new, empty database of the provider (no migrations): an SQLite file in a temp folder, or a new PG database. */
export async function createEmptyDatabase(provider: TestProvider): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tracker-test-'));
    return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = scratchName('tracker_test');
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  return { url: pgUrl(name), drop: pgDropper(name) };
}

/**
 * A new database of the provider with every migration applied, copied from the migrated template
 * (made first if it does not exist yet): the template file copied for SQLite, CREATE DATABASE …
 * TEMPLATE for PostgreSQL.
 */
async function createMigratedDatabase(provider: TestProvider): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === 'sqlite') {
    await ensureTemplate('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'tracker-test-'));
    const file = join(dir, 'test.db');
    copyFileSync(sqliteTemplatePath(), file);
    return { url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = scratchName('tracker_test');
  const create = () => withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateName()}`));
  try {
    await create();
  } catch (error) {
    if ((error as { code?: string }).code !== PG_INVALID_CATALOG_NAME) throw error;
    await ensureTemplate('postgresql');
    await create();
  }
  return { url: pgUrl(name), drop: pgDropper(name) };
}

/** A fresh, migrated database of the provider: an SQLite file in a temp folder, or a new PG database. */
export async function createTestDatabase(provider: TestProvider): Promise<TestDatabase> {
  const { url, drop } = await createMigratedDatabase(provider);
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
