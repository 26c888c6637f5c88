import { calendarFromDate, dateFromCalendar } from '../../calendar/days.js';
import { calendarDayIn } from '../../calendar/time-zone.js';
import type { Db } from '../../db/client.js';
import type { ReviewPhase } from '../../review/period.js';
import { findProgressFiscalYear } from '../organization/find-progress-fiscal-year.js';
import { findPersonDepartments } from '../people/find-person-departments.js';
import { isHqUser } from '../people/is-hq-user.js';
import { findPausedUntil } from '../reminders/find-paused-until.js';
import { findReviewFiscalYear } from '../review/find-review-fiscal-year.js';
import { listReviewItems } from '../review/list-review-items.js';
import { listTargetStatuses, type TargetStatus } from './list-target-statuses.js';
import { type DepartmentStatusCounts, summarizeDepartmentStatuses } from './summarize-department-statuses.js';

export interface HomeData {
  fiscalYear: number;
  today: string;
  departments: { id: number; name: string; nameEn: string | null; targets: TargetStatus[] }[];
  pausedUntil: string | null;
  review: { fiscalYear: number; phase: ReviewPhase; closesOn: string | null; pending: number } | null;
  /** Per-department counts for headquarters; null for everyone else. */
  org: DepartmentStatusCounts[] | null;
}

/**
 * Everything a person's Home tab shows for the current fiscal year: their departments' targets,
 * their reminder pause, the review waiting for them, and for headquarters the whole organisation.
 */
export async function getHomeData(
  db: Db,
  input: { slackUserId: string; hqUsers: string[]; now: Date; timeZone: string },
): Promise<HomeData> {
  const today = calendarDayIn(input.now, input.timeZone);
  const todayDate = dateFromCalendar(today);
  const fiscalYear = await findProgressFiscalYear(db, { now: input.now, timeZone: input.timeZone });
  const [departments, hq, pausedUntil, review] = await Promise.all([
    findPersonDepartments(db, input.slackUserId),
    isHqUser(db, { slackUserId: input.slackUserId, configured: input.hqUsers }),
    findPausedUntil(db, input.slackUserId),
    findReviewFiscalYear(db, { today }),
  ]);
  const withTargets = await Promise.all(
    departments.map(async (d) => ({
      id: d.id,
      name: d.name,
      nameEn: d.nameEn,
      targets: await listTargetStatuses(db, { departmentId: d.id, fiscalYear, today: todayDate }),
    })),
  );
  let reviewData: HomeData['review'] = null;
  if (review && (review.period.phase === 'open' || review.period.phase === 'after')) {
    const { items } = await listReviewItems(db, {
      fiscalYear: review.year,
      slackUserId: input.slackUserId,
      hqUsers: input.hqUsers,
      phase: review.period.phase,
    });
    reviewData = {
      fiscalYear: review.year,
      phase: review.period.phase,
      closesOn: review.period.closesOn,
      pending: items.filter((i) => i.yourTurn).length,
    };
  }
  return {
    fiscalYear,
    today,
    departments: withTargets,
    pausedUntil: pausedUntil ? calendarFromDate(pausedUntil) : null,
    review: reviewData,
    org: hq ? await summarizeDepartmentStatuses(db, { fiscalYear, today: todayDate }) : null,
  };
}
