import { calendarFromDate } from '../../calendar/days.js';
import type { Db } from '../../db/client.js';
import type { ReviewWindowDays } from '../../reminders/countdown.js';
import { windowRole } from '../../review/window-role.js';

/** Every review window (行政評価) with its fiscal year, days as 'YYYY-MM-DD', earliest first. */
export async function listReviewWindows(db: Db): Promise<ReviewWindowDays[]> {
  const rows = await db.reviewWindow.findMany({
    include: { fiscalYear: { select: { year: true } } },
    orderBy: [{ opensOn: 'asc' }, { id: 'asc' }],
  });
  return rows.map((w) => ({
    id: w.id,
    name: w.name,
    role: windowRole(w.role),
    opensOn: calendarFromDate(w.opensOn),
    closesOn: calendarFromDate(w.closesOn),
    fiscalYear: w.fiscalYear.year,
    fiscalYearId: w.fiscalYearId,
  }));
}
