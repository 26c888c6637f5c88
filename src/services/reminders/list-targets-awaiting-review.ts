import type { Db } from '../../db/client.js';
import type { WindowRole } from '../../review/window-role.js';
import { type ReviewState, summarizeReview } from '../../review/workflow.js';
import { listHqUsers } from '../people/list-hq-users.js';
import type { TargetNeedingUpdate } from './list-targets-needing-update.js';
import { REMINDER_TARGET_ORDER } from './target-order.js';

const PAGE = 400;

/** A target still waiting for the step of a window's role, and who takes that step. */
export interface TargetAwaitingReview {
  target: Omit<TargetNeedingUpdate, 'ownerId'> & { ownerId: string | null };
  /** The department's managers (approve) or headquarters (check). */
  recipients: string[];
}

/** The states from which a target has still to pass the window's step. */
const WAITING: Record<Exclude<WindowRole, 'self'>, readonly ReviewState[]> = {
  approve: ['not_started', 'returned', 'self_assessed'],
  check: ['not_started', 'returned', 'self_assessed', 'approved'],
};

/**
 * For an approve window, the fiscal year's targets not yet approved, each for its department's
 * managers; for a check window, those not yet checked, for headquarters. In the organisation's order.
 */
export async function listTargetsAwaitingReview(
  db: Db,
  input: { fiscalYearId: number; role: Exclude<WindowRole, 'self'>; hqUsers: string[] },
): Promise<TargetAwaitingReview[]> {
  // Paged: each include binds one parameter per target, and SQLite allows 999.
  const rows = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await db.target.findMany({
      where: { fiscalYearId: input.fiscalYearId },
      include: {
        department: {
          select: {
            name: true,
            nameEn: true,
            people: { where: { role: 'manager' }, select: { slackUserId: true } },
          },
        },
        reviewSteps: { select: { id: true, step: true, grade: true, comment: true, actorId: true, createdAt: true } },
        updates: {
          orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
          take: 1,
          select: { reportedAt: true, status: true },
        },
      },
      orderBy: REMINDER_TARGET_ORDER,
      skip,
      take: PAGE,
    });
    rows.push(...page);
    if (page.length < PAGE) break;
  }
  const hq = input.role === 'check' ? await listHqUsers(db, { configured: input.hqUsers }) : [];
  const waiting = WAITING[input.role];
  return rows
    .filter((t) => waiting.includes(summarizeReview(t.reviewSteps).state))
    .map((t) => ({
      target: {
        id: t.id,
        code: t.code,
        title: t.title,
        ownerId: t.ownerId,
        departmentId: t.departmentId,
        departmentName: t.department.name,
        departmentNameEn: t.department.nameEn,
        lastReportedAt: t.updates[0]?.reportedAt ?? null,
        lastStatus: t.updates[0]?.status ?? null,
      },
      recipients: input.role === 'check' ? hq : [...new Set(t.department.people.map((p) => p.slackUserId))].sort(),
    }));
}
