import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { cleanText } from '../domain/clean-text.js';
import { type Locale, t } from '../i18n/messages.js';
import type { EvaluationRow } from '../services/review/list-evaluation-rows.js';
import { SHEET_COLUMNS, sheetHeaders } from './columns.js';

/** The evaluation sheet as an .xlsx workbook: a bold, frozen header row and set column widths. */
export async function evaluationSheetXlsx(rows: readonly EvaluationRow[], locale: Locale = 'ja'): Promise<Buffer> {
  const header: Row = sheetHeaders(locale).map(
    (text): Cell => ({ value: text, type: String, fontWeight: 'bold', backgroundColor: '#DDEBF7', wrap: true }),
  );
  const body: Row[] = rows.map((row) =>
    SHEET_COLUMNS.map((column): Cell => {
      const value = column.value(row, locale);
      if (value === null || value === '') return null;
      if (typeof value === 'number')
        return { value, type: Number, format: column.header === 'export.header.achievement' ? '0.0' : undefined };
      // Cleaned as everything shown is (cleanText: no control or bidirectional formatting characters).
      return {
        value: cleanText(value, { multiline: true }),
        type: String,
        wrap: column.kind === 'long',
        alignVertical: 'top',
      };
    }),
  );
  return writeXlsxFile([header, ...body], {
    sheet: t(locale, 'export.sheet_name'),
    columns: SHEET_COLUMNS.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBuffer();
}
