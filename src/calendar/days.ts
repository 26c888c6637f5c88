import { TZDate } from '@date-fns/tz';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

function parts(day: string): [number, number, number] {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new RangeError(`not a calendar day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// Calendar days are handled as 'YYYY-MM-DD' strings and computed in UTC, so the host's TZ and
// daylight saving can never shift a day: only instantAt() meets a real time zone.

/** The day n days after day (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return fromUtcMs(Date.UTC(y, m - 1, d) + n * MS_PER_DAY);
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: string): number {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / MS_PER_DAY);
}

/** The instant of a wall-clock time ('HH:MM') on a calendar day in a time zone. */
export function instantAt(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = parts(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!t) throw new RangeError(`not a time of day: ${time}`);
  return new Date(new TZDate(y, m - 1, d, Number(t[1]), Number(t[2]), 0, 0, timeZone).getTime());
}

/** The first day of the month of day, as 'YYYY-MM-01'. */
export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the previous month. */
export function firstOfPreviousMonth(day: string): string {
  const [y, m] = parts(day);
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}
