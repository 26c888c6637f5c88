import type { Db } from '../db/client.js';
import type { Locale } from '../i18n/messages.js';
import { listEvaluationRows } from '../services/review/list-evaluation-rows.js';
import { evaluationSheetCsv } from './csv.js';
import { evaluationSheetXlsx } from './xlsx.js';

export const SHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export function isSheetFormat(value: unknown): value is SheetFormat {
  return typeof value === 'string' && (SHEET_FORMATS as readonly string[]).includes(value);
}

/** hyouka-sheet-FY2026.xlsx: ASCII, so it survives every mail client and file share. */
export function sheetFileName(fiscalYear: number, format: SheetFormat): string {
  return `hyouka-sheet-FY${fiscalYear}.${format}`;
}

export interface EvaluationSheetFile {
  data: Buffer;
  fileName: string;
  format: SheetFormat;
  rows: number;
}

/** Builds a fiscal year's evaluation sheet (評価シート) file, CSV or XLSX. */
export async function exportEvaluationSheet(
  db: Db,
  input: { fiscalYear: number; format: SheetFormat; timeZone: string; locale?: Locale },
): Promise<EvaluationSheetFile> {
  const rows = await listEvaluationRows(db, { fiscalYear: input.fiscalYear, timeZone: input.timeZone });
  const locale = input.locale ?? 'ja';
  const data = input.format === 'csv' ? evaluationSheetCsv(rows, locale) : await evaluationSheetXlsx(rows, locale);
  return { data, fileName: sheetFileName(input.fiscalYear, input.format), format: input.format, rows: rows.length };
}
