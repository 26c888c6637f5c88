import type { Db } from '../../db/client.js';

export interface PersonDepartment {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  channelId: string | null;
  isManager: boolean;
}

/** Departments a Slack user belongs to (as member or manager), in the organisation's order. */
export async function findPersonDepartments(db: Db, slackUserId: string): Promise<PersonDepartment[]> {
  const rows = await db.departmentPerson.findMany({
    where: { slackUserId },
    include: { department: true },
    orderBy: [{ department: { sortOrder: 'asc' } }, { department: { code: 'asc' } }],
  });
  const byId = new Map<number, PersonDepartment>();
  for (const row of rows) {
    const d = row.department;
    const existing = byId.get(d.id);
    if (existing) {
      existing.isManager ||= row.role === 'manager';
      continue;
    }
    byId.set(d.id, {
      id: d.id,
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      channelId: d.channelId,
      isManager: row.role === 'manager',
    });
  }
  return [...byId.values()];
}
