import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteAdapterFor } from '../../src/db/client.js';
import { WalSyncer, withDurableCommits } from '../../src/db/durable-commits.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { PrismaClient } from '../../src/generated/sqlite/client.js';

/** A flush the test finishes by hand, recording when each one started. */
function manualFlush() {
  const started: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  return { started, flush };
}

const settled = async <T>(promise: Promise<T>) => {
  let done = false;
  void promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('WalSyncer', () => {
  it('flushes at once when idle and resolves only when the flush ends', async () => {
    const { started, flush } = manualFlush();
    const syncer = new WalSyncer('/nowhere-wal', flush);
    const first = syncer.sync();
    expect(started).toHaveLength(1);
    expect(await settled(first)).toBe(false);
    started[0]?.resolve();
    await first;
    expect(syncer.flushes).toBe(1);
  });

  it('gives every commit made during a flush one shared later flush, not the running one', async () => {
    const { started, flush } = manualFlush();
    const syncer = new WalSyncer('/nowhere-wal', flush, { commitDelayMs: 0, busyGapMs: 0 });
    const first = syncer.sync();
    const waiting = [syncer.sync(), syncer.sync(), syncer.sync()];
    expect(started).toHaveLength(1);
    started[0]?.resolve();
    await first;
    // The three started waiting while the first flush ran: it may have missed their frames.
    expect(await settled(Promise.all(waiting))).toBe(false);
    expect(started).toHaveLength(2);
    started[1]?.resolve();
    await Promise.all(waiting);
    expect(syncer.flushes).toBe(2);
  });

  it('passes a failed flush to its waiters and starts afresh on the next commit', async () => {
    const { started, flush } = manualFlush();
    const syncer = new WalSyncer('/nowhere-wal', flush, { commitDelayMs: 0, busyGapMs: 0 });
    const first = syncer.sync();
    const queued = syncer.sync();
    started[0]?.reject(new Error('EIO'));
    await expect(first).rejects.toThrow('EIO');
    started[1]?.reject(new Error('EIO again'));
    await expect(queued).rejects.toThrow('EIO again');
    const next = syncer.sync();
    expect(started).toHaveLength(3);
    started[2]?.resolve();
    await expect(next).resolves.toBeUndefined();
  });

  describe('under load (commits closer together than the busy gap)', () => {
    const delayMs = 40;
    const busyGapMs = 10;
    const clocked = () => {
      const clock = { at: 0 };
      const manual = manualFlush();
      const syncer = new WalSyncer('/nowhere-wal', manual.flush, {
        commitDelayMs: delayMs,
        busyGapMs,
        now: () => clock.at,
      });
      return { clock, syncer, ...manual };
    };
    const pastTheDelay = () => new Promise((resolve) => setTimeout(resolve, delayMs + 30));

    it('makes the commits that follow a flush within the delay wait for it and share one flush', async () => {
      const { clock, syncer, started } = clocked();
      const first = syncer.sync();
      clock.at = 1;
      const during = [syncer.sync()];
      clock.at = 2;
      during.push(syncer.sync(), syncer.sync());
      started[0]?.resolve();
      await first;
      // The running flush has ended, but the next waits out the delay for more commits.
      expect(await settled(Promise.all(during))).toBe(false);
      expect(started).toHaveLength(1);
      await pastTheDelay();
      expect(started).toHaveLength(2);
      started[1]?.resolve();
      await Promise.all(during);
      expect(syncer.flushes).toBe(2);
    });

    it('flushes a commit that comes alone at once, also after a busy moment', async () => {
      const { clock, syncer, started } = clocked();
      const first = syncer.sync();
      started[0]?.resolve();
      await first;
      clock.at = delayMs * 3;
      const alone = syncer.sync();
      expect(started).toHaveLength(2);
      started[1]?.resolve();
      await alone;
    });

    it('does not delay a commit that comes after the busy gap, even within the delay', async () => {
      const { clock, syncer, started } = clocked();
      const first = syncer.sync();
      started[0]?.resolve();
      await first;
      clock.at = busyGapMs + 1;
      const next = syncer.sync();
      expect(started).toHaveLength(2);
      started[1]?.resolve();
      await next;
      expect(syncer.flushes).toBe(2);
    });

    it('also gathers when nothing runs, and a closing syncer waits for the flush being gathered', async () => {
      const { clock, syncer, started } = clocked();
      const first = syncer.sync();
      started[0]?.resolve();
      await first;
      clock.at = 1;
      const second = syncer.sync();
      clock.at = 1.5;
      const third = syncer.sync();
      expect(started).toHaveLength(1);
      const closing = syncer.close();
      await pastTheDelay();
      expect(started).toHaveLength(2);
      expect(await settled(closing)).toBe(false);
      started[1]?.resolve();
      await Promise.all([second, third, closing]);
      expect(syncer.flushes).toBe(2);
    });

    it('passes a failed gathered flush to every commit that joined it', async () => {
      const { clock, syncer, started } = clocked();
      const first = syncer.sync();
      clock.at = 1;
      const joined = [syncer.sync(), syncer.sync()];
      started[0]?.resolve();
      await first;
      await pastTheDelay();
      started[1]?.reject(new Error('EIO'));
      for (const commit of joined) await expect(commit).rejects.toThrow('EIO');
    });
  });

  it('fsyncs a real file, and treats a missing log as nothing to flush until it exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracker-wal-'));
    try {
      writeFileSync(join(dir, 'db-wal'), 'frames');
      const present = new WalSyncer(join(dir, 'db-wal'));
      await expect(present.sync()).resolves.toBeUndefined();
      await expect(present.sync()).resolves.toBeUndefined();
      await present.close();
      const later = new WalSyncer(join(dir, 'later-wal'));
      await expect(later.sync()).resolves.toBeUndefined();
      writeFileSync(join(dir, 'later-wal'), 'frames');
      await expect(later.sync()).resolves.toBeUndefined();
      await later.close();
      await expect(new WalSyncer(join(dir, 'no-such-dir', 'x-wal')).sync()).resolves.toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an error other than a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracker-wal-'));
    try {
      writeFileSync(join(dir, 'file'), 'x');
      await expect(new WalSyncer(join(dir, 'file', 'below-a-file')).sync()).rejects.toThrow(/ENOTDIR/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('withDurableCommits on a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-durable-'));
  const file = join(dir, 'test.db');
  const calls: string[] = [];
  let hold: Promise<void> | null = null;
  let fail: Error | null = null;
  let db: PrismaClient;
  const sync = async () => {
    calls.push('sync');
    if (hold) await hold;
    if (fail) throw fail;
  };
  const syncsDuring = async (work: () => Promise<unknown>) => {
    calls.length = 0;
    await work();
    return calls.length;
  };

  beforeAll(async () => {
    await applyMigrations(`file:${file}`);
    const adapter = await sqliteAdapterFor(file);
    db = new PrismaClient({ adapter: withDurableCommits(adapter, sync) });
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  });
  afterAll(async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flushes once after a write and never after a read', async () => {
    expect(await syncsDuring(() => db.slackUser.create({ data: { id: 'U1', locale: 'ja-JP' } }))).toBe(1);
    expect(await syncsDuring(() => db.slackUser.update({ where: { id: 'U1' }, data: { locale: 'en-US' } }))).toBe(1);
    expect(await syncsDuring(() => db.slackUser.findMany())).toBe(0);
    expect(await syncsDuring(() => db.slackUser.count())).toBe(0);
    expect(await syncsDuring(() => db.$queryRaw`SELECT 1`)).toBe(0);
    expect(await syncsDuring(() => db.$executeRaw`DELETE FROM "SlackUser" WHERE "id" = 'nobody'`)).toBe(1);
  });

  it('flushes a transaction once, at its commit', async () => {
    const interactive = await syncsDuring(() =>
      db.$transaction(async (tx) => {
        await tx.slackUser.create({ data: { id: 'U2' } });
        await tx.slackUser.create({ data: { id: 'U3' } });
        expect(calls).toHaveLength(0);
      }),
    );
    expect(interactive).toBe(1);
    const batch = await syncsDuring(() =>
      db.$transaction([db.slackUser.create({ data: { id: 'U4' } }), db.slackUser.create({ data: { id: 'U5' } })]),
    );
    expect(batch).toBe(1);
    const rolledBack = await syncsDuring(() =>
      db
        .$transaction(async (tx) => {
          await tx.slackUser.create({ data: { id: 'U6' } });
          throw new Error('changed my mind');
        })
        .catch(() => undefined),
    );
    expect(rolledBack).toBe(0);
    expect(await db.slackUser.count({ where: { id: 'U6' } })).toBe(0);
  });

  it('answers a write only once its flush has finished', async () => {
    let release = () => {};
    hold = new Promise((resolve) => {
      release = resolve;
    });
    try {
      // Prisma's promises are lazy: then() starts the query.
      const write = db.slackUser.create({ data: { id: 'U7' } }).then((row) => row);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls.at(-1)).toBe('sync');
      expect(await settled(write)).toBe(false);
      release();
      await expect(write).resolves.toMatchObject({ id: 'U7' });
    } finally {
      hold = null;
    }
  });

  it('fails the write when the log cannot be flushed', async () => {
    fail = new Error('EIO: i/o error, fsync');
    try {
      await expect(db.slackUser.create({ data: { id: 'U8' } })).rejects.toThrow(/EIO/);
    } finally {
      fail = null;
    }
  });
});
