import type { Db } from '../../db/client.js';

/** Every headquarters user id: configured, the import file's hq_users, and the HQ department's people. */
export async function listHqUsers(db: Db, input: { configured: string[] }): Promise<string[]> {
  const ids = new Set(input.configured);
  const settings = await db.setting.findMany({ where: { key: { in: ['hq_users', 'hq_department'] } } });
  const hqUsers = settings.find((s) => s.key === 'hq_users');
  if (hqUsers) {
    try {
      const parsed: unknown = JSON.parse(hqUsers.value);
      if (Array.isArray(parsed)) for (const id of parsed) if (typeof id === 'string' && id) ids.add(id);
    } catch {
      // A malformed setting grants nothing, as in isHqUser.
    }
  }
  const hqDepartment = settings.find((s) => s.key === 'hq_department');
  if (hqDepartment) {
    const people = await db.departmentPerson.findMany({
      where: { department: { code: hqDepartment.value } },
      select: { slackUserId: true },
    });
    for (const p of people) ids.add(p.slackUserId);
  }
  return [...ids].sort();
}
