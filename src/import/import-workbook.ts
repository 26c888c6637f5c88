import ExcelJS from 'exceljs';
import { CATEGORIES, INDICATOR_KINDS } from '../domain/status.js';
import { CSV_COLUMNS, type CsvColumnName } from './csv-columns.js';
import { CADENCES } from './organization.js';

/** Rows of the sheet that carry the drop-down lists (beyond the rows already filled). */
export const TEMPLATE_ROWS = 1000;

/** The import sheet's name. */
export const IMPORT_SHEET_NAME = '重点目標';

/** Columns written as numbers, so Excel neither flags them as text nor changes them. */
const NUMBER_COLUMNS = new Set<CsvColumnName>(['fiscal_year', 'indicator_baseline', 'indicator_target']);

/** Drop-down lists: the allowed values, and whether other values are refused or only warned about. */
const LISTS: Partial<Record<CsvColumnName, { values: readonly string[]; strict: boolean }>> = {
  // Other categories are allowed (they sort after the three), so Excel only asks for confirmation.
  category: { values: CATEGORIES, strict: false },
  indicator_kind: { values: INDICATOR_KINDS, strict: true },
  cadence: { values: CADENCES, strict: true },
  department_cadence: { values: CADENCES, strict: true },
};

const WIDTHS: Partial<Record<CsvColumnName, number>> = {
  review: 40,
  department_name: 16,
  department_name_en: 24,
  department_managers: 16,
  department_members: 28,
  title: 40,
  description: 40,
  milestones: 50,
};

/**
 * The import workbook: one sheet with the import columns (Japanese headers, which the import reads
 * as it reads the English ones), the header frozen and filterable, drop-down lists for the
 * category, the indicator kind and the cadences, and the given rows (none for an empty template).
 * Its first sheet imports as the CSV with the same cells does.
 */
export async function importWorkbookXlsx(rows: readonly string[][] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tracker';
  const sheet = workbook.addWorksheet(IMPORT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CSV_COLUMNS.map((c) => ({
    header: c.ja,
    key: c.name,
    width: WIDTHS[c.name] ?? Math.max(12, c.ja.length * 2 + 2),
    style: NUMBER_COLUMNS.has(c.name) ? {} : { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  CSV_COLUMNS.forEach((c, i) => {
    if ('required' in c && c.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  for (const row of rows) {
    sheet.addRow(
      CSV_COLUMNS.map((c, i) => {
        const text = row[i] ?? '';
        if (text === '') return null;
        const number = Number(text);
        return NUMBER_COLUMNS.has(c.name) && Number.isFinite(number) && String(number) === text ? number : text;
      }),
    );
  }
  const last = Math.max(TEMPLATE_ROWS, rows.length + 1);
  CSV_COLUMNS.forEach((c, i) => {
    const list = LISTS[c.name];
    if (!list) return;
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: list.strict ? 'stop' : 'warning',
      errorTitle: c.ja,
      error: list.values.join(' / '),
    };
    // One validation per cell; the writer joins equal neighbours into one range.
    for (let r = 2; r <= last; r++) sheet.getCell(r, i + 1).dataValidation = validation;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
