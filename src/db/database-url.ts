import { isAbsolute, resolve } from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

export interface ParsedDatabaseUrl {
  provider: Provider;
  /** For SQLite, the absolute file path (or ':memory:'); for PostgreSQL the connection string. */
  target: string;
}

/** Tells the provider from a DATABASE_URL: postgres(ql):// is PostgreSQL, file: (or a bare path) SQLite. */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): ParsedDatabaseUrl {
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: 'postgresql', target: url };
  const path = url.replace(/^file:(\/\/)?/i, '').replace(/\?.*$/, '');
  if (path === ':memory:') return { provider: 'sqlite', target: path };
  return { provider: 'sqlite', target: isAbsolute(path) ? path : resolve(cwd, path) };
}
