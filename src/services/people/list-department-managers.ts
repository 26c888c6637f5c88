import type { Db } from '../../db/client.js';

/** The managers (Slack user ids) of each of the given departments. */
export async function listDepartmentManagers(db: Db, departmentIds: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (departmentIds.length === 0) return map;
  const rows = await db.departmentPerson.findMany({
    where: { departmentId: { in: [...new Set(departmentIds)] }, role: 'manager' },
    orderBy: [{ departmentId: 'asc' }, { slackUserId: 'asc' }],
  });
  for (const r of rows) map.set(r.departmentId, [...(map.get(r.departmentId) ?? []), r.slackUserId]);
  return map;
}
