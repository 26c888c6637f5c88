import type { ArgType, SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { wrapConnections } from './adapter-wrapping.js';
import type { Db } from './client.js';
import type { Provider } from './database-url.js';

// The ORM's raw-query path (`db.$queryRaw`) serialises every value, plans the query in its
// WebAssembly compiler and builds its result through several layers: for the progress insert, the
// statement a modal submission waits for before Slack gets its answer, that was half of the CPU
// (bench/progress-insert.ts, 4,000 inserts 50 at a time: 95–106 µs each through the ORM, 48–54 µs
// on the driver adapter, both with compiled statements reused).
// This sends a statement straight to the connection the ORM itself uses, with the values typed as
// the ORM types them, so what is stored is byte for byte what `$queryRaw` would have stored.

/** A value bound to a statement. */
export type SqlValue = string | number | Date | null;

/** Runs one statement on the database's own connection and returns its rows as objects. */
export type RawSql = <T extends Record<string, unknown>>(
  strings: TemplateStringsArray,
  ...values: SqlValue[]
) => Promise<T[]>;

/** The argument types the ORM gives raw-query values (`$queryRaw`), for the adapter's conversions. */
function bind(value: SqlValue): { arg: unknown; type: ArgType } {
  if (value instanceof Date) return { arg: value.toISOString(), type: { scalarType: 'datetime', arity: 'scalar' } };
  if (typeof value === 'number') return { arg: value, type: { scalarType: 'decimal', arity: 'scalar' } };
  if (typeof value === 'string') return { arg: value, type: { scalarType: 'string', arity: 'scalar' } };
  return { arg: null, type: { scalarType: 'unknown', arity: 'scalar' } };
}

/** The statement text with the provider's placeholders (`?` or `$1`, `$2`, …). */
export function statementText(provider: Provider, strings: readonly string[]): string {
  let sql = strings[0] ?? '';
  for (let i = 1; i < strings.length; i += 1) sql += `${provider === 'postgresql' ? `$${i}` : '?'}${strings[i]}`;
  return sql;
}

/**
 * Wraps a factory so the connection the ORM opens is known; `current()` is null before it connects
 * and after it disposes of the connection.
 */
export function trackConnection(factory: SqlDriverAdapterFactory): {
  factory: SqlDriverAdapterFactory;
  current(): SqlDriverAdapter | null;
} {
  let connected: SqlDriverAdapter | null = null;
  return {
    current: () => connected,
    factory: wrapConnections(factory, (adapter) => {
      const dispose = adapter.dispose.bind(adapter);
      // Bound first: adapters keep their connection in private fields that need `this`.
      adapter.dispose = async () => {
        if (connected === adapter) connected = null;
        await dispose();
      };
      connected = adapter;
      return adapter;
    }),
  };
}

/** A RawSql on the connection `current()` returns, connecting the ORM first when it has none. */
export function rawSqlOn(provider: Provider, db: Db, current: () => SqlDriverAdapter | null): RawSql {
  const texts = new WeakMap<TemplateStringsArray, string>();
  return async <T extends Record<string, unknown>>(strings: TemplateStringsArray, ...values: SqlValue[]) => {
    let adapter = current();
    if (!adapter) {
      await db.$connect();
      adapter = current();
      if (!adapter) throw new Error('the database client opened no connection');
    }
    // A template's strings are one frozen array per call site: its text is built once.
    let sql = texts.get(strings);
    if (sql === undefined) {
      sql = statementText(provider, strings);
      texts.set(strings, sql);
    }
    const bound = values.map(bind);
    const result = await adapter.queryRaw({ sql, args: bound.map((b) => b.arg), argTypes: bound.map((b) => b.type) });
    return result.rows.map((row) => {
      const object: Record<string, unknown> = {};
      result.columnNames.forEach((name, i) => {
        object[name] = row[i];
      });
      return object as T;
    });
  };
}

const runners = new WeakMap<Db, RawSql>();

/** Registers the RawSql of a client opened by openDatabase. */
export function registerRawSql(db: Db, raw: RawSql): void {
  runners.set(db, raw);
}

/** The RawSql of a client opened by openDatabase. */
export function rawSqlOf(db: Db): RawSql {
  const raw = runners.get(db);
  if (!raw) throw new Error('this database client was not opened by openDatabase');
  return raw;
}
