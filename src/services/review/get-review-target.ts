import { calendarDayIn } from '../../calendar/time-zone.js';
import type { Db } from '../../db/client.js';
import { checkPeriod, type ReviewPeriod, reviewPeriod } from '../../review/period.js';
import {
  availableSteps,
  type ReviewRole,
  type ReviewStepKind,
  type ReviewSummary,
  type StepRecord,
  summarizeReview,
} from '../../review/workflow.js';
import { getReviewRoles } from './get-review-roles.js';

export interface ReviewTargetDetail {
  id: number;
  code: string;
  title: string;
  category: string;
  fiscalYear: number;
  ownerId: string | null;
  indicatorKind: string | null;
  indicatorUnit: string | null;
  indicatorBaseline: number | null;
  indicatorTarget: number | null;
  department: { id: number; name: string; nameEn: string | null };
  /** Most recent value reported, and when anything was last reported. */
  latestValue: number | null;
  lastReportedAt: Date | null;
  steps: StepRecord[];
  summary: ReviewSummary;
  roles: ReviewRole[];
  /** Steps this person may take now (role, state and review period all allow them). */
  available: ReviewStepKind[];
  period: ReviewPeriod;
}

/**
 * One target's review for a person, with what they may do now; null when the target does not
 * exist or the person has no part in it (not in its department, not headquarters).
 */
export async function getReviewTarget(
  db: Db,
  input: { targetId: number; slackUserId: string; hqUsers: string[]; now: Date; timeZone: string },
): Promise<ReviewTargetDetail | null> {
  const roles = await getReviewRoles(db, input);
  if (!roles || roles.size === 0) return null;
  const target = await db.target.findUnique({
    where: { id: input.targetId },
    include: {
      department: { select: { id: true, name: true, nameEn: true } },
      fiscalYear: { include: { reviewWindows: true } },
      reviewSteps: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!target) return null;
  const [withValue, last] = await Promise.all([
    db.progressUpdate.findFirst({
      where: { targetId: target.id, value: { not: null } },
      orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
      select: { value: true },
    }),
    db.progressUpdate.findFirst({
      where: { targetId: target.id },
      orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
      select: { reportedAt: true },
    }),
  ]);
  const summary = summarizeReview(target.reviewSteps);
  const period = reviewPeriod(target.fiscalYear.reviewWindows, calendarDayIn(input.now, input.timeZone));
  const available = availableSteps(summary.state, roles).filter(
    (step) =>
      checkPeriod(period.phase, step, { isHq: roles.has('hq'), roundStartedByReturn: summary.lastReturn !== null }).ok,
  );
  return {
    id: target.id,
    code: target.code,
    title: target.title,
    category: target.category,
    fiscalYear: target.fiscalYear.year,
    ownerId: target.ownerId,
    indicatorKind: target.indicatorKind,
    indicatorUnit: target.indicatorUnit,
    indicatorBaseline: target.indicatorBaseline,
    indicatorTarget: target.indicatorTarget,
    department: target.department,
    latestValue: withValue?.value ?? null,
    lastReportedAt: last?.reportedAt ?? null,
    steps: target.reviewSteps,
    summary,
    roles: [...roles],
    available,
    period,
  };
}
