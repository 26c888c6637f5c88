import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { cleanText } from '../domain/clean-text.js';
import type { EvaluationRow } from '../services/review/list-evaluation-rows.js';
import { type CellValue, formatDayCell, type SheetContext, sheetCells, sheetHeaders } from './columns.js';

/** UTF-8 with a byte-order mark (the default), or Shift_JIS as older Japanese Excel expects. */
export const CSV_ENCODINGS = ['utf8', 'sjis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export function isCsvEncoding(value: unknown): value is CsvEncoding {
  return typeof value === 'string' && (CSV_ENCODINGS as readonly string[]).includes(value);
}

/**
 * Text that Excel would run as a formula (=, +, -, @, or a leading tab/CR, the OWASP list) gets a
 * leading apostrophe: comments are typed by anyone in Slack, and the sheet is opened at
 * headquarters. Numbers are left alone, so negative values stay numbers. Days are written as
 * Japanese Excel shows them (2026/9/30), which it reads back as dates. Text is cleaned first
 * (cleanText: no control or bidirectional formatting characters).
 */
export function guardFormula(value: CellValue): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (value instanceof Date) return formatDayCell(value);
  const text = cleanText(value, { multiline: true });
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The evaluation sheet as CSV that Japanese Excel opens correctly, with CRLF line ends: UTF-8 with
 * a byte-order mark (without it Excel reads Shift_JIS and garbles the text), or Shift_JIS (CP932,
 * Windows' variant) for tools that read nothing else; a character CP932 lacks becomes "?" there.
 */
export function evaluationSheetCsv(
  rows: readonly EvaluationRow[],
  context: SheetContext,
  encoding: CsvEncoding = 'utf8',
): Buffer {
  const records = [sheetHeaders(context.locale), ...rows.map((r) => sheetCells(r, context).map(guardFormula))];
  if (encoding === 'sjis') return iconv.encode(stringify(records, { record_delimiter: 'windows' }), 'cp932');
  return Buffer.from(stringify(records, { bom: true, record_delimiter: 'windows' }), 'utf8');
}
