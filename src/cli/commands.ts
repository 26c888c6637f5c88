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
  import: {
    summary: 'Import the organisation from FILE.yaml|FILE.csv [--dry-run] [--actor U…]',
    run: async (args, io) => (await import('./import-command.js')).importCommand.run(args, io),
  },
  export: {
    summary: 'Write the evaluation sheet (評価シート): --fy 2026 --format csv|xlsx [--out FILE]',
    run: async (args, io) => (await import('../export/export-command.js')).runExportCommand(args, io),
  },
  'digest preview': {
    summary: 'Print the weekly digest as text and write its chart PNG: [--at ISO] [--chart FILE] [--locale ja|en]',
    run: async (args, io) => (await import('../digest/preview-command.js')).runDigestPreview(args, io),
  },
  // --- reminders ---
  'jobs run': {
    summary: 'Run one tick of a job as if it were --at (default now): jobs run <job-id> [--at ISO-8601]',
    run: async (args, io) => (await import('./jobs-command.js')).runJobsRun(args, io),
  },
  'reminders preview': {
    summary: 'Print who would be reminded (and escalated) of what at --at; sends nothing: [--at ISO-8601]',
    run: async (args, io) => (await import('./reminders-preview.js')).runRemindersPreview(args, io),
  },
  // --- reliability: SQLite backup and restore ---
  backup: {
    summary: 'Write a consistent copy of the SQLite database to FILE while the bot runs [--force]',
    run: async (args, io) => (await import('./backup-command.js')).backupCommand.run(args, io),
  },
  restore: {
    summary: 'Replace the SQLite database with a backup FILE (stop the bot first)',
    run: async (args, io) => (await import('./backup-command.js')).restoreCommand.run(args, io),
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
