import { isOverdue } from '../../calendar/overdue.js';
import type { Db } from '../../db/client.js';
import type { Status } from '../../domain/status.js';
import { listLatestUpdates } from './list-latest-updates.js';

export interface TargetStatus {
  id: number;
  code: string;
  category: string;
  title: string;
  ownerId: string | null;
  indicatorUnit: string | null;
  indicatorTarget: number | null;
  latest: { status: Status; reportedAt: Date; reporterId: string; percent: number | null } | null;
  /** Most recent value reported, for a target with an indicator target (an update may report a status without one). */
  latestValue: number | null;
  overdueMilestones: { title: string; dueOn: Date }[];
  nextMilestone: { title: string; dueOn: Date } | null;
}

/**
 * A department's targets for a fiscal year with their latest status, latest value and overdue
 * milestones (open and due before today: isOverdue).
 */
export async function listTargetStatuses(
  db: Db,
  input: { departmentId: number; fiscalYear: number; today: Date },
): Promise<TargetStatus[]> {
  const [targets, latest] = await Promise.all([
    db.target.findMany({
      where: { departmentId: input.departmentId, fiscalYear: { year: input.fiscalYear } },
      include: {
        milestones: { where: { doneAt: null }, orderBy: [{ dueOn: 'asc' }, { sortOrder: 'asc' }] },
      },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    }),
    listLatestUpdates(db, { fiscalYear: input.fiscalYear, departmentId: input.departmentId }),
  ]);
  return targets.map((t) => {
    const last = latest.updates.get(t.id);
    const overdue = t.milestones.filter((m) => isOverdue(m.dueOn, input.today));
    const upcoming = t.milestones.find((m) => !isOverdue(m.dueOn, input.today)) ?? null;
    return {
      id: t.id,
      code: t.code,
      category: t.category,
      title: t.title,
      ownerId: t.ownerId,
      indicatorUnit: t.indicatorUnit,
      indicatorTarget: t.indicatorTarget,
      latest: last ?? null,
      latestValue: latest.values.get(t.id) ?? null,
      overdueMilestones: overdue.map((m) => ({ title: m.title, dueOn: m.dueOn })),
      nextMilestone: upcoming ? { title: upcoming.title, dueOn: upcoming.dueOn } : null,
    };
  });
}
