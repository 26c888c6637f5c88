import type { Db } from '../../db/client.js';

export interface TargetFacts {
  id: number;
  code: string;
  title: string;
  ownerId: string | null;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  departmentNameEn: string | null;
  departmentSortOrder: number;
  fiscalYear: number;
  leadershipChannel: string | null;
  lastReportedAt: Date | null;
  /** When the owner's side last self-assessed the target (the review's 'self' step), if ever. */
  lastSelfAssessedAt: Date | null;
}

/**
 * What escalation needs to know about targets: owner, department, fiscal year, latest report and
 * self-assessment times.
 */
export async function listTargetFacts(db: Db, targetIds: number[]): Promise<Map<number, TargetFacts>> {
  const map = new Map<number, TargetFacts>();
  const ids = [...new Set(targetIds)];
  // Chunked: SQLite allows 999 bound parameters per statement (the includes bind the ids again).
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await db.target.findMany({
      where: { id: { in: ids.slice(i, i + 400) } },
      include: {
        department: { select: { code: true, name: true, nameEn: true, sortOrder: true } },
        fiscalYear: { select: { year: true, leadershipChannel: true } },
        updates: { orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }], take: 1, select: { reportedAt: true } },
        reviewSteps: {
          where: { step: 'self' },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: 1,
          select: { createdAt: true },
        },
      },
    });
    for (const t of rows) {
      map.set(t.id, {
        id: t.id,
        code: t.code,
        title: t.title,
        ownerId: t.ownerId,
        departmentId: t.departmentId,
        departmentCode: t.department.code,
        departmentName: t.department.name,
        departmentNameEn: t.department.nameEn,
        departmentSortOrder: t.department.sortOrder,
        fiscalYear: t.fiscalYear.year,
        leadershipChannel: t.fiscalYear.leadershipChannel,
        lastReportedAt: t.updates[0]?.reportedAt ?? null,
        lastSelfAssessedAt: t.reviewSteps[0]?.createdAt ?? null,
      });
    }
  }
  return map;
}
