import { TZDate, tz } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import { dateFromCalendar } from './days.js';
import { UTCDate } from './utc-date.js';

// Where an instant meets a calendar day: always in the zone given (the organisation's,
// TRACKER_TIME_ZONE), never the host's TZ.

const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** The calendar day of an instant in a time zone, as 'YYYY-MM-DD'. */
export function calendarDayIn(instant: Date, timeZone: string): string {
  return formatISO(instant, { representation: 'date', in: tz(timeZone) });
}

/** The instant of a wall-clock time ('HH:MM') on a calendar day in a time zone. */
export function instantAt(day: string, time: string, timeZone: string): Date {
  const date = new UTCDate(dateFromCalendar(day));
  const t = TIME_PATTERN.exec(time);
  if (!t) throw new RangeError(`not a time of day: ${time}`);
  const local = new TZDate(date.getFullYear(), date.getMonth(), date.getDate(), Number(t[1]), Number(t[2]), timeZone);
  return new Date(local.getTime());
}
