import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fiscalYearAt } from '../../calendar/fiscal-year.js';
import { fiscalYearLabel } from '../../calendar/format.js';
import { calendarDayIn } from '../../calendar/time-zone.js';
import type { OfflineConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { CSV_ENCODINGS, isCsvEncoding } from '../../export/csv.js';
import {
  exportEvaluationSheet,
  isSheetFormat,
  type ResolveNames,
  SHEET_FORMATS,
} from '../../export/export-evaluation-sheet.js';
import { type MessageKey, t } from '../../i18n/messages.js';
import type { AppLogger } from '../../logger.js';
import { findReviewFiscalYear } from '../../services/review/find-review-fiscal-year.js';
import type { SubcommandIo } from '../io.js';
import { openMigratedDatabase } from '../open-migrated-database.js';

/** Refuses the arguments: what is wrong, and where the command's help is. */
function refuse(io: SubcommandIo, key: MessageKey, params: Record<string, string> = {}): number {
  io.err(`tracker export: ${t(io.locale, key, params)}\n${t(io.locale, 'cli.help.see', { name: 'export' })}`);
  return 2;
}

/** Where the import workbook goes without --out. */
export const TEMPLATE_FILE_NAME = 'import-template.xlsx';

/**
 * `tracker export`: writes the evaluation sheet of a fiscal year (default: the year under review,
 * else the current one) as CSV or XLSX (default) to FILE (default hyouka-sheet-FY2026.xlsx), in the
 * command line's language (--lang). With SLACK_BOT_TOKEN set, owners are shown by their Slack
 * display names; without it, by their ids.
 */
export async function runExport(args: string[], io: SubcommandIo, now: Date = new Date()): Promise<number> {
  const { locale } = io;
  const { values } = parseArgs({
    args,
    options: {
      fy: { type: 'string' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
      encoding: { type: 'string', default: 'utf8' },
      template: { type: 'string' },
      from: { type: 'string' },
    },
  });
  if (values.template !== undefined) return writeTemplate(values, io);
  if (values.from !== undefined) return refuse(io, 'cli.export.from_without_template');
  const format = values.format.toLowerCase();
  if (!isSheetFormat(format)) return refuse(io, 'cli.export.bad_format', { formats: SHEET_FORMATS.join(', ') });
  const encoding = values.encoding
    .toLowerCase()
    .replace(/^(utf-8|shift_jis|shift-jis|cp932)$/, (e) => (e === 'utf-8' ? 'utf8' : 'sjis'));
  if (!isCsvEncoding(encoding)) {
    return refuse(io, 'cli.export.bad_encoding', { encodings: CSV_ENCODINGS.join(', ') });
  }
  if (encoding !== 'utf8' && format !== 'csv') return refuse(io, 'cli.export.encoding_csv_only');
  let fiscalYear: number | null = null;
  if (values.fy !== undefined) {
    const fy = values.fy.trim().replace(/^FY/i, '');
    if (!/^\d{4}$/.test(fy)) return refuse(io, 'cli.export.bad_fy', { value: JSON.stringify(values.fy) });
    fiscalYear = Number(fy);
  }
  const { config, database, logger } = await openMigratedDatabase(io);
  try {
    if (fiscalYear === null) {
      const review = await findReviewFiscalYear(database.db, { today: calendarDayIn(now, config.timeZone) });
      fiscalYear = review && review.period.phase !== 'before' ? review.year : fiscalYearAt(now, config.timeZone);
    }
    const file = await exportEvaluationSheet(database.db, {
      fiscalYear,
      format,
      timeZone: config.timeZone,
      now,
      locale,
      encoding,
      resolveNames: await slackNames(config, logger, database.db),
    });
    const out = resolve(values.out ?? file.fileName);
    await writeFile(out, file.data);
    const what =
      format === 'csv' ? `CSV${t(locale, 'cli.list_separator')}${encoding === 'sjis' ? 'Shift_JIS' : 'UTF-8'}` : 'XLSX';
    io.out(
      t(locale, 'cli.export.written', { fy: fiscalYearLabel(fiscalYear, locale), rows: file.rows, what, path: out }),
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'fiscal_year_unknown') {
      io.err(`tracker export: ${t(locale, 'cli.export.fiscal_year_unknown', { fy: String(fiscalYear) })}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

/**
 * `tracker export --template xlsx`: the import workbook (headers and drop-down lists), empty or,
 * with --from, filled with the organisation of an import file, which it then imports unchanged.
 */
async function writeTemplate(
  values: { template?: string; from?: string; out?: string },
  io: SubcommandIo,
): Promise<number> {
  const { locale } = io;
  if (values.template?.toLowerCase() !== 'xlsx') return refuse(io, 'cli.export.bad_template');
  let rows: string[][] = [];
  if (values.from !== undefined) {
    const [{ readOrganizationFile }, { organizationToRecords }, { formatProblem }] = await Promise.all([
      import('../../import/read-organization-file.js'),
      import('../../import/organization-to-csv.js'),
      import('../../import/organization.js'),
    ]);
    const read = await readOrganizationFile(values.from, locale);
    if (!read.ok) {
      for (const problem of read.problems) io.err(formatProblem(problem));
      io.err(`tracker export: ${t(locale, 'cli.export.template_problems', { file: values.from })}`);
      return 1;
    }
    rows = organizationToRecords(read.organization).slice(1);
  }
  const { importWorkbookXlsx } = await import('../../import/import-workbook.js');
  const out = resolve(values.out ?? TEMPLATE_FILE_NAME);
  await writeFile(out, await importWorkbookXlsx(rows));
  io.out(
    values.from === undefined
      ? t(locale, 'cli.export.template_written', { path: out })
      : t(locale, 'cli.export.template_filled', { rows: rows.length, file: values.from, path: out }),
  );
  return 0;
}

/**
 * Owners' display names when the bot token is set: from the database's name cache, refreshed with
 * users.info (retried once) when a day old; an owner whose lookup fails keeps the last known name,
 * else the id. The Slack client is loaded only then.
 */
async function slackNames(config: OfflineConfig, logger: AppLogger, db: Db): Promise<ResolveNames | undefined> {
  const token = config.slack.botToken;
  if (!token) return undefined;
  const [{ WebClient }, { getDisplayNames }] = await Promise.all([
    import('@slack/web-api'),
    import('../../services/people/get-display-names.js'),
  ]);
  const client = new WebClient(token, {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    logger,
    retryConfig: { retries: 1 },
    timeout: 10_000,
  });
  return (ids) => getDisplayNames({ db, client, logger, now: () => new Date() }, ids);
}
