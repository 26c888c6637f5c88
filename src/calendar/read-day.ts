import { isCalendarDay } from './days.js';

/**
 * The first year of the Reiwa era (令和元年 = 2019); the era began on 2019-05-01, and a day before
 * that is not a Reiwa day.
 */
const REIWA_YEAR_ONE = 2019;
const REIWA_FIRST_DAY = '2019-05-01';

/** The forms a person may type a day in, as listed in messages that refuse one. */
export const DAY_FORMS = ['2026-12-28', '2026/12/28', '12/28', '12月28日', '令和8年12月28日'] as const;

function day(year: number, month: string, date: string): string | null {
  const text = `${String(year).padStart(4, '0')}-${month.padStart(2, '0')}-${date.padStart(2, '0')}`;
  return isCalendarDay(text) ? text : null;
}

/**
 * The calendar day 'YYYY-MM-DD' a person typed, or null when the text is not a real day in one of
 * the accepted forms (full-width digits and separators too, read through NFKC):
 *
 * - 2026-12-28, 2026/12/28, 2026.12.28 and 2026年12月28日;
 * - 令和8年12月28日 (令和元年 for 2019; Reiwa began on 2019-05-01);
 * - without a year, 12/28 and 12月28日: the next such day on or after `today` ('YYYY-MM-DD'),
 *   only when `today` is given (a file's date has no "next").
 */
export function readCalendarDay(text: string, today?: string): string | null {
  const s = text.normalize('NFKC').trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) return day(Number(m[1]), m[2] as string, m[3] as string);
  m = /^令和(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) {
    const year = REIWA_YEAR_ONE - 1 + (m[1] === '元' ? 1 : Number(m[1]));
    const found = day(year, m[2] as string, m[3] as string);
    return found !== null && found >= REIWA_FIRST_DAY ? found : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m && today !== undefined && isCalendarDay(today)) {
    // 2/29 may be up to four years ahead.
    const year = Number(today.slice(0, 4));
    for (let next = year; next <= year + 4; next += 1) {
      const found = day(next, m[1] as string, m[2] as string);
      if (found !== null && found >= today) return found;
    }
  }
  return null;
}
