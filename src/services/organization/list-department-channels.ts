import type { Db } from '../../db/client.js';

/** Departments that have a channel and targets in the fiscal year: the recipients of department digests. */
export async function listDepartmentChannels(
  db: Db,
  input: { fiscalYear: number },
): Promise<{ id: number; code: string; channelId: string }[]> {
  const rows = await db.department.findMany({
    where: { channelId: { not: null }, targets: { some: { fiscalYear: { year: input.fiscalYear } } } },
    select: { id: true, code: true, channelId: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  return rows.flatMap((r) => (r.channelId ? [{ id: r.id, code: r.code, channelId: r.channelId }] : []));
}
