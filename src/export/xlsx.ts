import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { fiscalYearLabel, formatDay } from '../calendar/format.js';
import { cleanText } from '../domain/clean-text.js';
import { t } from '../i18n/messages.js';
import type { EvaluationRow } from '../services/review/list-evaluation-rows.js';
import { SHEET_COLUMNS, type SheetContext, sheetHeaders } from './columns.js';

/** What the title row names: the organisation, the fiscal year and the day the sheet was made. */
export interface SheetTitle {
  organization: string | null;
  fiscalYear: number;
  /** Calendar day 'YYYY-MM-DD' in the organisation's time zone. */
  asOf: string;
}

/** Row 1 is the title, row 2 the header; the targets follow. */
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;

/** How Japanese Excel shows a date (yyyy/m/d). */
export const DATE_FORMAT = 'yyyy/m/d';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Points per printed line of 11 pt text, and the padding of a row. */
const LINE_HEIGHT = 14;
const ROW_PADDING = 4;

/**
 * The lines a wrapped cell takes in a column `width` characters wide: full-width (Japanese)
 * characters count two, as in Excel's column widths. Excel and LibreOffice do not grow rows to
 * fit wrapped text written by a program, so the writer sets each row's height from this.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(stringWidth(line) / usable)), 0);
}

/** The title row's text: 板橋区 令和8年度 行政評価 評価シート. */
export function sheetTitleText(title: SheetTitle, locale: SheetContext['locale']): string {
  const main = t(locale, 'export.title', { fy: fiscalYearLabel(title.fiscalYear, locale) });
  return title.organization ? `${title.organization}　${main}` : main;
}

/**
 * The evaluation sheet as an .xlsx workbook, ready to print: a title row, a bordered table with an
 * autofilter on its header, the header frozen and repeated on every printed page, A4 landscape
 * scaled to the page width (as many pages down as needed), page numbers in the footer. Numbers
 * and dates are real number and date cells; text is stored as text, so nothing typed in Slack
 * runs as a formula.
 */
export async function evaluationSheetXlsx(
  rows: readonly EvaluationRow[],
  context: SheetContext,
  title: SheetTitle,
): Promise<Buffer> {
  const { locale } = context;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tracker';
  const lastColumn = SHEET_COLUMNS.length;
  const sheet = workbook.addWorksheet(t(locale, 'export.sheet_name'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&P / &N' },
  });
  sheet.columns = SHEET_COLUMNS.map((c) => ({ width: c.width }));

  const asOf = t(locale, 'export.as_of', { day: formatDay(title.asOf, locale, 0) });
  const asOfColumn = Math.max(1, lastColumn - 2);
  const titleRow = sheet.getRow(TITLE_ROW);
  titleRow.height = 24;
  titleRow.getCell(1).value = cleanText(sheetTitleText(title, locale));
  titleRow.getCell(1).font = { bold: true, size: 14 };
  titleRow.getCell(1).alignment = { vertical: 'middle' };
  titleRow.getCell(asOfColumn).value = asOf;
  titleRow.getCell(asOfColumn).alignment = { horizontal: 'right', vertical: 'middle' };
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, asOfColumn - 1);
  sheet.mergeCells(TITLE_ROW, asOfColumn, TITLE_ROW, lastColumn);

  const header = sheet.getRow(HEADER_ROW);
  const headers = sheetHeaders(locale);
  header.height =
    Math.max(...headers.map((text, i) => wrappedLines(text, SHEET_COLUMNS[i]?.width ?? 10))) * LINE_HEIGHT +
    ROW_PADDING;
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = THIN;
  });

  rows.forEach((row, r) => {
    const line = sheet.getRow(HEADER_ROW + 1 + r);
    let lines = 1;
    SHEET_COLUMNS.forEach((column, i) => {
      const cell = line.getCell(i + 1);
      const raw = column.value(row, context);
      // Cleaned as everything shown is (cleanText: no control or bidirectional formatting characters).
      const value = typeof raw === 'string' ? cleanText(raw, { multiline: true }) : raw;
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: column.kind === 'long' || column.kind === 'text' };
      if (value === null || value === '') return;
      if (typeof value === 'string') lines = Math.max(lines, wrappedLines(value, column.width));
      if (value instanceof Date) {
        cell.value = value;
        cell.numFmt = DATE_FORMAT;
      } else if (typeof value === 'number') {
        cell.value = Number.isFinite(value) ? value : null;
        if (column.kind === 'percent') cell.numFmt = '0.0';
      } else {
        cell.value = value;
      }
    });
    line.height = lines * LINE_HEIGHT + ROW_PADDING;
  });

  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(rows.length, 1), column: lastColumn },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
