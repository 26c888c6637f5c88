import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';
import { bound, wrapConnections } from './adapter-wrapping.js';

// Prisma's better-sqlite3 adapter compiles every statement afresh (`prepare(sql)` per query), and
// compiling was a quarter of a progress insert's CPU: 4,000 inserts, 50 at a time, through the
// ORM took 133–134 µs of CPU each, 95–106 µs with compiled statements reused (bench/progress-insert.ts). A better-sqlite3 statement can be
// bound only once, so the adapter gets a wrapper per query that passes the arguments at each call.

/** Compiled statements kept per connection, least recently used dropped first. */
export const STATEMENT_CACHE_SIZE = 200;

type Statement = BetterSqlite3.Statement<unknown[]>;

/** The part of a statement Prisma's adapter uses (version pinned in package.json). */
interface AdapterStatement {
  readonly reader: boolean;
  bind(args: unknown[]): BoundStatement;
  run(): BetterSqlite3.RunResult;
}

interface BoundStatement {
  readonly reader: boolean;
  columns(): BetterSqlite3.ColumnDefinition[];
  run(): BetterSqlite3.RunResult;
  raw(): { all(): unknown[] };
}

/** A least-recently-used cache of compiled statements of one connection. */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();
  /** Statements compiled (tests count them). */
  compiled = 0;

  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly size = STATEMENT_CACHE_SIZE,
  ) {}

  /** The compiled statement for sql, compiling it on first use. */
  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = this.database.prepare<unknown[]>(sql);
      this.compiled += 1;
      if (this.statements.size >= this.size) {
        const oldest = this.statements.keys().next().value;
        if (oldest !== undefined) this.statements.delete(oldest);
      }
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /** What the adapter gets from `prepare(sql)`: the cached statement, bound per call. */
  prepare(sql: string): AdapterStatement {
    const statement = this.get(sql);
    return {
      reader: statement.reader,
      run: () => statement.run(),
      bind: (args) => ({
        reader: statement.reader,
        columns: () => statement.columns(),
        run: () => statement.run(args),
        // Raw mode stays on the cached statement; only this wrapper reads from it.
        raw: () => ({ all: () => statement.raw(true).all(args) }),
      }),
    };
  }
}

function isDatabase(value: unknown): value is BetterSqlite3.Database {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'prepare') === 'function';
}

/** The statement cache behind an adapter made by withStatementCache (tests read its counter). */
export const statementCaches = new WeakMap<SqlDriverAdapter, StatementCache>();

/** Wraps a better-sqlite3 adapter factory so that each connection reuses its compiled statements. */
export function withStatementCache(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return wrapConnections(factory, (adapter) => {
    // The adapter and its transactions reach the driver through this field.
    const database: unknown = Reflect.get(adapter, 'client');
    if (!isDatabase(database)) throw new Error('the SQLite adapter no longer keeps its driver in `client`');
    const cache = new StatementCache(database);
    const client = new Proxy(database, {
      get: (target, prop) => (prop === 'prepare' ? (sql: string) => cache.prepare(sql) : bound(target, prop)),
    });
    Reflect.set(adapter, 'client', client);
    statementCaches.set(adapter, cache);
    return adapter;
  });
}
