import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, dayOfWeek } from './days.js';

// Japan's public-sector calendar: weekends, national holidays (祝日, including 振替休日 and
// 国民の休日, from @holiday-jp/holiday_jp) and the year-end closure 12/29–1/3 (年末年始) are closed.
// Days are 'YYYY-MM-DD' strings so the host's time zone never moves a holiday.

const holidays: Readonly<Record<string, unknown>> = holidayJp.holidays;

/** 年末年始: December 29 to January 3, when city offices are closed. */
export function isYearEndClosure(day: string): boolean {
  const md = day.slice(5);
  return md >= '12-29' || md <= '01-03';
}

/** A national holiday, including substitute holidays (振替休日) and 国民の休日. */
export function isNationalHoliday(day: string): boolean {
  return Object.hasOwn(holidays, day);
}

/** The holiday's Japanese name, or null (for messages and logs). */
export function holidayName(day: string): string | null {
  const entry = holidays[day] as { name?: string } | undefined;
  return entry?.name ?? null;
}

/** True on a weekday that is neither a national holiday nor in 年末年始. */
export function isBusinessDay(day: string): boolean {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6 && !isNationalHoliday(day) && !isYearEndClosure(day);
}

/** The latest business day strictly before day. */
export function previousBusinessDay(day: string): string {
  let d = addDays(day, -1);
  while (!isBusinessDay(d)) d = addDays(d, -1);
  return d;
}

/** The earliest business day strictly after day. */
export function nextBusinessDay(day: string): string {
  let d = addDays(day, 1);
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** day itself when it is a business day, otherwise the previous business day. */
export function businessDayOnOrBefore(day: string): string {
  return isBusinessDay(day) ? day : previousBusinessDay(day);
}

/** day itself when it is a business day, otherwise the next business day. */
export function businessDayOnOrAfter(day: string): string {
  return isBusinessDay(day) ? day : nextBusinessDay(day);
}

/**
 * The day n business days after day (before it when n < 0); day itself when n = 0. The start day
 * need not be a business day: "2 business days after Saturday" is the following Tuesday.
 */
export function addBusinessDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of business days: ${n}`);
  let d = day;
  for (let i = 0; i < Math.abs(n); i++) d = n > 0 ? nextBusinessDay(d) : previousBusinessDay(d);
  return d;
}
