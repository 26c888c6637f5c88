import type { Subcommand } from './io.js';

// Every subcommand's module is loaded only when it runs, so `tracker help` loads none of them.

/** Every subcommand by name. */
export const subcommands: Record<string, Subcommand> = {
  start: {
    summary: 'Apply migrations and run the bot (Socket Mode or HTTP)',
    run: async (args, io, wiring) => (await import('./subcommands/start.js')).startSubcommand.run(args, io, wiring),
  },
  migrate: {
    summary: 'Apply pending database migrations and exit',
    run: async (args, io, wiring) => (await import('./subcommands/migrate.js')).migrateSubcommand.run(args, io, wiring),
  },
  'db new-migration': {
    summary: 'Write the next migration for SQLite and PostgreSQL from prisma/models.prisma',
    run: async (args, io, wiring) =>
      (await import('./subcommands/new-migration.js')).newMigrationSubcommand.run(args, io, wiring),
  },
  import: {
    summary: 'Import the organisation from FILE.yaml|FILE.csv|FILE.xlsx [--dry-run] [--actor U…]',
    run: async (args, io, wiring) => (await import('./subcommands/import.js')).importSubcommand.run(args, io, wiring),
  },
  export: {
    summary:
      'Write the evaluation sheet (評価シート): --fy 2026 --format csv|xlsx [--encoding utf8|sjis] [--out FILE]; ' +
      'or the import workbook: --template xlsx [--from FILE]',
    run: async (args, io) => (await import('./subcommands/export.js')).runExport(args, io),
  },
  'digest preview': {
    summary: 'Print the weekly digest as text and write its chart PNG: [--at ISO] [--chart FILE] [--locale ja|en]',
    run: async (args, io) => (await import('./subcommands/digest-preview.js')).runDigestPreview(args, io),
  },
  'jobs run': {
    summary: 'Run one tick of a job as if it were --at (default now): jobs run <job-id> [--at ISO-8601]',
    run: async (args, io, wiring) => (await import('./subcommands/jobs-run.js')).runJobsRun(args, io, wiring),
  },
  'reminders preview': {
    summary: 'Print who would be reminded (and escalated) of what at --at; sends nothing: [--at ISO-8601]',
    run: async (args, io) => (await import('./subcommands/reminders-preview.js')).runRemindersPreview(args, io),
  },
  backup: {
    summary: 'Write a consistent copy of the SQLite database to FILE while the bot runs [--force]',
    run: async (args, io, wiring) => (await import('./subcommands/backup.js')).backupSubcommand.run(args, io, wiring),
  },
  restore: {
    summary: 'Replace the SQLite database with a backup FILE (stop the bot first)',
    run: async (args, io, wiring) => (await import('./subcommands/backup.js')).restoreSubcommand.run(args, io, wiring),
  },
};
