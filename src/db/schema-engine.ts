import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { sqliteAdapterFor } from './client.js';
import { parseDatabaseUrl } from './database-url.js';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The schema engine introspects pg_catalog, whose "char" columns (OID 18) the PostgreSQL driver
 * adapter refuses as an unsupported type. Their values arrive as one-letter strings, so they are
 * reported as text.
 */
class CatalogFriendlyClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this only post-processes its result.
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') {
      // Pool.query() uses the callback form.
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => last(err, err ? res : charAsText(res));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const result = (super.query as (...a: any[]) => any)(...args);
    return result && typeof result.then === 'function' ? result.then(charAsText) : result;
  }
}

function charAsText(res: pg.QueryResult): pg.QueryResult {
  for (const field of res?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  return res;
}

function postgresError(error: unknown): DriverAdapterError {
  const e = error as Partial<Record<'code' | 'severity' | 'message' | 'detail' | 'column' | 'hint', string>>;
  return new DriverAdapterError({
    kind: 'postgres',
    code: e.code ?? 'XX000',
    severity: e.severity ?? 'ERROR',
    message: e.message ?? String(error),
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}

/**
 * The PostgreSQL adapter runs a migration script by splitting it at every ";", which cuts a
 * function body (the status_changed trigger's) in pieces. Sent whole instead, as one simple
 * query: PostgreSQL then also runs the script in one implicit transaction, all or nothing.
 */
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    async executeScript(script: string): Promise<void> {
      try {
        await pool.query(script);
      } catch (error) {
        throw postgresError(error);
      }
    },
  });
}

async function migrationAdapterFor(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const parsed = parseDatabaseUrl(url);
  if (parsed.provider !== 'postgresql') return sqliteAdapterFor(parsed.target);
  const pool = new pg.Pool({ connectionString: parsed.target, Client: CatalogFriendlyClient, max: 2 });
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wholeScripts(await factory.connect(), pool),
    connectToShadowDb: async () => factory.connectToShadowDb(),
  };
}

// The ES lib in tsconfig has no WebAssembly types; this is the part used here.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
};

let initialised = false;

/**
 * Instantiates Prisma's schema engine (WebAssembly) ourselves: the package's entry point imports a
 * .wasm module, which Node 20 only allows behind --experimental-wasm-modules.
 */
function initWasm(): void {
  if (initialised) return;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const module = new WebAssembly.Module(readFileSync(join(dir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(module, {
    './schema_engine_bg.js': bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  initialised = true;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections (SQLite keeps an exclusive lock until then). */
  close(): Promise<void>;
}

/** Opens a schema engine connected to the database at url, with the given schema file. */
export async function openSchemaEngine(
  url: string,
  schema: { path: string; content: string },
  log: (line: string) => void = () => {},
): Promise<OpenedSchemaEngine> {
  initWasm();
  const inner = await migrationAdapterFor(url);
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await inner.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}
