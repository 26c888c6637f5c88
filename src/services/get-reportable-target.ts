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
 * user is in none of its department's roles. This is the server-side permission check.
 */
export async function getReportableTarget(
  db: Db,
  input: { slackUserId: string; targetId: number },
): Promise<TargetForReport | null> {
  if (!Number.isSafeInteger(input.targetId) || input.targetId <= 0) return null;
  const target = await db.target.findFirst({
    where: { id: input.targetId, department: { people: { some: { slackUserId: input.slackUserId } } } },
    include: {
      department: { select: { id: true, name: true, nameEn: true, channelId: true } },
      milestones: { where: { doneAt: null }, orderBy: [{ dueOn: 'asc' }, { sortOrder: 'asc' }] },
    },
  });
  if (!target) return null;
  return {
    id: target.id,
    code: target.code,
    title: target.title,
    indicatorUnit: target.indicatorUnit,
    indicatorTarget: target.indicatorTarget,
    department: target.department,
    openMilestones: target.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn })),
  };
}
