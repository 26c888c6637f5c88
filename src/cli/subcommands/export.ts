import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fiscalYearAt } from '../../calendar/fiscal-year.js';
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
import type { AppLogger } from '../../logger.js';
import { findReviewFiscalYear } from '../../services/review/find-review-fiscal-year.js';
import type { CliIo } from '../io.js';
import { openMigratedDatabase } from '../open-migrated-database.js';

export const EXPORT_USAGE =
  'Usage: tracker export [--fy 2026] [--format csv|xlsx] [--encoding utf8|sjis] [--out FILE] [--lang ja|en]\n' +
  '       tracker export --template xlsx [--from FILE.yaml|FILE.csv|FILE.xlsx] [--out FILE]';

/** Where the import workbook goes without --out. */
export const TEMPLATE_FILE_NAME = 'import-template.xlsx';

/**
 * `tracker export`: writes the evaluation sheet of a fiscal year (default: the year under review,
 * else the current one) as CSV or XLSX (default) to FILE (default hyouka-sheet-FY2026.xlsx). With
 * SLACK_BOT_TOKEN set, owners are shown by their Slack display names; without it, by their ids.
 */
export async function runExport(args: string[], io: CliIo, now: Date = new Date()): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      fy: { type: 'string' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'ja' },
      encoding: { type: 'string', default: 'utf8' },
      template: { type: 'string' },
      from: { type: 'string' },
    },
  });
  if (values.template !== undefined) return writeTemplate(values, io);
  if (values.from !== undefined) {
    io.err(`--from goes with --template xlsx\n${EXPORT_USAGE}`);
    return 2;
  }
  const format = values.format.toLowerCase();
  if (!isSheetFormat(format)) {
    io.err(`--format must be one of ${SHEET_FORMATS.join(', ')}\n${EXPORT_USAGE}`);
    return 2;
  }
  const encoding = values.encoding
    .toLowerCase()
    .replace(/^(utf-8|shift_jis|shift-jis|cp932)$/, (e) => (e === 'utf-8' ? 'utf8' : 'sjis'));
  if (!isCsvEncoding(encoding)) {
    io.err(`--encoding must be one of ${CSV_ENCODINGS.join(', ')}\n${EXPORT_USAGE}`);
    return 2;
  }
  if (encoding !== 'utf8' && format !== 'csv') {
    io.err(`--encoding applies to --format csv only\n${EXPORT_USAGE}`);
    return 2;
  }
  if (values.lang !== 'ja' && values.lang !== 'en') {
    io.err(`--lang must be ja or en\n${EXPORT_USAGE}`);
    return 2;
  }
  let fiscalYear: number | null = null;
  if (values.fy !== undefined) {
    const fy = values.fy.trim().replace(/^FY/i, '');
    if (!/^\d{4}$/.test(fy)) {
      io.err(`--fy must be a year such as 2026\n${EXPORT_USAGE}`);
      return 2;
    }
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
      locale: values.lang,
      encoding,
      resolveNames: await slackNames(config, logger, database.db),
    });
    const out = resolve(values.out ?? file.fileName);
    await writeFile(out, file.data);
    const what = format === 'csv' ? `csv, ${encoding === 'sjis' ? 'Shift_JIS' : 'UTF-8'}` : format;
    io.out(`Wrote the FY${fiscalYear} evaluation sheet (${file.rows} targets, ${what}) to ${out}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'fiscal_year_unknown') {
      io.err(`tracker export: fiscal year ${fiscalYear} is not loaded (import it first).`);
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
async function writeTemplate(values: { template?: string; from?: string; out?: string }, io: CliIo): Promise<number> {
  if (values.template?.toLowerCase() !== 'xlsx') {
    io.err(`--template must be xlsx\n${EXPORT_USAGE}`);
    return 2;
  }
  let rows: string[][] = [];
  if (values.from !== undefined) {
    const [{ readOrganizationFile }, { organizationToRecords }, { formatProblem }] = await Promise.all([
      import('../../import/read-organization-file.js'),
      import('../../import/organization-to-csv.js'),
      import('../../import/organization.js'),
    ]);
    const read = await readOrganizationFile(values.from);
    if (!read.ok) {
      for (const problem of read.problems) io.err(formatProblem(problem));
      io.err(`tracker export: ${values.from} has problems; no workbook was written.`);
      return 1;
    }
    rows = organizationToRecords(read.organization).slice(1);
  }
  const { importWorkbookXlsx } = await import('../../import/import-workbook.js');
  const out = resolve(values.out ?? TEMPLATE_FILE_NAME);
  await writeFile(out, await importWorkbookXlsx(rows));
  io.out(
    values.from === undefined
      ? `Wrote the import workbook (headers and drop-down lists) to ${out}`
      : `Wrote the import workbook with ${rows.length} rows from ${values.from} to ${out}`,
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
