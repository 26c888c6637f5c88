import { businessDayOnOrBefore } from '../calendar/business-days.js';
import { addDays } from '../calendar/days.js';
import type { ReminderConfig } from '../config.js';
import type { WindowRole } from '../review/window-role.js';

/** A review window (ReviewWindow row) with its days as 'YYYY-MM-DD'. */
export interface ReviewWindowDays {
  id: number;
  name: string;
  /** Who acts in the window, and so who its countdown reminders go to. */
  role: WindowRole;
  opensOn: string;
  closesOn: string;
  fiscalYear: number;
  fiscalYearId: number;
}

export interface CountdownSlot {
  windowId: number;
  /** 'countdown': N days before the window opens; 'last-day': on the window's last day. */
  kind: 'countdown' | 'last-day';
  /** The configured offset (30, 14…), null for the last day. */
  daysBefore: number | null;
  /** The day the rule names, before moving off a closed day. */
  nominalDay: string;
  /** The business day the reminder is sent on. */
  day: string;
}

type CountdownRules = Pick<ReminderConfig, 'countdownDays' | 'lastDayReminder'>;

/**
 * Every countdown reminder of a window. A reminder that would fall on a weekend, holiday or 年末年始
 * moves to the previous business day (earlier, never later, so it still comes before the window);
 * two that land on the same day become one, keeping the one closest to the window.
 */
export function countdownSlots(window: ReviewWindowDays, rules: CountdownRules): CountdownSlot[] {
  const candidates: CountdownSlot[] = rules.countdownDays.map((n) => {
    const nominalDay = addDays(window.opensOn, -n);
    return {
      windowId: window.id,
      kind: 'countdown',
      daysBefore: n,
      nominalDay,
      day: businessDayOnOrBefore(nominalDay),
    };
  });
  if (rules.lastDayReminder) {
    candidates.push({
      windowId: window.id,
      kind: 'last-day',
      daysBefore: null,
      nominalDay: window.closesOn,
      day: businessDayOnOrBefore(window.closesOn),
    });
  }
  const closeness = (s: CountdownSlot) => (s.kind === 'last-day' ? -1 : (s.daysBefore ?? 0));
  const byDay = new Map<string, CountdownSlot>();
  for (const slot of candidates) {
    const existing = byDay.get(slot.day);
    if (!existing || closeness(slot) < closeness(existing)) byDay.set(slot.day, slot);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/**
 * The first day of a window's countdown cycle: the day of its earliest countdown reminder (by
 * default 30 days before it opens, moved to a business day), or the opening day when no countdown
 * days are configured. A target "needs an update" for the window when it has no ProgressUpdate
 * reported at or after 00:00 of this day in the organisation's time zone.
 */
export function countdownCycleStart(window: ReviewWindowDays, rules: CountdownRules): string {
  const first = countdownSlots(window, { ...rules, lastDayReminder: false })[0];
  return first && first.day < window.opensOn ? first.day : window.opensOn;
}
