import { parseArgs } from 'node:util';
import { loadOfflineConfig } from '../../config.js';
import { backupSqlite } from '../../db/backup-sqlite.js';
import { restoreSqlite } from '../../db/restore-sqlite.js';
import { t } from '../../i18n/messages.js';
import type { SubcommandIo } from '../io.js';

/** The one FILE argument (and --force for backup), or null after saying what is wrong. */
function parse(args: string[], io: SubcommandIo, name: 'backup' | 'restore'): { file: string; force: boolean } | null {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: name === 'backup' ? { force: { type: 'boolean' } } : {},
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.err(`tracker ${name}: ${t(io.locale, 'cli.backup.one_file')}\n${t(io.locale, 'cli.help.see', { name })}`);
    return null;
  }
  return { file, force: (values as { force?: boolean }).force === true };
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `tracker backup FILE`: an online, consistent copy of the SQLite database (the bot may keep running). */
export async function runBackup(args: string[], io: SubcommandIo): Promise<number> {
  const parsed = parse(args, io, 'backup');
  if (!parsed) return 2;
  const config = loadOfflineConfig(io.env);
  const result = await backupSqlite(config.databaseUrl, parsed.file, { overwrite: parsed.force });
  io.out(
    t(io.locale, 'cli.backup.written', {
      path: result.path,
      size: size(result.bytes),
      seconds: (result.ms / 1000).toFixed(1),
      targets: result.rows.targets,
      updates: result.rows.progressUpdates,
      migration: result.migrations.at(-1) ?? '-',
    }),
  );
  return 0;
}

/** `tracker restore FILE`: puts a backup in place of the SQLite database (the bot must be stopped). */
export async function runRestore(args: string[], io: SubcommandIo): Promise<number> {
  const { locale } = io;
  const parsed = parse(args, io, 'restore');
  if (!parsed) return 2;
  const config = loadOfflineConfig(io.env);
  const result = restoreSqlite(config.databaseUrl, parsed.file);
  io.out(
    t(locale, 'cli.restore.done', {
      path: result.path,
      file: parsed.file,
      targets: result.rows.targets,
      updates: result.rows.progressUpdates,
    }),
  );
  if (result.previous) io.out(t(locale, 'cli.restore.previous', { path: result.previous }));
  if (result.pending.length > 0) io.out(t(locale, 'cli.restore.pending', { list: result.pending.join(', ') }));
  io.out(t(locale, 'cli.restore.start_again'));
  return 0;
}
