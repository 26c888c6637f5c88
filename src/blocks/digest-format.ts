import { fiscalYearLabel, formatDay } from '../calendar/format.js';
import type { ChangeKind, DigestData, DigestDepartment, DigestStatus, StatusCounts } from '../digest/types.js';
import { DIGEST_STATUSES } from '../digest/types.js';
import { escapeMrkdwn, truncate } from '../domain/mrkdwn.js';
import { STATUS_EMOJI } from '../domain/status.js';
import { type Locale, type MessageKey, t } from '../i18n/messages.js';

/** Target titles are user text of any length; lists show them cut to this many characters. */
export const TITLE_MAX = 60;

export const DIGEST_EMOJI: Record<DigestStatus, string> = { ...STATUS_EMOJI, not_reported: '⚪' };

export const CHANGE_ORDER: readonly ChangeKind[] = ['off_track', 'at_risk', 'done', 'recovered'];

export function statusLabel(locale: Locale, status: DigestStatus): string {
  return t(locale, status === 'not_reported' ? 'digest.status.not_reported' : `status.${status}`);
}

export function changeLabel(locale: Locale, kind: ChangeKind): string {
  const keys: Record<ChangeKind, MessageKey> = {
    off_track: 'digest.change.off_track',
    at_risk: 'digest.change.at_risk',
    done: 'digest.change.done',
    recovered: 'digest.change.recovered',
  };
  return t(locale, keys[kind]);
}

/** The department's name in the reader's language, escaped for mrkdwn. */
export function departmentName(locale: Locale, department: Pick<DigestDepartment, 'name' | 'nameEn'>): string {
  return escapeMrkdwn(locale === 'en' && department.nameEn ? department.nameEn : department.name);
}

/** A target title, cut and escaped for a list line. */
export function targetTitle(title: string): string {
  return escapeMrkdwn(truncate(title.replace(/\s+/g, ' ').trim(), TITLE_MAX));
}

/** A target code as inline code; codes come from the import file, so they are escaped too. */
export function targetCode(code: string): string {
  return `\`${escapeMrkdwn(code.replace(/`/g, "'"))}\``;
}

export function percentText(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)}%`;
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0';
}

/** 🟢 10 · 🟡 2 · 🔴 1 · ✅ 0 · ⚪ 1 */
export function compactCounts(counts: StatusCounts): string {
  return DIGEST_STATUSES.map((s) => `${DIGEST_EMOJI[s]} ${counts[s]}`).join(' · ');
}

export function dayText(locale: Locale, day: string, data: Pick<DigestData, 'today'>): string {
  return formatDay(day, locale, Number(data.today.slice(0, 4)));
}

export function fyText(locale: Locale, year: number): string {
  return fiscalYearLabel(year, locale);
}

/** Short notification text from the counts (the blocks carry the content). */
export function countParams(counts: StatusCounts): Record<string, number> {
  return { ...counts };
}
