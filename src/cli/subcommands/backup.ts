import { parseArgs } from 'node:util';
import { loadOfflineConfig } from '../../config.js';
import { backupSqlite } from '../../db/backup-sqlite.js';
import { restoreSqlite } from '../../db/restore-sqlite.js';
import type { CliIo, Subcommand } from '../io.js';

const BACKUP_USAGE = 'Usage: tracker backup FILE [--force]';
const RESTORE_USAGE = 'Usage: tracker restore FILE';

function parse(
  args: string[],
  io: CliIo,
  usage: string,
  options: { force?: boolean },
): { file: string; force: boolean } | null {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: options.force ? { force: { type: 'boolean' } } : {},
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      io.err(usage);
      return null;
    }
    return { file, force: (values as { force?: boolean }).force === true };
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return null;
  }
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `tracker backup FILE`: an online, consistent copy of the SQLite database (the bot may keep running). */
export const backupSubcommand: Subcommand = {
  summary: 'Write a consistent copy of the SQLite database to FILE while the bot runs [--force]',
  async run(args, io) {
    const parsed = parse(args, io, BACKUP_USAGE, { force: true });
    if (!parsed) return 2;
    const config = loadOfflineConfig(io.env);
    const result = await backupSqlite(config.databaseUrl, parsed.file, { overwrite: parsed.force });
    io.out(
      `Backup written to ${result.path} (${size(result.bytes)}, integrity ok, ${(result.ms / 1000).toFixed(1)} s): ` +
        `${result.rows.targets} targets, ${result.rows.progressUpdates} progress updates, ` +
        `migrations up to ${result.migrations.at(-1)}. / バックアップを作成しました。`,
    );
    return 0;
  },
};

/** `tracker restore FILE`: puts a backup in place of the SQLite database (the bot must be stopped). */
export const restoreSubcommand: Subcommand = {
  summary: 'Replace the SQLite database with a backup FILE (stop the bot first)',
  async run(args, io) {
    const parsed = parse(args, io, RESTORE_USAGE, {});
    if (!parsed) return 2;
    const config = loadOfflineConfig(io.env);
    const result = restoreSqlite(config.databaseUrl, parsed.file);
    io.out(
      `Restored ${result.path} from ${parsed.file}: ${result.rows.targets} targets, ` +
        `${result.rows.progressUpdates} progress updates. / 復元しました。`,
    );
    if (result.previous) io.out(`The replaced database was kept as ${result.previous}.`);
    if (result.pending.length > 0) {
      io.out(`Migrations applied at the next start: ${result.pending.join(', ')}.`);
    }
    io.out('Start the bot again: npx tracker start');
    return 0;
  },
};
