import { parseArgs } from 'node:util';
import { loadConfig, loadOfflineConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { applyMigrations } from '../db/migrations.js';
import { createLogger } from '../logger.js';
import { startBot } from './start-bot.js';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliCommand {
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Every CLI command by name; each module adds its own entry here. */
export const commands: Record<string, CliCommand> = {
  start: {
    summary: 'Apply migrations and run the bot (Socket Mode or HTTP)',
    run: (_args, io) => startBot(loadConfig(io.env), io),
  },
  migrate: {
    summary: 'Apply pending database migrations and exit',
    async run(_args, io) {
      const config = loadOfflineConfig(io.env);
      const applied = await applyMigrations(config.databaseUrl);
      io.out(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      return 0;
    },
  },
  'db new-migration': {
    summary: 'Write the next migration for SQLite and PostgreSQL from prisma/models.prisma',
    async run(args, io) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { 'pg-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' } },
      });
      const { createMigration } = await import('../db/create-migration.js');
      const created = await createMigration(positionals[0] ?? 'change', { postgresAdminUrl: values['pg-url'] });
      for (const c of created) io.out(`${c.provider}: ${c.name ?? 'no changes'}`);
      return 0;
    },
  },
};

/** Opens the configured database with migrations applied, for offline commands. */
export async function openMigratedDatabase(io: CliIo) {
  const config = loadOfflineConfig(io.env);
  await applyMigrations(config.databaseUrl);
  const database = await openDatabase(config.databaseUrl);
  const logger = createLogger({ level: config.logLevel });
  return { config, database, logger };
}
