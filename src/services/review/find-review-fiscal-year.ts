import type { Db } from '../../db/client.js';
import { type ReviewPeriod, reviewPeriod } from '../../review/period.js';

/**
 * The fiscal year whose review is current on a day ('YYYY-MM-DD'): the latest one whose review
 * has opened, or else the next one to open. Null when no fiscal year has review windows.
 */
export async function findReviewFiscalYear(
  db: Db,
  input: { today: string },
): Promise<{ year: number; period: ReviewPeriod } | null> {
  const years = await db.fiscalYear.findMany({
    where: { reviewWindows: { some: {} } },
    include: { reviewWindows: true },
    orderBy: { year: 'desc' },
  });
  const periods = years.map((fy) => ({ year: fy.year, period: reviewPeriod(fy.reviewWindows, input.today) }));
  const opened = periods.find((p) => p.period.phase === 'open' || p.period.phase === 'after');
  if (opened) return opened;
  const upcoming = periods
    .filter((p) => p.period.phase === 'before')
    .sort((a, b) => (a.period.opensOn ?? '').localeCompare(b.period.opensOn ?? ''))[0];
  return upcoming ?? null;
}
