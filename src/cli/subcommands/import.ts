import { parseArgs } from 'node:util';
import { fiscalYearLabel } from '../../calendar/format.js';
import { loadOfflineConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { type Locale, type MessageKey, t } from '../../i18n/messages.js';
import { describeReorganization } from '../../import/describe-reorganization.js';
import { formatProblem } from '../../import/organization.js';
import type { DepartmentPlan } from '../../import/plan-import.js';
import { readOrganizationFile } from '../../import/read-organization-file.js';
import { createLogger } from '../../logger.js';
import { type ImportResult, importOrganization } from '../../services/organization/import-organization.js';
import type { SubcommandIo } from '../io.js';
import { DryRunNeedsMigrationError, type DryRunSource, openDryRunDatabase } from '../open-dry-run-database.js';
import { openMigratedDatabase } from '../open-migrated-database.js';
import { resolveImportEmails } from '../resolve-import-emails.js';

const ENCODING_KEYS = {
  'utf-8-bom': 'cli.encoding.utf8_bom',
  'utf-8': 'cli.encoding.utf8',
  cp932: 'cli.encoding.cp932',
} as const;

const DRY_RUN_KEYS: Record<DryRunSource, MessageKey> = {
  copy: 'cli.import.dry_run.copy',
  empty: 'cli.import.dry_run.empty',
  database: 'cli.import.dry_run.database',
};

/**
 * `tracker import FILE [--dry-run]`: loads a fiscal year's organisation from YAML, CSV or XLSX (first
 * sheet). A dry run plans against a temporary copy (or the PostgreSQL database, read only), so it
 * writes nothing, not even a database file.
 */
export async function runImport(args: string[], io: SubcommandIo): Promise<number> {
  const { locale } = io;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, actor: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.err(`tracker import: ${t(locale, 'cli.import.one_file')}\n${t(locale, 'cli.help.see', { name: 'import' })}`);
    return 2;
  }
  const dryRun = values['dry-run'] === true;
  const started = performance.now();

  const read = await readOrganizationFile(file, locale);
  if (read.format && read.bytes !== undefined) {
    const encoding = read.encoding ? t(locale, ENCODING_KEYS[read.encoding]) : '';
    io.out(
      t(locale, 'cli.import.reading', {
        file,
        format: read.format.toUpperCase() + (encoding ? t(locale, 'cli.list_separator') + encoding : ''),
        size: formatBytes(read.bytes, locale),
      }),
    );
  }
  for (const warning of read.warnings) io.out(`${t(locale, 'cli.warning')}${formatProblem(warning)}`);
  if (!read.ok) {
    for (const problem of read.problems) io.err(formatProblem(problem));
    io.err(t(locale, 'cli.import.problems', { file, count: read.problems.length }));
    return 1;
  }
  const org = read.organization;
  const targets = org.departments.reduce((n, d) => n + d.targets.length, 0);
  const milestones = org.departments.reduce((n, d) => n + d.targets.reduce((m, t) => m + t.milestones.length, 0), 0);
  io.out(
    t(locale, 'cli.import.valid', {
      fyEn: fiscalYearLabel(org.fiscalYear, 'en'),
      fyJa: fiscalYearLabel(org.fiscalYear, 'ja'),
      departments: org.departments.length,
      targets,
      milestones,
    }),
  );

  let opened: { database: Database; close(): Promise<void> };
  try {
    if (dryRun) {
      const dry = await openDryRunDatabase(io);
      io.out(t(locale, DRY_RUN_KEYS[dry.source]));
      opened = dry;
    } else {
      const { database } = await openMigratedDatabase(io);
      io.out(t(locale, 'cli.import.writing', { provider: database.provider }));
      opened = { database, close: () => database.close() };
    }
  } catch (error) {
    if (error instanceof DryRunNeedsMigrationError) {
      io.err(`tracker import: ${t(locale, 'cli.import.dry_run.needs_migration')}`);
      return 1;
    }
    if (!isSqliteBusy(error)) throw error;
    io.err(`tracker import: ${t(locale, 'cli.import.busy')}`);
    return 1;
  }
  try {
    const config = loadOfflineConfig(io.env);
    const logger = createLogger({ level: config.logLevel });
    const db = opened.database.db;
    const people = await resolveImportEmails({ db, io, config, logger, file }, org, read.emails);
    if (!people.ok) return 1;
    const result = await importOrganization(db, people.organization, {
      people: people.found,
      now: new Date(),
      actorId: values.actor ?? 'cli',
      dryRun,
      source: file,
      locale,
      onProgress: (p) =>
        io.out(
          t(locale, 'cli.import.department', {
            index: p.index,
            total: p.total,
            name: p.name,
            code: p.code,
            targets: p.targets,
            milestones: p.milestones,
            what: describeDepartment(p.department, dryRun, locale),
          }),
        ),
    });
    printSummary(io, result, (performance.now() - started) / 1000);
  } finally {
    await opened.close();
  }
  return 0;
}

function describeDepartment(d: DepartmentPlan, dryRun: boolean, locale: Locale): string {
  const parts: string[] = [];
  if (d.action === 'create') parts.push(t(locale, 'cli.import.part.new_department'));
  if (d.action === 'update') parts.push(t(locale, 'cli.import.part.department_updated'));
  const count = (n: number, key: MessageKey) => {
    if (n > 0) parts.push(t(locale, key, { n }));
  };
  count(d.targets.filter((x) => x.action === 'create').length, 'cli.import.part.targets_created');
  count(d.targets.filter((x) => x.action === 'update').length, 'cli.import.part.targets_updated');
  const milestones = (pick: (x: DepartmentPlan['targets'][number]) => number) =>
    d.targets.reduce((n, x) => n + pick(x), 0);
  count(
    milestones((x) => x.milestones.create.length),
    'cli.import.part.milestones_created',
  );
  count(
    milestones((x) => x.milestones.update.length),
    'cli.import.part.milestones_updated',
  );
  count(
    milestones((x) => x.milestones.delete.length),
    'cli.import.part.milestones_deleted',
  );
  count(d.people.add.length, 'cli.import.part.people_added');
  count(d.people.remove.length, 'cli.import.part.people_removed');
  if (parts.length === 0) return t(locale, 'cli.import.part.unchanged');
  const list = parts.join(t(locale, 'cli.list_separator'));
  return dryRun ? t(locale, 'cli.import.part.would_change', { list }) : list;
}

function printSummary(io: SubcommandIo, r: ImportResult, seconds: number): void {
  const { locale } = io;
  const rows = (c: { created: number; updated: number; unchanged: number; deleted: number }, deletable = true) =>
    t(locale, deletable ? 'cli.import.rows_deletable' : 'cli.import.rows', c);
  const line = (key: MessageKey, params: Record<string, string | number>) => io.out(`  ${t(locale, key, params)}`);
  io.out(t(locale, r.dryRun ? 'cli.import.summary.dry_run' : 'cli.import.summary'));
  line('cli.import.summary.fiscal_year', {
    fy: r.fiscalYearNumber,
    state: t(locale, `cli.import.fiscal_year.${r.fiscalYear}`),
  });
  line('cli.import.summary.departments', { rows: rows(r.departments, false) });
  line('cli.import.summary.targets', { rows: rows(r.targets, false) });
  line('cli.import.summary.milestones', { rows: rows(r.milestones), kept: r.milestones.kept });
  line('cli.import.summary.people', r.people);
  line('cli.import.summary.review_windows', { rows: rows(r.reviewWindows) });
  line('cli.import.summary.settings', { rows: rows(r.settings) });
  for (const l of describeReorganization(r.plan.reorganization, { locale, dryRun: r.dryRun })) io.out(l);
  line('cli.import.summary.warnings', { count: r.warnings.length });
  for (const w of r.warnings) io.out(`${t(locale, 'cli.warning')}${w}`);
  const time = seconds.toFixed(1);
  if (r.dryRun) io.out(t(locale, 'cli.import.done.dry_run'));
  else if (!r.changed) io.out(t(locale, 'cli.import.done.unchanged', { seconds: time }));
  else io.out(t(locale, 'cli.import.done', { seconds: time }));
}

/** The schema engine reports SQLite's busy lock as an unknown "SocketTimeout" variant. */
function isSqliteBusy(error: unknown): boolean {
  return /SocketTimeout|database is locked|SQLITE_BUSY/i.test((error as Error)?.message ?? '');
}

function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return t(locale, 'cli.size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
