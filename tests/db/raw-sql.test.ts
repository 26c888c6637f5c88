import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { rawSqlOf, statementText } from '../../src/db/raw-sql.js';
import { PROVIDERS } from '../helpers/databases.js';
import { seedSmallOrg } from '../helpers/seed.js';
import { seededTestDatabase } from '../helpers/seeded-database.js';

describe('statementText', () => {
  it('numbers PostgreSQL placeholders and uses ? for SQLite', () => {
    const strings = ['SELECT ', ' AS a, ', ' AS b', ''];
    expect(statementText('postgresql', strings)).toBe('SELECT $1 AS a, $2 AS b$3');
    expect(statementText('sqlite', strings)).toBe('SELECT ? AS a, ? AS b?');
  });
});

describe.each(PROVIDERS)('rawSqlOf on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  it('stores each kind of value as the ORM reads it back', async () => {
    const at = new Date('2026-05-06T07:08:09.010Z');
    const sql = rawSqlOf(env.db);
    const [row] = await sql<{ id: number | bigint | string }>`
      INSERT INTO "ProgressUpdate" ("targetId", "reporterId", "reportedAt", "status", "value", "percent", "comment", "source")
      VALUES (${env.org.targets.sk1}, ${'USTAFF001'}, ${at}, ${'done'}, ${-0.25}, ${100}, ${null}, ${'import'})
      RETURNING "id"`;
    const stored = await env.db.progressUpdate.findUniqueOrThrow({ where: { id: Number(row?.id) } });
    expect(stored).toMatchObject({
      reporterId: 'USTAFF001',
      status: 'done',
      value: -0.25,
      percent: 100,
      comment: null,
    });
    expect(stored.reportedAt.toISOString()).toBe(at.toISOString());
    const found = await sql<{ n: number | bigint | string }>`
      SELECT count(*) AS n FROM "ProgressUpdate" WHERE "reportedAt" = ${at} AND "comment" IS NULL`;
    expect(Number(found[0]?.n)).toBe(1);
  });

  it('binds text as values, never as SQL', async () => {
    const hostile = `'); DROP TABLE "Target"; --`;
    const rows = await rawSqlOf(env.db)<{ code: string }>`SELECT "code" FROM "Target" WHERE "code" = ${hostile}`;
    expect(rows).toEqual([]);
    expect(await env.db.target.count()).toBeGreaterThan(0);
  });

  it('reconnects after the client disconnected, on the client’s own connection', async () => {
    await env.db.$disconnect();
    const rows = await rawSqlOf(env.db)<{ id: number | bigint | string }>`SELECT "id" FROM "Department" ORDER BY "id"`;
    expect(rows.length).toBeGreaterThan(0);
    // The ORM works again too: both use the connection it opened.
    expect(await env.db.department.count()).toBe(rows.length);
  });
});

describe('rawSqlOf on a SQLite file', () => {
  const env = seededTestDatabase('sqlite', seedSmallOrg);

  it('flushes the log after a write, as the ORM’s writes are', async () => {
    const wal = env.database.wal;
    if (!wal) throw new Error('a SQLite file has a log syncer');
    const before = wal.flushes;
    await rawSqlOf(env.db)`SELECT count(*) FROM "Target"`;
    expect(wal.flushes).toBe(before);
    await rawSqlOf(env.db)`UPDATE "Department" SET "nameEn" = ${'Test'} WHERE "id" = ${-1}`;
    expect(wal.flushes).toBe(before + 1);
  });
});

describe('rawSqlOf', () => {
  it('refuses a client not opened by openDatabase', async () => {
    const { PrismaClient } = await import('../../src/generated/sqlite/client.js');
    const { sqliteAdapterFor } = await import('../../src/db/client.js');
    const db = new PrismaClient({ adapter: await sqliteAdapterFor(':memory:') });
    expect(() => rawSqlOf(db)).toThrow(/openDatabase/);
    const opened = await openDatabase(':memory:');
    try {
      expect(await rawSqlOf(opened.db)<{ one: number | bigint }>`SELECT ${1} AS one`).toHaveLength(1);
    } finally {
      await opened.close();
    }
  });
});
