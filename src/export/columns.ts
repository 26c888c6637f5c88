import { hasMessage, type Locale, type MessageKey, t } from '../i18n/messages.js';
import type { EvaluationRow } from '../services/review/list-evaluation-rows.js';

export type CellValue = string | number | null;

/** One column of the evaluation sheet: its header, its width in Excel characters and its value. */
export interface SheetColumn {
  header: MessageKey;
  width: number;
  kind: 'text' | 'number' | 'long';
  value(row: EvaluationRow, locale: Locale): CellValue;
}

function indicatorName(kind: string | null, locale: Locale): string | null {
  if (!kind) return null;
  const key = `export.indicator.${kind}`;
  return hasMessage(key) ? t(locale, key) : kind;
}

function categoryName(category: string, locale: Locale): string {
  const key = `category.${category}`;
  return hasMessage(key) ? t(locale, key) : category;
}

/** The evaluation sheet's columns, in order. */
export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { header: 'export.header.department', width: 22, kind: 'text', value: (r) => r.department },
  { header: 'export.header.category', width: 14, kind: 'text', value: (r, l) => categoryName(r.category, l) },
  { header: 'export.header.code', width: 10, kind: 'text', value: (r) => r.code },
  { header: 'export.header.title', width: 50, kind: 'long', value: (r) => r.title },
  { header: 'export.header.indicator', width: 10, kind: 'text', value: (r, l) => indicatorName(r.indicatorKind, l) },
  { header: 'export.header.unit', width: 8, kind: 'text', value: (r) => r.unit },
  { header: 'export.header.baseline', width: 10, kind: 'number', value: (r) => r.baseline },
  { header: 'export.header.target', width: 10, kind: 'number', value: (r) => r.target },
  { header: 'export.header.actual', width: 10, kind: 'number', value: (r) => r.actual },
  { header: 'export.header.achievement', width: 12, kind: 'number', value: (r) => r.achievementPercent },
  { header: 'export.header.suggested', width: 10, kind: 'text', value: (r) => r.suggestedGrade },
  { header: 'export.header.self_grade', width: 10, kind: 'text', value: (r) => r.selfGrade },
  { header: 'export.header.hq_grade', width: 14, kind: 'text', value: (r) => r.hqGrade },
  { header: 'export.header.self_comment', width: 50, kind: 'long', value: (r) => r.selfComment },
  { header: 'export.header.hq_comment', width: 50, kind: 'long', value: (r) => r.hqComment },
  { header: 'export.header.return_comment', width: 30, kind: 'long', value: (r) => r.returnComment },
  { header: 'export.header.state', width: 22, kind: 'text', value: (r, l) => t(l, `review.state.${r.reviewState}`) },
  { header: 'export.header.last_update', width: 12, kind: 'text', value: (r) => r.lastUpdate },
];

/** The header row in a language. */
export function sheetHeaders(locale: Locale): string[] {
  return SHEET_COLUMNS.map((c) => t(locale, c.header));
}

/** A row's cells, in column order (null for empty). */
export function sheetCells(row: EvaluationRow, locale: Locale): CellValue[] {
  return SHEET_COLUMNS.map((c) => c.value(row, locale));
}
