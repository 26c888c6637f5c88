import type { Subcommand } from './io.js';

// Every subcommand's module is loaded only when it runs: `tracker help` and `tracker <name> --help`
// read this table and the message catalogue, nothing else.

/** Every subcommand by name. */
export const subcommands: Record<string, Subcommand> = {
  start: {
    summary: 'cli.summary.start',
    usage: ['tracker start'],
    options: [],
    run: async (args, io, wiring) => (await import('./subcommands/start.js')).runStart(args, io, wiring),
  },
  migrate: {
    summary: 'cli.summary.migrate',
    usage: ['tracker migrate'],
    options: [],
    run: async (args, io) => (await import('./subcommands/migrate.js')).runMigrate(args, io),
  },
  'db new-migration': {
    summary: 'cli.summary.new_migration',
    usage: ['tracker db new-migration NAME [--pg-url URL]'],
    options: [['--pg-url URL', 'cli.option.pg_url']],
    run: async (args, io) => (await import('./subcommands/new-migration.js')).runNewMigration(args, io),
  },
  import: {
    summary: 'cli.summary.import',
    usage: ['tracker import FILE.yaml|FILE.csv|FILE.xlsx [--dry-run] [--actor SLACK_USER_ID]'],
    options: [
      ['--dry-run', 'cli.option.dry_run'],
      ['--actor SLACK_USER_ID', 'cli.option.actor'],
    ],
    details: 'cli.details.import',
    run: async (args, io) => (await import('./subcommands/import.js')).runImport(args, io),
  },
  export: {
    summary: 'cli.summary.export',
    usage: [
      'tracker export [--fy 2026] [--format csv|xlsx] [--encoding utf8|sjis] [--out FILE]',
      'tracker export --template xlsx [--from FILE.yaml|FILE.csv|FILE.xlsx] [--out FILE]',
    ],
    options: [
      ['--fy 2026', 'cli.option.fy'],
      ['--format csv|xlsx', 'cli.option.format'],
      ['--encoding utf8|sjis', 'cli.option.encoding'],
      ['--out FILE', 'cli.option.out'],
      ['--template xlsx', 'cli.option.template'],
      ['--from FILE', 'cli.option.from'],
    ],
    details: 'cli.details.export',
    run: async (args, io) => (await import('./subcommands/export.js')).runExport(args, io),
  },
  'digest preview': {
    summary: 'cli.summary.digest_preview',
    usage: ['tracker digest preview [--at ISO-8601] [--chart FILE] [--department CODE|all]'],
    options: [
      ['--at ISO-8601', 'cli.option.at_preview'],
      ['--chart FILE', 'cli.option.chart'],
      ['--department CODE|all', 'cli.option.department'],
    ],
    run: async (args, io) => (await import('./subcommands/digest-preview.js')).runDigestPreview(args, io),
  },
  'jobs run': {
    summary: 'cli.summary.jobs_run',
    usage: ['tracker jobs run <reminders|weekly-digest|department-digest> [--at ISO-8601]'],
    options: [['--at ISO-8601', 'cli.option.at_run']],
    details: 'cli.details.jobs_run',
    run: async (args, io, wiring) => (await import('./subcommands/jobs-run.js')).runJobsRun(args, io, wiring),
  },
  'reminders preview': {
    summary: 'cli.summary.reminders_preview',
    usage: ['tracker reminders preview [--at ISO-8601] [--missed]'],
    options: [
      ['--at ISO-8601', 'cli.option.at_preview'],
      ['--missed', 'cli.option.missed'],
    ],
    run: async (args, io) => (await import('./subcommands/reminders-preview.js')).runRemindersPreview(args, io),
  },
  backup: {
    summary: 'cli.summary.backup',
    usage: ['tracker backup FILE [--force]'],
    options: [['--force', 'cli.option.force']],
    run: async (args, io) => (await import('./subcommands/backup.js')).runBackup(args, io),
  },
  restore: {
    summary: 'cli.summary.restore',
    usage: ['tracker restore FILE'],
    options: [],
    run: async (args, io) => (await import('./subcommands/backup.js')).runRestore(args, io),
  },
};
