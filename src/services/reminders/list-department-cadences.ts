import type { Cadence } from '../../config.js';
import type { Db } from '../../db/client.js';
import { parseCadence } from '../../reminders/settings.js';

export interface DepartmentCadence {
  id: number;
  code: string;
  cadence: Cadence;
}

/**
 * Each department's check-in cadence: its own (Department.cadence), else the organisation's
 * (Setting `cadence`), else the configured default. Unknown values fall through to the next.
 */
export async function listDepartmentCadences(db: Db, input: { defaultCadence: Cadence }): Promise<DepartmentCadence[]> {
  const [setting, departments] = await Promise.all([
    db.setting.findUnique({ where: { key: 'cadence' } }),
    db.department.findMany({
      select: { id: true, code: true, cadence: true },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const organisation = parseCadence(setting?.value) ?? input.defaultCadence;
  return departments.map((d) => ({ id: d.id, code: d.code, cadence: parseCadence(d.cadence) ?? organisation }));
}
