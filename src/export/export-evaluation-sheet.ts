import { calendarDayIn } from '../calendar/time-zone.js';
import type { Db } from '../db/client.js';
import type { Locale } from '../i18n/messages.js';
import { getOrganizationName } from '../services/organization/get-organization-name.js';
import { listEvaluationRows } from '../services/review/list-evaluation-rows.js';
import { type CsvEncoding, evaluationSheetCsv } from './csv.js';

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

/** Display names for Slack user ids; ids it leaves out are shown as they are. */
export type ResolveNames = (userIds: string[]) => Promise<ReadonlyMap<string, string>>;

/**
 * Builds a fiscal year's evaluation sheet (評価シート) file, CSV or XLSX, as of `now`. The XLSX
 * writer is loaded only when a workbook is asked for.
 */
export async function exportEvaluationSheet(
  db: Db,
  input: {
    fiscalYear: number;
    format: SheetFormat;
    timeZone: string;
    now: Date;
    locale?: Locale;
    /** CSV only: utf8 (with BOM, the default) or sjis. */
    encoding?: CsvEncoding;
    resolveNames?: ResolveNames;
  },
): Promise<EvaluationSheetFile> {
  const rows = await listEvaluationRows(db, { fiscalYear: input.fiscalYear, timeZone: input.timeZone });
  const owners = [...new Set(rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])))];
  const ownerNames = input.resolveNames && owners.length > 0 ? await input.resolveNames(owners) : new Map();
  const context = { locale: input.locale ?? 'ja', ownerNames };
  let data: Buffer;
  if (input.format === 'csv') {
    data = evaluationSheetCsv(rows, context, input.encoding);
  } else {
    const { evaluationSheetXlsx } = await import('./xlsx.js');
    data = await evaluationSheetXlsx(rows, context, {
      organization: await getOrganizationName(db),
      fiscalYear: input.fiscalYear,
      asOf: calendarDayIn(input.now, input.timeZone),
    });
  }
  return { data, fileName: sheetFileName(input.fiscalYear, input.format), format: input.format, rows: rows.length };
}
