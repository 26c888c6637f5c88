import { parseArgs } from 'node:util';
import { fiscalYearLabel } from '../../calendar/format.js';
import { describeReorganization } from '../../import/describe-reorganization.js';
import { formatProblem } from '../../import/organization.js';
import type { DepartmentPlan } from '../../import/plan-import.js';
import { readOrganizationFile } from '../../import/read-organization-file.js';
import { type ImportResult, importOrganization } from '../../services/organization/import-organization.js';
import type { CliIo, Subcommand } from '../io.js';
import { openMigratedDatabase } from '../open-migrated-database.js';
import { resolveImportEmails } from '../resolve-import-emails.js';

const USAGE = 'Usage: tracker import FILE.yaml|FILE.csv|FILE.xlsx [--dry-run] [--actor SLACK_USER_ID]';

const ENCODING_NAMES = { 'utf-8-bom': 'UTF-8 with BOM', 'utf-8': 'UTF-8', cp932: 'Shift_JIS (CP932)' } as const;

/** `tracker import FILE [--dry-run]`: loads a fiscal year's organisation from YAML, CSV or XLSX (first sheet). */
export const importSubcommand: Subcommand = {
  summary: 'Import departments, targets and milestones from YAML, CSV or XLSX (--dry-run shows the changes only)',
  async run(args, io) {
    let values: { 'dry-run'?: boolean; actor?: string };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { 'dry-run': { type: 'boolean' }, actor: { type: 'string' } },
      }));
    } catch (error) {
      io.err(`tracker import: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      io.err(USAGE);
      return 2;
    }
    const dryRun = values['dry-run'] === true;
    const started = performance.now();

    const read = await readOrganizationFile(file);
    if (read.format && read.bytes !== undefined) {
      const encoding = read.encoding ? `, ${ENCODING_NAMES[read.encoding]}` : '';
      io.out(`Reading ${file} (${read.format.toUpperCase()}${encoding}, ${formatBytes(read.bytes)})`);
    }
    for (const warning of read.warnings) io.out(`warning: ${formatProblem(warning)}`);
    if (!read.ok) {
      for (const problem of read.problems) io.err(formatProblem(problem));
      const n = read.problems.length;
      io.err(
        `${n} problem${n === 1 ? '' : 's'} found in ${file}; nothing was written. / ${n}件の問題があるため、何も書き込んでいません。`,
      );
      return 1;
    }
    const org = read.organization;
    const targets = org.departments.reduce((n, d) => n + d.targets.length, 0);
    const milestones = org.departments.reduce((n, d) => n + d.targets.reduce((m, t) => m + t.milestones.length, 0), 0);
    io.out(
      `Valid: ${fiscalYearLabel(org.fiscalYear, 'en')} (${fiscalYearLabel(org.fiscalYear, 'ja')}), ` +
        `${org.departments.length} departments, ${targets} targets, ${milestones} milestones`,
    );

    let opened: Awaited<ReturnType<typeof openMigratedDatabase>>;
    try {
      opened = await openMigratedDatabase(io);
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      io.err(
        'tracker import: the SQLite database is in use by another process (is the bot running?); applying migrations ' +
          'needs it to itself. Stop the bot, import, then start it again. Nothing was written. / ' +
          'データベースが他のプロセス（ボット）で使用中のため取り込めませんでした。ボットを停止してから再実行してください。',
      );
      return 1;
    }
    const { database, config, logger } = opened;
    try {
      const people = await resolveImportEmails({ db: database.db, io, config, logger, file }, org, read.emails);
      if (!people.ok) return 1;
      io.out(
        dryRun ? `Dry run against ${database.provider}: nothing will be written.` : `Writing to ${database.provider}…`,
      );
      const result = await importOrganization(database.db, people.organization, {
        people: people.found,
        now: new Date(),
        actorId: values.actor ?? 'cli',
        dryRun,
        source: file,
        onProgress: (p) =>
          io.out(
            `[${p.index}/${p.total}] ${p.name} (${p.code}): ${p.targets} targets, ${p.milestones} milestones — ${describeDepartment(p.department, dryRun)}`,
          ),
      });
      printSummary(io, result, (performance.now() - started) / 1000);
    } finally {
      await database.close();
    }
    return 0;
  },
};

function describeDepartment(d: DepartmentPlan, dryRun: boolean): string {
  const parts: string[] = [];
  if (d.action === 'create') parts.push('new department');
  if (d.action === 'update') parts.push('department updated');
  const count = (n: number, what: string) => {
    if (n > 0) parts.push(`${n} ${what}`);
  };
  count(d.targets.filter((t) => t.action === 'create').length, 'targets created');
  count(d.targets.filter((t) => t.action === 'update').length, 'targets updated');
  const milestones = (pick: (t: DepartmentPlan['targets'][number]) => number) =>
    d.targets.reduce((n, t) => n + pick(t), 0);
  count(
    milestones((t) => t.milestones.create.length),
    'milestones created',
  );
  count(
    milestones((t) => t.milestones.update.length),
    'milestones updated',
  );
  count(
    milestones((t) => t.milestones.delete.length),
    'milestones deleted',
  );
  count(d.people.add.length, 'people added');
  count(d.people.remove.length, 'people removed');
  if (parts.length === 0) return 'unchanged';
  return dryRun ? `would change: ${parts.join(', ')}` : parts.join(', ');
}

function printSummary(io: CliIo, r: ImportResult, seconds: number): void {
  const rows = (c: { created: number; updated: number; unchanged: number; deleted: number }, deletable = true) =>
    `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${deletable ? `, ${c.deleted} deleted` : ''}`;
  io.out(`${r.dryRun ? 'Would change (dry run)' : 'Summary'} / ${r.dryRun ? '変更予定' : '結果'}:`);
  io.out(`  fiscal year ${r.fiscalYearNumber}: ${r.fiscalYear === 'none' ? 'unchanged' : `${r.fiscalYear}d`}`);
  io.out(`  departments: ${rows(r.departments, false)}`);
  io.out(`  targets: ${rows(r.targets, false)}`);
  io.out(`  milestones: ${rows(r.milestones)}, ${r.milestones.kept} kept (completed, not in file)`);
  io.out(`  people: ${r.people.added} added, ${r.people.removed} removed, ${r.people.unchanged} unchanged`);
  io.out(`  review windows: ${rows(r.reviewWindows)}`);
  io.out(`  settings: ${rows(r.settings)}`);
  for (const line of describeReorganization(r.plan.reorganization, { locale: 'ja', dryRun: r.dryRun })) io.out(line);
  io.out(`  warnings: ${r.warnings.length}`);
  for (const w of r.warnings) io.out(`warning: ${w}`);
  if (r.dryRun) io.out('Dry run: nothing was written. / ドライラン: 何も書き込んでいません。');
  else if (!r.changed) io.out(`Nothing to change: the database already matches the file (${seconds.toFixed(1)} s).`);
  else io.out(`Import complete in ${seconds.toFixed(1)} s. / 取り込みが完了しました。`);
}

/** The schema engine reports SQLite's busy lock as an unknown "SocketTimeout" variant. */
function isSqliteBusy(error: unknown): boolean {
  return /SocketTimeout|database is locked|SQLITE_BUSY/i.test((error as Error)?.message ?? '');
}

function formatBytes(bytes: number): string {
  return bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
