import type { Db } from '../../db/client.js';

/** Headquarters users: configured ids, the import file's hq_users, or members of the HQ department. */
export async function isHqUser(db: Db, input: { slackUserId: string; configured: string[] }): Promise<boolean> {
  if (input.configured.includes(input.slackUserId)) return true;
  const setting = await db.setting.findUnique({ where: { key: 'hq_users' } });
  if (setting) {
    try {
      const ids: unknown = JSON.parse(setting.value);
      if (Array.isArray(ids) && ids.includes(input.slackUserId)) return true;
    } catch {
      // A malformed setting grants nothing.
    }
  }
  const hqDepartment = await db.setting.findUnique({ where: { key: 'hq_department' } });
  if (!hqDepartment) return false;
  const membership = await db.departmentPerson.findFirst({
    where: { slackUserId: input.slackUserId, department: { code: hqDepartment.value } },
  });
  return membership !== null;
}
