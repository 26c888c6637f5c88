import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fiscalYearAt } from '../../calendar/fiscal-year.js';
import { calendarDayIn } from '../../calendar/time-zone.js';
import { AppError } from '../../errors.js';
import { exportEvaluationSheet, isSheetFormat, SHEET_FORMATS } from '../../export/export-evaluation-sheet.js';
import { findReviewFiscalYear } from '../../services/review/find-review-fiscal-year.js';
import type { CliIo } from '../io.js';
import { openMigratedDatabase } from '../open-migrated-database.js';

export const EXPORT_USAGE = 'Usage: tracker export [--fy 2026] [--format csv|xlsx] [--out FILE] [--lang ja|en]';

/**
 * `tracker export`: writes the evaluation sheet of a fiscal year (default: the year under review,
 * else the current one) as CSV or XLSX (default) to FILE (default hyouka-sheet-FY2026.xlsx).
 */
export async function runExport(args: string[], io: CliIo, now: Date = new Date()): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      fy: { type: 'string' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'ja' },
    },
  });
  const format = values.format.toLowerCase();
  if (!isSheetFormat(format)) {
    io.err(`--format must be one of ${SHEET_FORMATS.join(', ')}\n${EXPORT_USAGE}`);
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
  const { config, database } = await openMigratedDatabase(io);
  try {
    if (fiscalYear === null) {
      const review = await findReviewFiscalYear(database.db, { today: calendarDayIn(now, config.timeZone) });
      fiscalYear = review && review.period.phase !== 'before' ? review.year : fiscalYearAt(now, config.timeZone);
    }
    const file = await exportEvaluationSheet(database.db, {
      fiscalYear,
      format,
      timeZone: config.timeZone,
      locale: values.lang,
    });
    const out = resolve(values.out ?? file.fileName);
    await writeFile(out, file.data);
    io.out(`Wrote the FY${fiscalYear} evaluation sheet (${file.rows} targets, ${format}) to ${out}`);
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
