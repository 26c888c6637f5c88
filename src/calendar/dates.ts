import { TZDate } from '@date-fns/tz';
import type { Locale } from '../i18n/messages.js';

/** A calendar date 'YYYY-MM-DD' as stored: 00:00:00Z of that day. */
export function dateFromCalendar(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a calendar date: ${day}`);
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new RangeError(`not a calendar date: ${day}`);
  }
  return date;
}

/** The stored calendar date back as 'YYYY-MM-DD'. */
export function calendarFromDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar day of an instant in a time zone, as 'YYYY-MM-DD' (independent of the host's TZ). */
export function calendarDayIn(instant: Date, timeZone: string): string {
  const z = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
}

/** 年度 of a calendar day: April to March, named by the year it starts in. */
export function fiscalYearOfDay(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** 年度 of an instant in the organisation's time zone. */
export function fiscalYearAt(instant: Date, timeZone: string): number {
  return fiscalYearOfDay(calendarDayIn(instant, timeZone));
}

/** First and last calendar day of a fiscal year. */
export function fiscalYearRange(year: number): { start: string; end: string } {
  return { start: `${year}-04-01`, end: `${year + 1}-03-31` };
}

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
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const showYear = refYear !== undefined && y !== refYear;
  if (locale === 'ja') return `${showYear ? `${y}年` : ''}${m}月${d}日`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return `${month} ${d}${showYear ? `, ${y}` : ''}`;
}
