import { stringify } from 'csv-stringify/sync';
import { cleanText } from '../domain/clean-text.js';
import type { Locale } from '../i18n/messages.js';
import type { EvaluationRow } from '../services/review/list-evaluation-rows.js';
import { type CellValue, sheetCells, sheetHeaders } from './columns.js';

/**
 * Text that Excel would run as a formula (=, +, -, @, or a leading tab/CR, the OWASP list) gets a
 * leading apostrophe: comments are typed by anyone in Slack, and the sheet is opened at
 * headquarters. Numbers are left alone, so negative values stay numbers. Text is cleaned first
 * (cleanText: no control or bidirectional formatting characters).
 */
export function guardFormula(value: CellValue): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  const text = cleanText(value, { multiline: true });
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The evaluation sheet as CSV that Japanese Excel opens correctly: UTF-8 with a byte-order mark
 * (without it Excel reads Shift_JIS and garbles the text) and CRLF line ends.
 */
export function evaluationSheetCsv(rows: readonly EvaluationRow[], locale: Locale = 'ja'): Buffer {
  const records = [sheetHeaders(locale), ...rows.map((r) => sheetCells(r, locale).map(guardFormula))];
  return Buffer.from(stringify(records, { bom: true, record_delimiter: 'windows' }), 'utf8');
}
