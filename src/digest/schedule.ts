import { milliseconds } from 'date-fns';
import { businessDayOnOrAfter } from '../calendar/business-days.js';
import { addDays, dayOfWeek, daysBetween } from '../calendar/days.js';
import { calendarDayIn, instantAt } from '../calendar/time-zone.js';

/** When a weekly digest goes out: a weekday (0 = Sunday … 6 = Saturday) and a wall-clock time. */
export interface DigestSchedule {
  weekday: number;
  /** 'HH:MM' in the organisation's time zone. */
  time: string;
}

/** A digest is still sent if the bot was down at its time, up to this long after (then it is skipped). */
export const DIGEST_WINDOW_MS = milliseconds({ hours: 24 });

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Config syntax for a digest schedule: `mon 09:00`, or `off`. */
export const DIGEST_SCHEDULE_PATTERN = /^\s*(off|(sun|mon|tue|wed|thu|fri|sat)\s+([01]\d|2[0-3]):[0-5]\d)\s*$/i;

/** Parses `mon 09:00` (null for `off`); throws on anything else, which config validation prevents. */
export function parseDigestSchedule(text: string): DigestSchedule | null {
  const m = DIGEST_SCHEDULE_PATTERN.exec(text);
  if (!m) throw new RangeError(`not a digest schedule (e.g. "mon 09:00" or "off"): ${text}`);
  const [weekday, time] = (m[1] as string).trim().toLowerCase().split(/\s+/);
  if (weekday === 'off') return null;
  return { weekday: WEEKDAYS.indexOf(weekday as string), time: time as string };
}

/** "mon 09:00" back from a schedule (for logs and the job's description). */
export function formatDigestSchedule(schedule: DigestSchedule): string {
  return `${WEEKDAYS[schedule.weekday]} ${schedule.time}`;
}

export interface DueDigest {
  /** The business day the digest is for: its delivery key. */
  day: string;
  /** When it was due. */
  dueAt: Date;
}

/**
 * The digest due at `now`, if any. Each week's digest is held on the scheduled weekday or, when
 * that is a holiday or in 年末年始, on the next business day; a week whose next business day falls
 * in the following week has none (the following week's digest covers it). It is due from its time
 * for 24 hours, so a tick that was missed (bot restarting) still sends it, once.
 */
export function dueDigest(
  now: Date,
  timeZone: string,
  schedule: DigestSchedule,
  businessDayFrom: (day: string) => string = businessDayOnOrAfter,
): DueDigest | null {
  const today = calendarDayIn(now, timeZone);
  const latestAnchor = addDays(today, -((dayOfWeek(today) - schedule.weekday + 7) % 7));
  for (const anchor of [latestAnchor, addDays(latestAnchor, -7)]) {
    const day = businessDayFrom(anchor);
    if (daysBetween(anchor, day) >= 7) continue;
    const dueAt = instantAt(day, schedule.time, timeZone);
    if (dueAt.getTime() <= now.getTime() && now.getTime() < dueAt.getTime() + DIGEST_WINDOW_MS) return { day, dueAt };
  }
  return null;
}
