import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteAdapterFor } from '../../src/db/client.js';
import {
  isSqliteBusy,
  type LockWait,
  lockRetryDelayMs,
  realLockWait,
  retryWhileBusy,
  waitingForLocks,
} from '../../src/db/sqlite-lock-wait.js';
import { PrismaClient } from '../../src/generated/sqlite/client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';

/** The error the better-sqlite3 adapter throws when another connection holds the lock. */
function busyError(code = 'SQLITE_BUSY'): Error {
  return Object.assign(new Error('database is locked'), { cause: { kind: 'SocketTimeout', originalCode: code } });
}

/** A clock that moves only when the code under test sleeps. */
function fakeWait(waitMs: number): LockWait & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    waitMs,
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('the lock retry rule', () => {
  it('tries again after 1, 2, 4 … ms, at most 50 ms apart, until the attempt succeeds', async () => {
    const wait = fakeWait(60_000);
    let tries = 0;
    const result = await retryWhileBusy(async () => {
      tries += 1;
      if (tries <= 8) throw busyError(tries % 2 ? 'SQLITE_BUSY' : 'SQLITE_BUSY_SNAPSHOT');
      return 'stored';
    }, wait);
    expect(result).toBe('stored');
    expect(wait.slept).toEqual([1, 2, 4, 8, 16, 32, 50, 50]);
    expect([0, 5, 6, 100].map(lockRetryDelayMs)).toEqual([1, 32, 50, 50]);
  });

  it('gives up with the busy error once the deadline has passed, never sleeping beyond it', async () => {
    const wait = fakeWait(1000);
    let tries = 0;
    await expect(
      retryWhileBusy(async () => {
        tries += 1;
        throw busyError('SQLITE_LOCKED');
      }, wait),
    ).rejects.toThrow('database is locked');
    expect(wait.slept.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(tries).toBe(wait.slept.length + 1);
  });

  it('counts the deadline from when the wait started, not from the first try', async () => {
    const wait = fakeWait(100);
    await wait.sleep(80);
    await expect(
      retryWhileBusy(
        async () => {
          throw busyError();
        },
        wait,
        0,
      ),
    ).rejects.toThrow('database is locked');
    expect(wait.slept.slice(1).reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('does not try again after any other error', async () => {
    const wait = fakeWait(60_000);
    let tries = 0;
    await expect(
      retryWhileBusy(async () => {
        tries += 1;
        throw Object.assign(new Error('UNIQUE constraint failed'), {
          cause: { kind: 'UniqueConstraintViolation', originalCode: 'SQLITE_CONSTRAINT_UNIQUE' },
        });
      }, wait),
    ).rejects.toThrow('UNIQUE');
    expect(tries).toBe(1);
    expect(wait.slept).toEqual([]);
    expect(isSqliteBusy(null)).toBe(false);
    expect(isSqliteBusy(busyError('SQLITE_BUSY_RECOVERY'))).toBe(true);
  });
});

/** Counts event-loop turns: a lock waited for on the event loop would let none through. */
function countTicks(): { stop(): number } {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return ticks;
    },
  };
}

describe('the application’s SQLite connection while another process holds the write lock', () => {
  let database: TestDatabase;
  let other: Database.Database;

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    // Another connection, as another process would hold it (the sqlite3 shell, a CLI run).
    other = new Database(database.url.replace(/^file:/, ''));
    other.exec('BEGIN EXCLUSIVE');
    other.prepare(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('other', 'x', 0)`).run();
  });

  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await database.destroy();
  });

  it('keeps the event loop turning and serves reads while a write and a transaction wait, then stores both', async () => {
    const ticks = countTicks();
    const write = database.db.setting.create({ data: { key: 'single', value: 'a' } });
    // Reads before it writes: a deferred transaction could not simply be tried again (SQLITE_BUSY_SNAPSHOT).
    const transaction = database.db.$transaction(async (tx) => {
      const seen = await tx.setting.count();
      return tx.setting.create({ data: { key: 'in-transaction', value: String(seen) } });
    });
    let settled = false;
    void Promise.allSettled([write, transaction]).then(() => {
      settled = true;
    });
    // WAL: a reader does not wait for another process's writer.
    expect(await database.db.setting.count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    other.exec('COMMIT');
    await write;
    await transaction;
    expect(ticks.stop()).toBeGreaterThan(5);
    const rows = await database.db.setting.findMany({ orderBy: { key: 'asc' } });
    expect(rows.map((s) => s.key)).toEqual(['in-transaction', 'other', 'single']);
    // The transaction read after the other process's commit (and perhaps after the single write).
    expect(['1', '2']).toContain(rows[0]?.value);
  });

  it('fails a write for good, storing nothing, when the lock outlasts the wait', async () => {
    const file = database.url.replace(/^file:/, '');
    const client = new PrismaClient({
      adapter: waitingForLocks(await sqliteAdapterFor(file, 0), { ...realLockWait, waitMs: 200 }),
    });
    try {
      await expect(client.setting.create({ data: { key: 'late', value: 'a' } })).rejects.toThrow();
      await expect(
        client.$transaction(async (tx) => tx.setting.create({ data: { key: 'late-tx', value: 'a' } })),
      ).rejects.toThrow();
      other.exec('COMMIT');
      expect((await client.setting.findMany()).map((s) => s.key)).toEqual(['other']);
    } finally {
      await client.$disconnect();
    }
  });
});

describe('the application’s SQLite connection during its own transaction', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
  });

  afterEach(async () => {
    await database.destroy();
  });

  it('runs a statement from another request after the transaction, so its rollback cannot undo it', async () => {
    let proceed = () => {};
    const held = new Promise<void>((resolve) => {
      proceed = resolve;
    });
    let inside = () => {};
    const started = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const refused = database.db.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: 'rolled-back', value: 'a' } });
      inside();
      await held;
      throw new Error('refused');
    });
    await started;
    // Another request's write while the transaction is open on the shared connection: one
    // statement, as a progress report without milestones is stored (recordOwnProgressUpdate).
    // (then: a Prisma query starts only once it is awaited.)
    const stored = database.db
      .$executeRaw`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('other-request', 'b', 0)`.then((n) => n);
    await new Promise((resolve) => setTimeout(resolve, 50));
    proceed();
    await expect(refused).rejects.toThrow('refused');
    await stored;
    expect((await database.db.setting.findMany()).map((s) => s.key)).toEqual(['other-request']);
  });
});
