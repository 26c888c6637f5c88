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

/** A short date for messages: 9月30日 / Sep 30 (with the year when it differs from refYear). */
export function formatDay(day: string, locale: Locale, refYear?: number): string {
  const date = new UTCDate(dateFromCalendar(day));
  const showYear = refYear !== undefined && Number(day.slice(0, 4)) !== refYear;
  const pattern = locale === 'ja' ? (showYear ? 'yyyy年M月d日' : 'M月d日') : showYear ? 'MMM d, yyyy' : 'MMM d';
  return format(date, pattern);
}
