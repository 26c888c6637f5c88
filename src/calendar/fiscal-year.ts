import { calendarDayIn } from './time-zone.js';

// 年度, the Japanese fiscal year: April 1 to March 31, named by the year it starts in.

/** 年度 of a calendar day 'YYYY-MM-DD'. */
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
