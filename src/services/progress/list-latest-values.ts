import type { Db } from '../../db/client.js';

/** The latest reported indicator value of each target that has one (updates without a value are skipped). */
export async function listLatestValues(db: Db, targetIds: number[]): Promise<Map<number, number>> {
  if (targetIds.length === 0) return new Map();
  const rows = await db.progressUpdate.findMany({
    where: { targetId: { in: targetIds }, value: { not: null } },
    orderBy: [{ targetId: 'asc' }, { reportedAt: 'desc' }, { id: 'desc' }],
    distinct: ['targetId'],
    select: { targetId: true, value: true },
  });
  const latest = new Map<number, number>();
  for (const r of rows) if (r.value !== null) latest.set(r.targetId, r.value);
  return latest;
}
