import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSqlite } from '../../src/db/backup-sqlite.js';
import { openDatabase } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { restoreSqlite } from '../../src/db/restore-sqlite.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { waitFor } from '../helpers/slack-driver.js';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'tracker-backup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Another process writing one AuditEvent per transaction as fast as it can, like a busy bot. It
 * prints a line per 100 rows and stops when its stdin closes; any error ends it with status 1.
 */
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { timeout: 5000 });
db.pragma('journal_mode = WAL');
const insert = db.prepare("INSERT INTO AuditEvent (actorId, action, subject, detail) VALUES ('writer', 'write', 'row', ?)");
let stop = false;
let n = 0;
process.stdin.on('end', () => { stop = true; });
process.stdin.resume();
const step = () => {
  if (stop) { db.close(); process.stdout.write('done ' + n + '\\n'); return; }
  try { insert.run('x'.repeat(200)); n++; } catch (e) { process.stderr.write(String(e)); process.exit(1); }
  if (n % 100 === 0) process.stdout.write('rows ' + n + '\\n');
  setImmediate(step);
};
step();
`;

function startWriter(file: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['-e', WRITER, file], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function sqliteFile(url: string): string {
  return url.replace(/^file:/, '');
}

function maxAuditId(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT coalesce(max(id), 0) AS m FROM AuditEvent').get() as { m: number }).m;
  } finally {
    db.close();
  }
}

describe('SQLite online backup', () => {
  let database: TestDatabase;
  let file: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    file = sqliteFile(database.url);
    // About 12 MB, so the copy takes long enough for the writer to commit during it.
    const db = new Database(file, { timeout: 5000 });
    const insert = db.prepare(
      "INSERT INTO AuditEvent (actorId, action, subject, detail) VALUES ('seed', 'seed', 'row', ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`${i} ${'y'.repeat(500)}`);
    })();
    db.close();
  });
  afterAll(async () => database?.destroy());

  it('copies a consistent snapshot while another process writes continuously', async () => {
    const writer = startWriter(file);
    try {
      await waitFor(() => /rows 500/.test(writer.output()), 20_000);
      const committedBefore = maxAuditId(file);
      const dest = join(scratch, 'live.db');
      const result = await backupSqlite(database.url, dest);
      const committedAfter = maxAuditId(file);
      // The writer committed while the backup ran (about a thousand rows here), never blocked by it.
      expect(committedAfter).toBeGreaterThan(committedBefore);

      expect(result.path).toBe(dest);
      expect(existsSync(`${dest}-wal`)).toBe(false);
      const copy = new Database(dest, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
        const { n, m } = copy.prepare('SELECT count(*) AS n, max(id) AS m FROM AuditEvent').get() as {
          n: number;
          m: number;
        };
        // Every row committed before the backup started is there, and the rows form an unbroken
        // prefix: a snapshot, not a mix of pages from different moments.
        expect(m).toBeGreaterThanOrEqual(committedBefore);
        expect(m).toBeLessThanOrEqual(committedAfter);
        expect(n).toBe(m);
        expect(result.rows.auditEvents).toBe(n);
        const migrations = copy
          .prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL')
          .all();
        expect(migrations.length).toBe(result.migrations.length);
        expect(result.migrations.length).toBeGreaterThan(0);
      } finally {
        copy.close();
      }
      // The backup left no temporary files behind.
      expect(readdirSync(scratch).filter((f) => f.includes('.tmp'))).toEqual([]);
    } finally {
      writer.child.stdin?.end();
    }
    expect(await writer.exited, writer.output()).toBe(0);
    expect(writer.output()).toMatch(/done \d+/);
  });

  it('refuses to overwrite an existing file unless told to, and never the database itself', async () => {
    const dest = join(scratch, 'existing.db');
    writeFileSync(dest, 'keep me');
    await expect(backupSqlite(database.url, dest)).rejects.toThrow(/already exists.*--force/);
    await expect(backupSqlite(database.url, file, { overwrite: true })).rejects.toThrow(/database itself/);
    await expect(backupSqlite(database.url, `${file}-wal`, { overwrite: true })).rejects.toThrow(/database itself/);
    const result = await backupSqlite(database.url, dest, { overwrite: true });
    expect(result.rows.auditEvents).toBeGreaterThanOrEqual(20_000);
  });

  it('refuses PostgreSQL, pointing to pg_dump and pg_restore', async () => {
    const url = 'postgresql://postgres@127.0.0.1:5432/tracker';
    await expect(backupSqlite(url, join(scratch, 'pg.db'))).rejects.toThrow(/pg_dump/);
    expect(() => restoreSqlite(url, join(scratch, 'pg.db'))).toThrow(/pg_restore/);
    expect(existsSync(join(scratch, 'pg.db'))).toBe(false);
  });

  it('refuses a database that does not exist or is not SQLite', async () => {
    await expect(backupSqlite(`file:${join(scratch, 'absent.db')}`, join(scratch, 'x.db'))).rejects.toThrow(
      /no database at/,
    );
    const text = join(scratch, 'text.db');
    writeFileSync(text, 'not a database at all, just text that is long enough');
    await expect(backupSqlite(`file:${text}`, join(scratch, 'y.db'))).rejects.toThrow(/not an SQLite database/);
    expect(existsSync(join(scratch, 'y.db'))).toBe(false);
  });
});

describe('SQLite restore', () => {
  const dir = mkdtempSync(join(scratch, 'restore-'));
  const dbFile = join(dir, 'data', 'tracker.db');
  const url = `file:${dbFile}`;
  const backupFile = join(dir, 'backup.db');

  async function auditCount(): Promise<number> {
    const database = await openDatabase(url);
    try {
      return await database.db.auditEvent.count();
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    await applyMigrations(url);
    const database = await openDatabase(url);
    await database.db.auditEvent.create({ data: { actorId: 'cli', action: 'before', subject: 'backup' } });
    await backupSqlite(url, backupFile);
    await database.db.auditEvent.createMany({
      data: [1, 2, 3].map((i) => ({ actorId: 'cli', action: 'after', subject: `row ${i}` })),
    });
    await database.close();
  });

  it('refuses while another connection has the database open, changing nothing', async () => {
    const bot = await openDatabase(url);
    try {
      await bot.db.auditEvent.count();
      expect(() => restoreSqlite(url, backupFile)).toThrow(/in use by another process.*Stop the bot/);
      expect(await bot.db.auditEvent.count()).toBe(4);
    } finally {
      await bot.close();
    }
    expect(readdirSync(dirname(dbFile)).filter((f) => f.includes('restore'))).toEqual([]);
  });

  it('puts the backup in place atomically, keeping the replaced database and no stale WAL', async () => {
    expect(await auditCount()).toBe(4);
    const result = restoreSqlite(url, backupFile, new Date('2027-01-02T03:04:05Z'));
    expect(result.path).toBe(dbFile);
    expect(result.previous).toBe(`${dbFile}.pre-restore-20270102T030405Z`);
    expect(result.pending).toEqual([]);
    expect(result.rows.auditEvents).toBe(1);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    expect(existsSync(`${dbFile}-shm`)).toBe(false);
    expect(readdirSync(dirname(dbFile)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await auditCount()).toBe(1);
    expect(await applyMigrations(url)).toEqual([]);
    // The replaced database is complete on its own, WAL folded in.
    const previous = new Database(result.previous ?? '', { readonly: true, fileMustExist: true });
    try {
      expect((previous.prepare('SELECT count(*) AS n FROM AuditEvent').get() as { n: number }).n).toBe(4);
    } finally {
      previous.close();
    }
  });

  it('refuses a missing file, a file that is not a database, and a database that is not ours', async () => {
    const before = await auditCount();
    expect(() => restoreSqlite(url, join(dir, 'absent.db'))).toThrow(/no such file/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'SQLite is great, but this is a text file.');
    expect(() => restoreSqlite(url, text)).toThrow(/not an SQLite database/);
    const foreign = join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    expect(() => restoreSqlite(url, foreign)).toThrow(/no applied migrations.*nothing was changed/);
    expect(await auditCount()).toBe(before);
    expect(readdirSync(dirname(dbFile)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a damaged backup and one made by a newer version', async () => {
    const before = await auditCount();
    const damaged = join(dir, 'damaged.db');
    const bytes = Buffer.alloc(64 * 1024, 0x5a);
    Buffer.from('SQLite format 3\u0000', 'latin1').copy(bytes);
    writeFileSync(damaged, bytes);
    expect(() => restoreSqlite(url, damaged)).toThrow(/cannot be re/);

    const newer = join(dir, 'newer.db');
    await backupSqlite(url, newer);
    const db = new Database(newer);
    db.prepare(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '29990101000000_future', 0, 1, 1)",
    ).run();
    db.close();
    expect(() => restoreSqlite(url, newer)).toThrow(/newer version of tracker.*29990101000000_future/);
    expect(await auditCount()).toBe(before);
  });
});
