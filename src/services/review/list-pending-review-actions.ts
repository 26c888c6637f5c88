import type { Db } from '../../db/client.js';
import { compareEvaluationOrder } from '../../review/order.js';
import { NEXT_STEP, type ReviewState, type ReviewStepKind, summarizeReview } from '../../review/workflow.js';
import { listHqUsers } from '../people/list-hq-users.js';

export interface PendingReviewAction {
  targetId: number;
  code: string;
  title: string;
  department: { id: number; code: string; name: string; nameEn: string | null };
  state: ReviewState;
  /** The step that moves the target forward. */
  step: ReviewStepKind;
  /**
   * Who holds it: the owner; the whole department when the target has no owner; the
   * department's managers; or headquarters.
   */
  holderKind: 'owner' | 'department' | 'managers' | 'hq';
  /** Slack user ids of the holders (empty when, say, a department has no manager on file). */
  holders: string[];
}

/**
 * For every target of a fiscal year whose review is not confirmed, the next step and who holds
 * it, in evaluation-sheet order (for reminders and escalations of the review).
 */
export async function listPendingReviewActions(
  db: Db,
  input: { fiscalYear: number; hqUsers?: string[] },
): Promise<PendingReviewAction[]> {
  const targets = await db.target.findMany({
    where: { fiscalYear: { year: input.fiscalYear } },
    include: {
      department: {
        select: {
          id: true,
          code: true,
          name: true,
          nameEn: true,
          sortOrder: true,
          people: { select: { slackUserId: true, role: true } },
        },
      },
      reviewSteps: true,
    },
  });
  targets.sort((a, b) =>
    compareEvaluationOrder(
      { departmentSortOrder: a.department.sortOrder, departmentCode: a.department.code, ...a },
      { departmentSortOrder: b.department.sortOrder, departmentCode: b.department.code, ...b },
    ),
  );
  let hq: string[] | null = null;
  const pending: PendingReviewAction[] = [];
  for (const t of targets) {
    const state = summarizeReview(t.reviewSteps).state;
    const next = NEXT_STEP[state];
    if (!next) continue;
    const people = t.department.people;
    const unique = (ids: string[]) => [...new Set(ids)].sort();
    let holderKind: PendingReviewAction['holderKind'];
    let holders: string[];
    if (next.role === 'assessor') {
      holderKind = t.ownerId ? 'owner' : 'department';
      holders = t.ownerId ? [t.ownerId] : unique(people.map((p) => p.slackUserId));
    } else if (next.role === 'manager') {
      holderKind = 'managers';
      holders = unique(people.filter((p) => p.role === 'manager').map((p) => p.slackUserId));
    } else {
      hq ??= await listHqUsers(db, { configured: input.hqUsers ?? [] });
      holderKind = 'hq';
      holders = hq;
    }
    pending.push({
      targetId: t.id,
      code: t.code,
      title: t.title,
      department: {
        id: t.department.id,
        code: t.department.code,
        name: t.department.name,
        nameEn: t.department.nameEn,
      },
      state,
      step: next.step,
      holderKind,
      holders,
    });
  }
  return pending;
}
