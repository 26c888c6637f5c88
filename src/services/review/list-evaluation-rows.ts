import { calendarDayIn } from '../../calendar/time-zone.js';
import type { Db } from '../../db/client.js';
import { roundPercent } from '../../domain/achievement.js';
import { isStatus, type Status } from '../../domain/status.js';
import { AppError } from '../../errors.js';
import { suggestGrade } from '../../review/grades.js';
import { compareEvaluationOrder } from '../../review/order.js';
import { type ReviewState, summarizeReview } from '../../review/workflow.js';
import { listLatestValues } from '../progress/list-latest-values.js';
import { getGradeLadder } from './get-grade-ladder.js';

/** One line of the evaluation sheet (評価シート): a target with its indicator, grades and comments. */
export interface EvaluationRow {
  departmentCode: string;
  department: string;
  category: string;
  code: string;
  title: string;
  /** Slack user id of the target's owner (担当者). */
  ownerId: string | null;
  indicatorKind: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  /** Latest value reported. */
  actual: number | null;
  /** Achievement % (src/domain/achievement.ts), one decimal. */
  achievementPercent: number | null;
  suggestedGrade: string | null;
  selfGrade: string | null;
  /** The confirmed grade (確定); null until headquarters confirms. */
  hqGrade: string | null;
  selfComment: string | null;
  hqComment: string | null;
  /** The reason given when the review was sent back and not yet answered. */
  returnComment: string | null;
  reviewState: ReviewState;
  /** Status of the latest progress report (進捗状況); null before the first report. */
  progressStatus: Status | null;
  /** The most recent non-empty comment of a progress report. */
  latestComment: string | null;
  /** Calendar day ('YYYY-MM-DD', organisation's zone) of the latest progress report. */
  lastUpdate: string | null;
}

/**
 * The evaluation sheet of a fiscal year, one row per target, in sheet order: department,
 * category (施策, 改革, 人材育成・活用, then others), target. Five queries whatever the size.
 */
export async function listEvaluationRows(
  db: Db,
  input: { fiscalYear: number; timeZone: string },
): Promise<EvaluationRow[]> {
  const fy = await db.fiscalYear.findUnique({ where: { year: input.fiscalYear }, select: { id: true } });
  if (!fy) {
    throw new AppError(
      'fiscal_year_unknown',
      `fiscal year ${input.fiscalYear} is not loaded`,
      'export.error.fiscal_year_unknown',
      {
        fy: input.fiscalYear,
      },
    );
  }
  const ladder = await getGradeLadder(db);
  const targets = await db.target.findMany({
    where: { fiscalYearId: fy.id },
    include: {
      department: { select: { code: true, name: true, sortOrder: true } },
      reviewSteps: true,
    },
  });
  const ids = targets.map((t) => t.id);
  const [latestValueOf, lastReports, lastComments] =
    ids.length === 0
      ? [new Map<number, number>(), [], []]
      : await Promise.all([
          listLatestValues(db, ids),
          db.progressUpdate.findMany({
            where: { targetId: { in: ids } },
            orderBy: [{ targetId: 'asc' }, { reportedAt: 'desc' }, { id: 'desc' }],
            distinct: ['targetId'],
            select: { targetId: true, reportedAt: true, status: true },
          }),
          db.progressUpdate.findMany({
            where: { targetId: { in: ids }, comment: { not: null }, NOT: { comment: '' } },
            orderBy: [{ targetId: 'asc' }, { reportedAt: 'desc' }, { id: 'desc' }],
            distinct: ['targetId'],
            select: { targetId: true, comment: true },
          }),
        ]);
  const lastOf = new Map(lastReports.map((r) => [r.targetId, r]));
  const commentOf = new Map(lastComments.map((r) => [r.targetId, r.comment]));
  const ordered = [...targets].sort((a, b) =>
    compareEvaluationOrder(
      { departmentSortOrder: a.department.sortOrder, departmentCode: a.department.code, ...a },
      { departmentSortOrder: b.department.sortOrder, departmentCode: b.department.code, ...b },
    ),
  );
  return ordered.map((t) => {
    const actual = latestValueOf.get(t.id) ?? null;
    const suggestion = suggestGrade({ baseline: t.indicatorBaseline, target: t.indicatorTarget, actual }, ladder);
    const review = summarizeReview(t.reviewSteps);
    const last = lastOf.get(t.id) ?? null;
    return {
      departmentCode: t.department.code,
      department: t.department.name,
      category: t.category,
      code: t.code,
      title: t.title,
      ownerId: t.ownerId,
      indicatorKind: t.indicatorKind,
      unit: t.indicatorUnit,
      baseline: t.indicatorBaseline,
      target: t.indicatorTarget,
      actual,
      achievementPercent: suggestion.percent === null ? null : roundPercent(suggestion.percent),
      suggestedGrade: suggestion.grade,
      selfGrade: review.selfGrade,
      hqGrade: review.state === 'confirmed' ? review.confirmedGrade : null,
      selfComment: review.selfComment,
      hqComment: review.hqComment,
      returnComment: review.state === 'returned' ? (review.lastReturn?.comment ?? null) : null,
      reviewState: review.state,
      progressStatus: last && isStatus(last.status) ? last.status : null,
      latestComment: commentOf.get(t.id) ?? null,
      lastUpdate: last ? calendarDayIn(last.reportedAt, input.timeZone) : null,
    };
  });
}
