import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlDriverAdapter, SqlQuery } from '@prisma/driver-adapter-utils';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteAdapterFor } from '../../src/db/client.js';
import { StatementCache, statementCaches, withStatementCache } from '../../src/db/statement-cache.js';

const query = (sql: string, args: unknown[] = []): SqlQuery => ({
  sql,
  args,
  argTypes: args.map((a) => ({ scalarType: typeof a === 'number' ? 'decimal' : 'string', arity: 'scalar' as const })),
});

describe('withStatementCache on a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-statements-'));
  let cached: SqlDriverAdapter;
  let plain: SqlDriverAdapter;
  const cacheOf = () => {
    const cache = statementCaches.get(cached);
    if (!cache) throw new Error('no statement cache registered');
    return cache;
  };

  beforeAll(async () => {
    const file = join(dir, 'test.db');
    cached = await withStatementCache(await sqliteAdapterFor(file)).connect();
    plain = await (await sqliteAdapterFor(file)).connect();
    await cached.executeScript(
      'CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL UNIQUE, "size" REAL)',
    );
  });
  afterAll(async () => {
    await cached.dispose();
    await plain.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compiles a statement once and binds each call’s own values', async () => {
    const before = cacheOf().compiled;
    const insert = 'INSERT INTO "Item" ("name", "size") VALUES (?, ?) RETURNING "id", "name"';
    const first = await cached.queryRaw(query(insert, ['一', 1.5]));
    const second = await cached.queryRaw(query(insert, ['二', 2]));
    expect(first.rows[0]?.[1]).toBe('一');
    expect(second.rows[0]?.[1]).toBe('二');
    expect(await cached.executeRaw(query('UPDATE "Item" SET "size" = ? WHERE "name" = ?', [3, '二']))).toBe(1);
    expect(await cached.executeRaw(query('UPDATE "Item" SET "size" = ? WHERE "name" = ?', [4, 'なし']))).toBe(0);
    expect(cacheOf().compiled - before).toBe(2);
  });

  it('returns what the adapter without the cache returns, column types included', async () => {
    const select = query('SELECT "id", "name", "size" FROM "Item" WHERE "size" >= ? ORDER BY "id"', [0]);
    const ours = await cached.queryRaw(select);
    const theirs = await plain.queryRaw(select);
    expect(ours).toEqual(theirs);
    expect(ours.rows.map((r) => r[1])).toEqual(['一', '二']);
    // Twice more through the cached statement: raw mode and values do not stick to it.
    expect(await cached.queryRaw(select)).toEqual(theirs);
    expect((await cached.queryRaw({ ...select, args: [2] })).rows.map((r) => r[1])).toEqual(['二']);
  });

  it('keeps a statement usable after it failed, and a failed compile out of the cache', async () => {
    const insert = 'INSERT INTO "Item" ("name", "size") VALUES (?, ?)';
    await expect(cached.executeRaw(query(insert, ['一', 9]))).rejects.toThrow(/UniqueConstraintViolation/);
    expect(await cached.executeRaw(query(insert, ['三', 9]))).toBe(1);
    const compiled = cacheOf().compiled;
    await expect(cached.queryRaw(query('SELEC nonsense'))).rejects.toThrow();
    await expect(cached.queryRaw(query('SELEC nonsense'))).rejects.toThrow();
    expect(cacheOf().compiled).toBe(compiled);
  });

  it('runs transactions through the same connection', async () => {
    const tx = await cached.startTransaction();
    await tx.executeRaw(query('INSERT INTO "Item" ("name") VALUES (?)', ['取消']));
    await tx.executeRaw(query('ROLLBACK'));
    await tx.rollback();
    const found = await cached.queryRaw(query('SELECT count(*) AS n FROM "Item" WHERE "name" = ?', ['取消']));
    expect(Number(found.rows[0]?.[0])).toBe(0);
  });
});

describe('StatementCache', () => {
  it('drops the least recently used statement when full', () => {
    const database = new Database(':memory:');
    try {
      const cache = new StatementCache(database, 2);
      cache.get('SELECT 1');
      cache.get('SELECT 2');
      cache.get('SELECT 1');
      cache.get('SELECT 3'); // evicts SELECT 2, the least recently used
      expect(cache.compiled).toBe(3);
      cache.get('SELECT 1');
      cache.get('SELECT 3');
      expect(cache.compiled).toBe(3);
      cache.get('SELECT 2');
      expect(cache.compiled).toBe(4);
    } finally {
      database.close();
    }
  });
});
