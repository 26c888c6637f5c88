import type { Db } from '../../db/client.js';
import { compareEvaluationOrder } from '../../review/order.js';
import { checkPeriod, type ReviewPhase } from '../../review/period.js';
import {
  availableSteps,
  NEXT_STEP,
  type ReviewRole,
  type ReviewState,
  type ReviewStepKind,
  summarizeReview,
} from '../../review/workflow.js';
import { isHqUser } from '../people/is-hq-user.js';
import { listLatestValues } from '../progress/list-latest-values.js';

export interface ReviewListItem {
  id: number;
  code: string;
  title: string;
  category: string;
  department: { id: number; name: string; nameEn: string | null };
  indicatorBaseline: number | null;
  indicatorTarget: number | null;
  latestValue: number | null;
  state: ReviewState;
  selfGrade: string | null;
  /** Headquarters' grade: confirmed, else proposed at check. */
  hqGrade: string | null;
  /** What this person may do now (revising one's own self-assessment included). */
  available: ReviewStepKind[];
  /** This person holds the step that moves the target forward. */
  yourTurn: boolean;
}

/**
 * The targets a person sees in the review list of a fiscal year: those of their departments and,
 * for headquarters, every target waiting for headquarters. Their turn first, then sheet order.
 */
export async function listReviewItems(
  db: Db,
  input: { fiscalYear: number; slackUserId: string; hqUsers: string[]; phase: ReviewPhase },
): Promise<{ items: ReviewListItem[]; isHq: boolean }> {
  const isHq = await isHqUser(db, { slackUserId: input.slackUserId, configured: input.hqUsers });
  const mine = { department: { people: { some: { slackUserId: input.slackUserId } } } };
  const targets = await db.target.findMany({
    where: {
      fiscalYear: { year: input.fiscalYear },
      ...(isHq ? {} : { OR: [mine, { ownerId: input.slackUserId }] }),
    },
    include: {
      department: {
        select: {
          id: true,
          code: true,
          name: true,
          nameEn: true,
          sortOrder: true,
          people: { where: { slackUserId: input.slackUserId }, select: { role: true } },
        },
      },
      reviewSteps: true,
    },
  });
  const ids = targets.map((t) => t.id);
  const latestValueOf = await listLatestValues(db, ids);
  const items: (ReviewListItem & { order: Parameters<typeof compareEvaluationOrder>[0] })[] = [];
  for (const t of targets) {
    const people = t.department.people;
    const roles = new Set<ReviewRole>();
    if (t.ownerId === input.slackUserId || people.length > 0) roles.add('assessor');
    if (people.some((p) => p.role === 'manager')) roles.add('manager');
    if (isHq) roles.add('hq');
    const summary = summarizeReview(t.reviewSteps);
    const available = availableSteps(summary.state, roles).filter(
      (step) => checkPeriod(input.phase, step, { isHq, roundStartedByReturn: summary.lastReturn !== null }).ok,
    );
    const next = NEXT_STEP[summary.state];
    const own = roles.has('assessor') || roles.has('manager');
    // Headquarters sees the whole organisation only where it is headquarters' turn.
    if (!own && !(summary.state === 'approved' || summary.state === 'checked')) continue;
    items.push({
      id: t.id,
      code: t.code,
      title: t.title,
      category: t.category,
      department: { id: t.department.id, name: t.department.name, nameEn: t.department.nameEn },
      indicatorBaseline: t.indicatorBaseline,
      indicatorTarget: t.indicatorTarget,
      latestValue: latestValueOf.get(t.id) ?? null,
      state: summary.state,
      selfGrade: summary.selfGrade,
      hqGrade: summary.confirmedGrade ?? summary.checkGrade,
      available,
      yourTurn: next !== null && available.includes(next.step),
      order: {
        departmentSortOrder: t.department.sortOrder,
        departmentCode: t.department.code,
        category: t.category,
        sortOrder: t.sortOrder,
        code: t.code,
      },
    });
  }
  items.sort((a, b) => Number(b.yourTurn) - Number(a.yourTurn) || compareEvaluationOrder(a.order, b.order));
  return { items: items.map(({ order: _order, ...item }) => item), isHq };
}
