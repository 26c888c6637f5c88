import { dateFromCalendar } from '../calendar/days.js';
import { hasMessage, type Locale, type MessageKey, t } from '../i18n/messages.js';
import type { EvaluationRow } from '../services/review/list-evaluation-rows.js';

/** A cell: text, a number, a calendar day (a Date at 00:00 UTC of that day) or empty. */
export type CellValue = string | number | Date | null;

/** What the cells need besides the row: the language and the owners' display names. */
export interface SheetContext {
  locale: Locale;
  /** Slack user id → display name; an owner missing here is shown by id. */
  ownerNames?: ReadonlyMap<string, string>;
}

/**
 * One column of the evaluation sheet: its header, its width in Excel characters (chosen so that
 * the whole row fits an A4 landscape page at a readable scale) and its value.
 */
export interface SheetColumn {
  header: MessageKey;
  width: number;
  kind: 'text' | 'number' | 'percent' | 'long' | 'date';
  value(row: EvaluationRow, context: SheetContext): CellValue;
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

function ownerName(ownerId: string | null, names: ReadonlyMap<string, string> | undefined): string | null {
  if (!ownerId) return null;
  return names?.get(ownerId) ?? ownerId;
}

/** The evaluation sheet's columns, in order. */
export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { header: 'export.header.department', width: 14, kind: 'text', value: (r) => r.department },
  { header: 'export.header.category', width: 10, kind: 'text', value: (r, c) => categoryName(r.category, c.locale) },
  { header: 'export.header.code', width: 7, kind: 'text', value: (r) => r.code },
  { header: 'export.header.title', width: 30, kind: 'long', value: (r) => r.title },
  { header: 'export.header.owner', width: 12, kind: 'text', value: (r, c) => ownerName(r.ownerId, c.ownerNames) },
  {
    header: 'export.header.indicator',
    width: 8,
    kind: 'text',
    value: (r, c) => indicatorName(r.indicatorKind, c.locale),
  },
  { header: 'export.header.unit', width: 6, kind: 'text', value: (r) => r.unit },
  { header: 'export.header.baseline', width: 8, kind: 'number', value: (r) => r.baseline },
  { header: 'export.header.target', width: 8, kind: 'number', value: (r) => r.target },
  { header: 'export.header.actual', width: 8, kind: 'number', value: (r) => r.actual },
  { header: 'export.header.achievement', width: 8, kind: 'percent', value: (r) => r.achievementPercent },
  {
    header: 'export.header.progress_status',
    width: 8,
    kind: 'text',
    value: (r, c) => t(c.locale, r.progressStatus ? `status.${r.progressStatus}` : 'digest.status.not_reported'),
  },
  { header: 'export.header.latest_comment', width: 30, kind: 'long', value: (r) => r.latestComment },
  { header: 'export.header.last_update', width: 11, kind: 'date', value: (r) => dayCell(r.lastUpdate) },
  { header: 'export.header.suggested', width: 7, kind: 'text', value: (r) => r.suggestedGrade },
  { header: 'export.header.self_grade', width: 7, kind: 'text', value: (r) => r.selfGrade },
  { header: 'export.header.hq_grade', width: 8, kind: 'text', value: (r) => r.hqGrade },
  { header: 'export.header.self_comment', width: 30, kind: 'long', value: (r) => r.selfComment },
  { header: 'export.header.hq_comment', width: 30, kind: 'long', value: (r) => r.hqComment },
  { header: 'export.header.return_comment', width: 20, kind: 'long', value: (r) => r.returnComment },
  {
    header: 'export.header.state',
    width: 12,
    kind: 'text',
    value: (r, c) => t(c.locale, `review.state.${r.reviewState}`),
  },
];

/** A calendar day 'YYYY-MM-DD' as the Date cell that stands for it (00:00 UTC of that day). */
function dayCell(day: string | null): Date | null {
  return day ? dateFromCalendar(day) : null;
}

/** The header row in a language. */
export function sheetHeaders(locale: Locale): string[] {
  return SHEET_COLUMNS.map((c) => t(locale, c.header));
}

/** A row's cells, in column order (null for empty). */
export function sheetCells(row: EvaluationRow, context: SheetContext): CellValue[] {
  return SHEET_COLUMNS.map((c) => c.value(row, context));
}

/** A calendar-day cell as Japanese Excel shows a date: 2026/9/30. */
export function formatDayCell(value: Date): string {
  return `${value.getUTCFullYear()}/${value.getUTCMonth() + 1}/${value.getUTCDate()}`;
}
