import type { Db } from '../../db/client.js';

export interface ReportableTarget {
  id: number;
  code: string;
  title: string;
  departmentId: number;
  departmentName: string;
  departmentNameEn: string | null;
}

/**
 * Targets of a fiscal year that a user may report on (those of their departments), ordered by
 * department then target; query narrows by code or title, limit caps the result.
 */
export async function listReportableTargets(
  db: Db,
  input: { slackUserId: string; fiscalYear: number; query?: string; limit?: number },
): Promise<ReportableTarget[]> {
  const query = input.query?.trim();
  const rows = await db.target.findMany({
    where: {
      fiscalYear: { year: input.fiscalYear },
      department: { people: { some: { slackUserId: input.slackUserId } } },
      ...(query ? { OR: [{ code: { contains: query } }, { title: { contains: query } }] } : {}),
    },
    include: { department: { select: { name: true, nameEn: true, sortOrder: true } } },
    orderBy: [{ department: { sortOrder: 'asc' } }, { departmentId: 'asc' }, { sortOrder: 'asc' }, { code: 'asc' }],
    ...(input.limit ? { take: input.limit } : {}),
  });
  return rows.map((t) => ({
    id: t.id,
    code: t.code,
    title: t.title,
    departmentId: t.departmentId,
    departmentName: t.department.name,
    departmentNameEn: t.department.nameEn,
  }));
}
