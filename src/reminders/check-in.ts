import { businessDayOnOrAfter } from '../calendar/business-days.js';
import { addDays, dayOfWeek, daysBetween, firstOfPreviousMonth } from '../calendar/days.js';
import { fiscalYearOfDay } from '../calendar/fiscal-year.js';
import type { Cadence } from '../config.js';

// Check-ins recur on a nominal day (weekly: every Monday; biweekly: every other Monday counted from
// the fiscal year's first Monday; monthly: the 1st) and are held on that day or, when it is closed,
// the next business day. Anchoring biweekly weeks to each fiscal year's first Monday makes the
// rhythm deterministic and restarts it every April.

/** Longest run of closed days a nominal check-in can be pushed across (年末年始 plus a weekend). */
const MAX_SHIFT_DAYS = 14;

/** The first Monday on or after April 1 of a fiscal year. */
export function fiscalYearFirstMonday(fiscalYear: number): string {
  const april1 = `${fiscalYear}-04-01`;
  return addDays(april1, (8 - dayOfWeek(april1)) % 7);
}

/** True when the cadence names day as a check-in (before moving off closed days). */
export function isNominalCheckIn(day: string, cadence: Cadence): boolean {
  switch (cadence) {
    case 'weekly':
      return dayOfWeek(day) === 1;
    case 'biweekly': {
      if (dayOfWeek(day) !== 1) return false;
      const offset = daysBetween(fiscalYearFirstMonday(fiscalYearOfDay(day)), day);
      return offset >= 0 && offset % 14 === 0;
    }
    case 'monthly':
      return day.endsWith('-01');
    case 'off':
      return false;
  }
}

/** The nominal check-in before a nominal check-in. */
export function previousNominalCheckIn(nominal: string, cadence: Cadence): string {
  switch (cadence) {
    case 'weekly':
      return addDays(nominal, -7);
    case 'monthly':
      return firstOfPreviousMonth(nominal);
    case 'biweekly': {
      const fy = fiscalYearOfDay(nominal);
      if (nominal !== fiscalYearFirstMonday(fy)) return addDays(nominal, -14);
      const previousAnchor = fiscalYearFirstMonday(fy - 1);
      const lastDay = `${fy}-03-31`;
      return addDays(previousAnchor, Math.floor(daysBetween(previousAnchor, lastDay) / 14) * 14);
    }
    case 'off':
      return nominal;
  }
}

export interface CheckInSlot {
  /** The business day the check-in is held. */
  day: string;
  /** The nominal days held on it (several when a long closure pushes one onto the next). */
  nominalDays: string[];
  /**
   * Start of the cadence period: the day the previous check-in was held. A target is due for
   * this check-in when it has no update reported at or after 00:00 of this day.
   */
  periodStart: string;
}

/** The check-in held on day for a cadence, or null when day holds none. */
export function checkInOn(day: string, cadence: Cadence): CheckInSlot | null {
  if (cadence === 'off') return null;
  const nominalDays: string[] = [];
  for (let k = MAX_SHIFT_DAYS; k >= 0; k--) {
    const nominal = addDays(day, -k);
    if (isNominalCheckIn(nominal, cadence) && businessDayOnOrAfter(nominal) === day) nominalDays.push(nominal);
  }
  const earliest = nominalDays[0];
  if (!earliest) return null;
  return { day, nominalDays, periodStart: businessDayOnOrAfter(previousNominalCheckIn(earliest, cadence)) };
}
