import type { Db } from '../../db/client.js';
import { type ReviewPeriod, reviewPeriod } from '../../review/period.js';

/** Where a day ('YYYY-MM-DD') falls in a fiscal year's review windows; null when the year is not loaded. */
export async function getReviewPeriod(
  db: Db,
  input: { fiscalYear: number; today: string },
): Promise<ReviewPeriod | null> {
  const fy = await db.fiscalYear.findUnique({ where: { year: input.fiscalYear }, include: { reviewWindows: true } });
  return fy ? reviewPeriod(fy.reviewWindows, input.today) : null;
}
