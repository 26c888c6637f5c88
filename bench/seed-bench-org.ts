import type { Db } from '../src/db/client.js';

/**
 * A synthetic organisation for benchmarks: departments with targets for FY2026 and `users`
 * reporters spread over the departments. Returns each user with one target they may report on.
 */
export async function seedBenchOrg(
  db: Db,
  size: { departments: number; targetsPerDepartment: number; users: number },
): Promise<{ id: string; targetId: number }[]> {
  const fy = await db.fiscalYear.create({ data: { year: 2026, leadershipChannel: 'C0LEAD0001' } });
  const users: { id: string; targetId: number }[] = [];
  for (let d = 0; d < size.departments; d++) {
    const department = await db.department.create({
      data: { code: `dept-${d}`, name: `部${d}`, channelId: `C0DEPT${String(d).padStart(4, '0')}`, sortOrder: d },
    });
    await db.target.createMany({
      data: Array.from({ length: size.targetsPerDepartment }, (_, t) => ({
        fiscalYearId: fy.id,
        departmentId: department.id,
        code: `D${d}-${t}`,
        category: ['施策', '改革', '人材育成・活用'][t % 3] ?? '施策',
        title: `目標 ${d}-${t}`,
        sortOrder: t,
      })),
    });
  }
  const targets = await db.target.findMany({ select: { id: true, departmentId: true }, orderBy: { id: 'asc' } });
  const departments = await db.department.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  for (let u = 0; u < size.users; u++) {
    const department = departments[u % departments.length];
    if (!department) continue;
    const id = `UBENCH${String(u).padStart(4, '0')}`;
    await db.departmentPerson.create({ data: { departmentId: department.id, slackUserId: id, role: 'member' } });
    const target = targets.find((t) => t.departmentId === department.id);
    if (target) users.push({ id, targetId: target.id });
  }
  return users;
}
