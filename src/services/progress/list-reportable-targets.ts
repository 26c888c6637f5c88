import type { Db } from '../../db/client.js';
import { matchesSearch } from '../../domain/search-text.js';

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
 *
 * The query is matched in code, not with SQL LIKE: matchesSearch compares NFKC-normalised,
 * case-folded text on both sides (ＳＫ－１ finds SK-1), which neither SQLite nor the ORM can do
 * on the stored side, and takes % and _ literally on both databases. A person's departments hold
 * tens of targets, so reading them all costs one small query.
 */
export async function listReportableTargets(
  db: Db,
  input: { slackUserId: string; fiscalYear: number; query?: string; limit?: number },
): Promise<ReportableTarget[]> {
  const query = input.query ?? '';
  const rows = await db.target.findMany({
    where: {
      fiscalYear: { year: input.fiscalYear },
      department: { people: { some: { slackUserId: input.slackUserId } } },
    },
    include: { department: { select: { name: true, nameEn: true, sortOrder: true } } },
    orderBy: [{ department: { sortOrder: 'asc' } }, { departmentId: 'asc' }, { sortOrder: 'asc' }, { code: 'asc' }],
    // Without a query the database applies the limit; with one, it applies after matching.
    ...(input.limit && !query.trim() ? { take: input.limit } : {}),
  });
  const matching = rows.filter((t) => matchesSearch(query, [t.code, t.title]));
  return (input.limit ? matching.slice(0, input.limit) : matching).map((t) => ({
    id: t.id,
    code: t.code,
    title: t.title,
    departmentId: t.departmentId,
    departmentName: t.department.name,
    departmentNameEn: t.department.nameEn,
  }));
}
