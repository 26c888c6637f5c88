import type { Db } from '../db/client.js';

export interface TargetForReport {
  id: number;
  code: string;
  title: string;
  indicatorUnit: string | null;
  indicatorTarget: number | null;
  department: { id: number; name: string; nameEn: string | null; channelId: string | null };
  openMilestones: { id: number; title: string; dueOn: Date }[];
}

/**
 * A target the user may report on, with its open milestones; null when it does not exist or the
 * user is in none of its department's roles. This is the server-side permission check. With
 * `milestoneIds`, only those of the open milestones are loaded (none for an empty list): a
 * submission needs no more, and it is the hot path.
 */
export async function getReportableTarget(
  db: Db,
  input: { slackUserId: string; targetId: number; milestoneIds?: number[] },
): Promise<TargetForReport | null> {
  if (!Number.isSafeInteger(input.targetId) || input.targetId <= 0) return null;
  const where = { id: input.targetId, department: { people: { some: { slackUserId: input.slackUserId } } } };
  const department = { select: { id: true, name: true, nameEn: true, channelId: true } };
  const wanted = input.milestoneIds;
  if (wanted?.length === 0) {
    const target = await db.target.findFirst({ where, include: { department } });
    return target ? toTargetForReport(target, []) : null;
  }
  const target = await db.target.findFirst({
    where,
    include: {
      department,
      milestones: {
        where: { doneAt: null, ...(wanted ? { id: { in: wanted } } : {}) },
        orderBy: [{ dueOn: 'asc' }, { sortOrder: 'asc' }],
      },
    },
  });
  return target ? toTargetForReport(target, target.milestones) : null;
}

function toTargetForReport(
  target: Omit<TargetForReport, 'openMilestones' | 'department'> & { department: TargetForReport['department'] },
  milestones: { id: number; title: string; dueOn: Date }[],
): TargetForReport {
  return {
    id: target.id,
    code: target.code,
    title: target.title,
    indicatorUnit: target.indicatorUnit,
    indicatorTarget: target.indicatorTarget,
    department: target.department,
    openMilestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn })),
  };
}
