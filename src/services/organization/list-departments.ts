import type { Db } from '../../db/client.js';

/** Every department in the organisation's order (for headquarters and department look-ups). */
export async function listDepartments(db: Db) {
  return db.department.findMany({
    select: { id: true, code: true, name: true, nameEn: true, channelId: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
}
