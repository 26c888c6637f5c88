import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { bound, wrapConnections } from './adapter-wrapping.js';

// SQLite with synchronous=FULL makes every commit durable by calling fsync inside the commit, and
// better-sqlite3 runs the commit on the event loop: at 50 concurrent reporters each fsync (about
// 0.2 ms on the development disk) stopped the whole bot, and acknowledging a modal submission took
// 1.6× as long as bare Bolt instead of 1.2×. Here commits run with synchronous=NORMAL (SQLite
// writes the log but does not flush it) and the write's promise resolves only after the log was
// flushed by an fsync on libuv's thread pool; commits that arrive while one fsync runs share the
// next one (group commit), and under load a flush waits briefly for more (COMMIT_DELAY_MS). A
// caller that is told "stored" can therefore rely on it as with FULL.

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/**
 * How long a commit's flush waits for other commits to share it, once commits come closer together
 * than BUSY_GAP_MS. A flush is not free on the development machine: a loop of small writes, each
 * followed by a FileHandle.sync(), used 0.24–0.45 ms of process CPU per flush. At 50 concurrent
 * reporters commits came about one per millisecond: 4,542–5,365 flushes for 8,050 stored reports
 * without the wait, 2,322–2,600 with a 2 ms wait (docs/benchmarks.md, seventh session); a 5 ms
 * wait took the tracker's CPU per submission from 825–995 to 775–925 µs in six alternating pairs
 * (ninth session). A commit that comes alone is flushed at once, as PostgreSQL's commit_delay
 * applies only with commit_siblings.
 */
export const COMMIT_DELAY_MS = 5;

/**
 * Commits closer together than this mean load worth gathering for: more than 500 a second, as at
 * 50 concurrent reporters. Kept below the delay so that reports a few milliseconds apart (100 a
 * second, say) are flushed at once, as before the delay grew; at 100 a second the disk's own noise
 * hid any difference (docs/benchmarks.md, ninth session).
 */
export const BUSY_GAP_MS = 2;

/** Flushes a SQLite write-ahead log after commits, one fsync for each group of commits waiting for it. */
export class WalSyncer {
  /** The fsync under way. */
  private running: Promise<void> | null = null;
  /** The next flush, not begun yet: a commit made now joins it. */
  private forming: Promise<void> | null = null;
  private lastCommitAt = Number.NEGATIVE_INFINITY;
  // Held open: opening the log for every flush doubled its time (0.38–0.43 ms against 0.21–0.22
  // ms). SQLite removes the log only when the last connection to the database closes, and this
  // process keeps its connection open for as long as it holds the handle.
  private log: FileHandle | null = null;
  private readonly flush: () => Promise<void>;
  private readonly commitDelayMs: number;
  private readonly busyGapMs: number;
  private readonly now: () => number;
  /** fsyncs started (tests count them). */
  flushes = 0;

  constructor(
    private readonly walPath: string,
    flush?: () => Promise<void>,
    options: { commitDelayMs?: number; busyGapMs?: number; now?: () => number } = {},
  ) {
    this.flush = flush ?? (() => this.fsyncLog());
    this.commitDelayMs = options.commitDelayMs ?? COMMIT_DELAY_MS;
    this.busyGapMs = options.busyGapMs ?? BUSY_GAP_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    const at = this.now();
    const busy = at - this.lastCommitAt < this.busyGapMs;
    this.lastCommitAt = at;
    // Its fsync has not begun, so it will cover this commit's frames too.
    if (this.forming) return this.forming;
    if (!this.running && !busy) return this.start();
    // The running fsync may have started before this commit wrote its frames: it needs the next,
    // which also waits for the commits that follow within the delay when they come this fast.
    const previous = this.running?.catch(() => undefined);
    const delay = busy ? new Promise<void>((resolve) => setTimeout(resolve, this.commitDelayMs)) : undefined;
    const forming = Promise.all([previous, delay]).then(() => {
      this.forming = null;
      return this.start();
    });
    this.forming = forming;
    return forming;
  }

  /** Closes the log's file handle (the database is closing). */
  async close(): Promise<void> {
    await this.forming?.catch(() => undefined);
    await this.running?.catch(() => undefined);
    await this.log?.close();
    this.log = null;
  }

  private start(): Promise<void> {
    this.flushes += 1;
    const run = this.flush().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async fsyncLog(): Promise<void> {
    if (!this.log) {
      try {
        this.log = await open(this.walPath, 'r');
      } catch (error) {
        // No log: the database is not in WAL mode, where SQLite syncs each commit itself (FULL).
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      // A log SQLite has just created is only safe once its directory entry is on disk too.
      await syncDirectory(dirname(this.walPath));
    }
    await this.log.sync();
  }
}

/** Statements that cannot have changed the database, so need no flush. */
function isRead(sql: string): boolean {
  return /^\s*(select|pragma)\b/i.test(sql);
}

function durableTransaction(inner: Transaction, sync: () => Promise<void>): Transaction {
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === 'commit') {
        return async () => {
          await target.commit();
          await sync();
        };
      }
      return bound(target, prop);
    },
  });
}

function durableAdapter(inner: SqlDriverAdapter, sync: () => Promise<void>): SqlDriverAdapter {
  return new Proxy(inner, {
    get(target, prop) {
      switch (prop) {
        case 'queryRaw':
          return async (query: SqlQuery) => {
            const result = await target.queryRaw(query);
            if (!isRead(query.sql)) await sync();
            return result;
          };
        case 'executeRaw':
          return async (query: SqlQuery) => {
            const changed = await target.executeRaw(query);
            if (!isRead(query.sql)) await sync();
            return changed;
          };
        case 'executeScript':
          return async (script: string) => {
            await target.executeScript(script);
            await sync();
          };
        case 'startTransaction':
          return async (isolationLevel?: IsolationLevel) =>
            durableTransaction(await target.startTransaction(isolationLevel), sync);
        default:
          return bound(target, prop);
      }
    },
  });
}

/**
 * Wraps a SQLite adapter factory so that every write outside a transaction, and every transaction
 * commit, resolves only after sync() (the log flushed to disk).
 */
export function withDurableCommits(
  factory: SqlDriverAdapterFactory,
  sync: () => Promise<void>,
): SqlDriverAdapterFactory {
  return wrapConnections(factory, (adapter) => durableAdapter(adapter, sync));
}
