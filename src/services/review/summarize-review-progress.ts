import { milliseconds } from 'date-fns';
import { instantAt } from '../../calendar/time-zone.js';
import type { Db } from '../../db/client.js';
import type { ReviewPeriod } from '../../review/period.js';
import {
  REVIEW_HOLDERS,
  type ReviewHolder,
  type ReviewProgress,
  type ReviewProgressDepartment,
  type ReviewStepCounts,
  type ReviewWaiting,
} from '../../review/progress.js';
import { NEXT_STEP, type ReviewRole, type ReviewState, summarizeReview } from '../../review/workflow.js';

const DAY_MS = milliseconds({ days: 1 });

const HOLDER_OF_ROLE: Record<ReviewRole, ReviewHolder> = { assessor: 'owners', manager: 'managers', hq: 'hq' };

const REACHED: Record<ReviewState, number> = {
  not_started: 0,
  returned: 0,
  self_assessed: 1,
  approved: 2,
  checked: 3,
  confirmed: 4,
};

function emptyStepCounts(): ReviewStepCounts {
  return { targetCount: 0, selfAssessed: 0, approved: 0, checked: 0, confirmed: 0 };
}

function count(counts: ReviewStepCounts, state: ReviewState): void {
  const reached = REACHED[state];
  counts.targetCount += 1;
  if (reached >= 1) counts.selfAssessed += 1;
  if (reached >= 2) counts.approved += 1;
  if (reached >= 3) counts.checked += 1;
  if (reached >= 4) counts.confirmed += 1;
}

function wait(list: ReviewWaiting[], holder: ReviewHolder, days: number): void {
  const found = list.find((w) => w.holder === holder);
  if (found) {
    found.count += 1;
    found.longestDays = Math.max(found.longestDays, days);
  } else list.push({ holder, count: 1, longestDays: days });
}

const byHolder = (a: ReviewWaiting, b: ReviewWaiting) =>
  REVIEW_HOLDERS.indexOf(a.holder) - REVIEW_HOLDERS.indexOf(b.holder);

/**
 * The review of a fiscal year at `now` (steps taken after now are not counted, so past digests can
 * be previewed): per department, in department order, how many targets are self-assessed,
 * approved, checked and confirmed, and who holds the next step of the rest and for how long.
 */
export async function summarizeReviewProgress(
  db: Db,
  input: { fiscalYearId: number; fiscalYear: number; period: ReviewPeriod; now: Date; timeZone: string },
): Promise<ReviewProgress> {
  const targets = await db.target.findMany({
    where: { fiscalYearId: input.fiscalYearId },
    select: {
      departmentId: true,
      reviewSteps: {
        where: { createdAt: { lte: input.now } },
        select: { id: true, step: true, grade: true, comment: true, actorId: true, createdAt: true },
      },
    },
  });
  const departmentRows = await db.department.findMany({
    where: { targets: { some: { fiscalYearId: input.fiscalYearId } } },
    select: { id: true, code: true, name: true, nameEn: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  const opened = input.period.opensOn ? instantAt(input.period.opensOn, '00:00', input.timeZone) : null;
  const departments = new Map<number, ReviewProgressDepartment>(
    departmentRows.map((d) => [d.id, { ...d, ...emptyStepCounts(), waiting: [] }]),
  );
  const totals = emptyStepCounts();
  const waiting: ReviewWaiting[] = [];
  for (const t of targets) {
    const department = departments.get(t.departmentId);
    if (!department) continue;
    const summary = summarizeReview(t.reviewSteps);
    count(department, summary.state);
    count(totals, summary.state);
    const next = NEXT_STEP[summary.state];
    // Nothing is waited on before the review opens.
    const since = summary.lastStep?.createdAt ?? opened;
    if (!next || !since || since.getTime() > input.now.getTime()) continue;
    const days = Math.floor((input.now.getTime() - since.getTime()) / DAY_MS);
    const holder = HOLDER_OF_ROLE[next.role];
    wait(department.waiting, holder, days);
    wait(waiting, holder, days);
  }
  const list = [...departments.values()];
  for (const d of list) d.waiting.sort(byHolder);
  return {
    fiscalYear: input.fiscalYear,
    period: input.period,
    totals,
    waiting: waiting.sort(byHolder),
    departments: list,
  };
}
