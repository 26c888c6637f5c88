import type { CellValue, Workbook } from 'exceljs';
import { type Locale, t } from '../i18n/messages.js';
import type { ParsedOrganization } from './organization.js';
import { parseOrganizationRecords, type SheetRecord } from './parse-csv.js';

/** More rows than any organisation has: a sheet beyond this is refused rather than read. */
export const MAX_SHEET_ROWS = 20_000;
/** More columns than the import has, with room for notes; columns beyond are not read. */
export const MAX_SHEET_COLUMNS = 100;

/**
 * Parses and validates an organisation workbook (.xlsx): the first sheet is read as the CSV is,
 * the same columns (English or Japanese headers) and the same row-and-column problems, with the
 * rows numbered as Excel shows them, in the given language. The XLSX reader is loaded only here.
 */
export async function parseOrganizationXlsx(bytes: Uint8Array, locale: Locale = 'en'): Promise<ParsedOrganization> {
  const refuse = (message: string): ParsedOrganization => ({
    ok: false,
    problems: [{ location: '', message }],
    warnings: [],
  });
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like Buffer of its own; a copied ArrayBuffer is one.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    return refuse(t(locale, 'import.xlsx.unreadable', { message: (error as Error).message }));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return refuse(t(locale, 'import.xlsx.no_sheet'));
  if (sheet.rowCount > MAX_SHEET_ROWS) {
    return refuse(t(locale, 'import.xlsx.too_many_rows', { rows: sheet.rowCount, max: MAX_SHEET_ROWS }));
  }
  const width = Math.min(sheet.columnCount, MAX_SHEET_COLUMNS);
  const records: SheetRecord[] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
    // Like empty lines in a CSV file, empty rows (above the header too) are skipped.
    if (cells.some((cell) => cell.trim() !== '')) records.push({ cells, number, line: number });
  }
  return parseOrganizationRecords(records, locale);
}

/**
 * A cell as the text the CSV import would see: numbers as written by JavaScript (2026, 0.5), a
 * date cell as its calendar day (2026-09-30), a formula as its cached result, rich text and links
 * as their text, an error as Excel shows it (#N/A).
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? '' : cellText(value.result as CellValue);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  return '';
}
