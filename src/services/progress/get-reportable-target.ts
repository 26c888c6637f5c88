import type { Db } from '../../db/client.js';

export interface TargetForReport {
  id: number;
  code: string;
  title: string;
  ownerId: string | null;
  indicatorKind: string | null;
  indicatorUnit: string | null;
  indicatorBaseline: number | null;
  indicatorTarget: number | null;
  department: { id: number; name: string; nameEn: string | null; channelId: string | null };
  openMilestones: { id: number; title: string; dueOn: Date }[];
}

/**
 * A target the user may report on, with its open milestones; null when it does not exist or the
 * user is in none of its department's roles. This is the server-side permission check. With
 * `milestoneIds`, only those of the open milestones are loaded (none for an empty list): a
 * submission needs no more.
 */
export async function getReportableTarget(
  db: Db,
  input: { slackUserId: string; targetId: number; milestoneIds?: number[] },
): Promise<TargetForReport | null> {
  if (!Number.isSafeInteger(input.targetId) || input.targetId <= 0) return null;
  const wanted = input.milestoneIds;
  const target = await db.target.findFirst({
    where: { id: input.targetId, department: { people: { some: { slackUserId: input.slackUserId } } } },
    select: {
      id: true,
      code: true,
      title: true,
      ownerId: true,
      indicatorKind: true,
      indicatorUnit: true,
      indicatorBaseline: true,
      indicatorTarget: true,
      department: { select: { id: true, name: true, nameEn: true, channelId: true } },
      milestones: {
        where: { doneAt: null, ...(wanted ? { id: { in: wanted } } : {}) },
        select: { id: true, title: true, dueOn: true },
        orderBy: [{ dueOn: 'asc' }, { sortOrder: 'asc' }],
      },
    },
  });
  if (!target) return null;
  const { milestones, ...rest } = target;
  return { ...rest, openMilestones: milestones };
}
