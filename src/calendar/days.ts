import { addDays as addDaysTo, differenceInCalendarDays, getDay, startOfMonth, subMonths } from 'date-fns';
import { UTCDate } from './utc-date.js';

// Calendar days travel as 'YYYY-MM-DD' strings and are stored as 00:00:00Z of that day. Their
// arithmetic runs on UTC dates through date-fns, so neither the host's TZ nor daylight saving can
// move a day; the organisation's zone comes in only where an instant meets a day (time-zone.ts).

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The day as a UTC date, or null when it is not a real calendar day 'YYYY-MM-DD'. */
function utcDay(day: string): UTCDate | null {
  if (!DAY_PATTERN.test(day)) return null;
  const date = new UTCDate(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || dayOf(date) !== day ? null : date;
}

function parseDay(day: string): UTCDate {
  const date = utcDay(day);
  if (!date) throw new RangeError(`not a calendar date: ${day}`);
  return date;
}

/** 'YYYY-MM-DD' of a date's UTC day: the date part of its ISO 8601 form. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True when text is a real calendar day 'YYYY-MM-DD' (not 2026-02-30, not 2026-4-1). */
export function isCalendarDay(text: string): boolean {
  return utcDay(text) !== null;
}

/** A calendar date 'YYYY-MM-DD' as stored: 00:00:00Z of that day. */
export function dateFromCalendar(day: string): Date {
  return new Date(parseDay(day).getTime());
}

/** The stored calendar date back as 'YYYY-MM-DD'. */
export function calendarFromDate(date: Date): string {
  return dayOf(date);
}

/** The day n days after day (n may be negative). */
export function addDays(day: string, n: number): string {
  return dayOf(addDaysTo(parseDay(day), n));
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: string): number {
  return getDay(parseDay(day));
}

/** Whole calendar days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(parseDay(b), parseDay(a));
}

/** The first day of the month before day's month, as 'YYYY-MM-01'. */
export function firstOfPreviousMonth(day: string): string {
  return dayOf(startOfMonth(subMonths(parseDay(day), 1)));
}
