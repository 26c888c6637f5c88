import { format } from 'date-fns';
import type { Locale } from '../i18n/messages.js';
import { dateFromCalendar } from './days.js';
import { UTCDate } from './utc-date.js';

/** 令和8年度 in Japanese (令和元年度 for 2019), FY2026 in English. */
export function fiscalYearLabel(year: number, locale: Locale): string {
  if (locale === 'en') return `FY${year}`;
  if (year >= 2019) {
    const reiwa = year - 2018;
    return `令和${reiwa === 1 ? '元' : reiwa}年度`;
  }
  return `${year}年度`;
}

/**
 * Days already formatted: a Home tab or a digest formats the same few hundred days again and again,
 * and date-fns' format costs several microseconds a call. The texts never change, so the map is only
 * emptied when it reaches its bound.
 */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 5000;

/** A short date for messages: 9月30日 / Sep 30 (with the year when it differs from refYear). */
export function formatDay(day: string, locale: Locale, refYear?: number): string {
  const showYear = refYear !== undefined && Number(day.slice(0, 4)) !== refYear;
  const key = `${day}|${locale}|${showYear ? 'y' : ''}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const pattern = locale === 'ja' ? (showYear ? 'yyyy年M月d日' : 'M月d日') : showYear ? 'MMM d, yyyy' : 'MMM d';
  const text = format(new UTCDate(dateFromCalendar(day)), pattern);
  if (formatted.size >= FORMATTED_MAX) formatted.clear();
  formatted.set(key, text);
  return text;
}
