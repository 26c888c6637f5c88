import type {
  ConnectionInfo,
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * How long a statement or a transaction waits for another process's lock on the SQLite file
 * before it fails for good (ms). Nothing of it is written then, and the user is told so.
 */
export const SQLITE_LOCK_WAIT_MS = 60_000;

/** The pause after the attempt-th failed try (from 0): 1, 2, 4 … ms, at most 50 ms. */
export function lockRetryDelayMs(attempt: number): number {
  return Math.min(2 ** Math.min(attempt, 6), 50);
}

/** SQLITE_BUSY (another connection holds the lock) or SQLITE_LOCKED, with any extended code. */
export function isSqliteBusy(error: unknown): boolean {
  const cause = (error as { cause?: { originalCode?: unknown } } | null)?.cause;
  const code = typeof cause?.originalCode === 'string' ? cause.originalCode : '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

export interface LockWait {
  /** Give up this long after the first try (ms). */
  waitMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realLockWait: LockWait = {
  waitMs: SQLITE_LOCK_WAIT_MS,
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs attempt again, after an asynchronous pause, for as long as it fails because the database is
 * locked and the deadline (startedAt + waitMs) has not passed; then the last error is thrown. Safe
 * only for an attempt that changes nothing when it fails busy: one autocommit statement, or BEGIN.
 */
export async function retryWhileBusy<T>(
  attempt: () => Promise<T>,
  wait: LockWait,
  startedAt: number = wait.now(),
): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      const left = startedAt + wait.waitMs - wait.now();
      if (left <= 0) throw error;
      await wait.sleep(Math.min(lockRetryDelayMs(tries), left));
    }
  }
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * better-sqlite3 is synchronous: with a busy timeout, a connection waiting for another process's
 * lock holds the whole event loop. The connection runs with no busy timeout instead, and this
 * adapter waits for locks between tries, asynchronously (retryWhileBusy):
 *
 * - an autocommit statement is tried again as a whole (a statement that fails busy wrote nothing);
 * - a transaction starts with BEGIN IMMEDIATE, tried again until it holds the write lock, so no
 *   statement inside it can fail busy halfway (a deferred transaction that read first could only
 *   be retried from its beginning: WAL's SQLITE_BUSY_SNAPSHOT);
 * - readers never wait for another process's writer (WAL), only for this connection's own open
 *   transaction: the one connection is shared, and a statement run while a transaction is open
 *   would become part of it (and be rolled back with it).
 *
 * It relies on the wrapped adapter running each statement synchronously when called (the
 * better-sqlite3 adapter does), so that nothing runs between a statement and the next line.
 */
class LockWaitingAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly getConnectionInfo?: () => ConnectionInfo;
  /** Settles when this connection's open transaction ends; null while none is open. */
  private open: Promise<void> | null = null;
  /** Transactions of this connection, one at a time: the tail of their queue. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly wait: LockWait,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    if (inner.getConnectionInfo) this.getConnectionInfo = () => inner.getConnectionInfo?.() as ConnectionInfo;
  }

  private async autocommit<T>(run: () => Promise<T>): Promise<T> {
    return retryWhileBusy(async () => {
      while (this.open) await this.open;
      return run();
    }, this.wait);
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.autocommit(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.autocommit(() => this.inner.executeRaw(query));
  }

  async executeScript(script: string): Promise<void> {
    // A script may fail busy halfway, after some of its statements: it is not tried again.
    while (this.open) await this.open;
    return this.inner.executeScript(script);
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // The wrapped adapter refuses the levels SQLite does not have.
    if (isolationLevel && isolationLevel !== 'SERIALIZABLE') return this.inner.startTransaction(isolationLevel);
    const startedAt = this.wait.now();
    let release = () => {};
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    await previous;
    let close = () => {};
    try {
      await retryWhileBusy(
        () => {
          const closed = new Promise<void>((resolve) => {
            close = resolve;
          });
          // Marked open before BEGIN runs, so no autocommit statement slips in after it.
          this.open = closed;
          return this.inner.executeRaw(statement('BEGIN IMMEDIATE')).catch((error: unknown) => {
            this.open = null;
            close();
            throw error;
          });
        },
        this.wait,
        startedAt,
      );
    } catch (error) {
      release();
      throw error;
    }
    const end = async () => {
      this.open = null;
      close();
      release();
    };
    const inner = this.inner;
    return {
      provider: this.provider,
      adapterName: this.adapterName,
      // Prisma sends COMMIT and ROLLBACK itself, then calls commit() or rollback().
      options: { usePhantomQuery: false },
      queryRaw: (query) => inner.queryRaw(query),
      executeRaw: (query) => inner.executeRaw(query),
      commit: end,
      rollback: end,
      createSavepoint: async (name) => {
        await inner.executeRaw(statement(`SAVEPOINT ${name}`));
      },
      rollbackToSavepoint: async (name) => {
        await inner.executeRaw(statement(`ROLLBACK TO ${name}`));
      },
      releaseSavepoint: async (name) => {
        await inner.executeRaw(statement(`RELEASE SAVEPOINT ${name}`));
      },
    };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

/** The factory's connections wait for SQLite locks asynchronously (see LockWaitingAdapter). */
export function waitingForLocks(
  factory: SqlDriverAdapterFactory,
  wait: LockWait = realLockWait,
): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => new LockWaitingAdapter(await factory.connect(), wait),
  };
}
