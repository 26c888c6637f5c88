import { fiscalYearOfDay, fiscalYearRange } from '../../calendar/fiscal-year.js';
import { calendarDayIn } from '../../calendar/time-zone.js';
import type { Db } from '../../db/client.js';
import { type ReviewPeriod, reviewPeriod } from '../../review/period.js';
import { findReviewFiscalYear } from '../review/find-review-fiscal-year.js';

export interface LiveFiscalYear {
  id: number;
  year: number;
  leadershipChannel: string | null;
  /** Where today falls in the year's review windows. */
  period: ReviewPeriod;
}

/** Which fiscal years are live on a day, and for what. */
export interface LiveFiscalYears {
  today: string;
  /**
   * The year progress is reported on and digested: the fiscal year of today when it is loaded,
   * else the year in its review season (the new year is not imported yet).
   */
  progress: LiveFiscalYear | null;
  /**
   * The year in its review season: its fiscal year has ended (March 31) and its last review window
   * has not closed yet. It stays live for digests, reminders and the Home tab beside the new year.
   */
  season: LiveFiscalYear | null;
  /** The year review actions are about (findReviewFiscalYear's rule: the latest opened, else the next). */
  review: LiveFiscalYear | null;
}

/**
 * The one answer to "which fiscal years are live at this instant and for what". A year is live
 * from April 1 until March 31 or until its last review window closes, whichever is later.
 */
export async function findLiveFiscalYears(db: Db, input: { now: Date; timeZone: string }): Promise<LiveFiscalYears> {
  const today = calendarDayIn(input.now, input.timeZone);
  const calendarYear = fiscalYearOfDay(today);
  const [years, review] = await Promise.all([
    db.fiscalYear.findMany({
      include: { reviewWindows: true },
      orderBy: { year: 'desc' },
    }),
    findReviewFiscalYear(db, { today }),
  ]);
  const live = years.map(
    (fy): LiveFiscalYear => ({
      id: fy.id,
      year: fy.year,
      leadershipChannel: fy.leadershipChannel,
      period: reviewPeriod(fy.reviewWindows, today),
    }),
  );
  const current = live.find((fy) => fy.year === calendarYear) ?? null;
  const season =
    live.find(
      (fy) =>
        fy.year < calendarYear &&
        today > fiscalYearRange(fy.year).end &&
        fy.period.closesOn !== null &&
        today <= fy.period.closesOn,
    ) ?? null;
  const reviewYear = review ? (live.find((fy) => fy.year === review.year) ?? null) : null;
  return { today, progress: current ?? season, season, review: reviewYear };
}
