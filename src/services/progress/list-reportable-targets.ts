import type { Db } from '../../db/client.js';
import { matchesSearch } from '../../domain/search-text.js';

export interface ReportableTarget {
  id: number;
  code: string;
  title: string;
  departmentId: number;
  departmentName: string;
  departmentNameEn: string | null;
  /** True when the user is the target's owner (担当者). */
  own: boolean;
}

/**
 * Targets of a fiscal year that a user may report on (those of their departments): the ones they
 * own first, then by department and target; query narrows by code or title, limit caps the result.
 *
 * The query is matched in code, not with SQL LIKE: matchesSearch compares NFKC-normalised,
 * case-folded text on both sides (ＳＫ－１ finds SK-1), which neither SQLite nor the ORM can do
 * on the stored side, and takes % and _ literally on both databases. A person's departments hold
 * tens of targets, so reading them all costs one small query; the limit applies after the user's
 * own targets are put first, so that a cut never drops them.
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
  });
  const own = (t: { ownerId: string | null }) => t.ownerId === input.slackUserId;
  const matching = rows.filter((t) => matchesSearch(query, [t.code, t.title]));
  // A stable sort: each half keeps the department and target order.
  const ordered = [...matching.filter(own), ...matching.filter((t) => !own(t))];
  return (input.limit ? ordered.slice(0, input.limit) : ordered).map((t) => ({
    id: t.id,
    code: t.code,
    title: t.title,
    departmentId: t.departmentId,
    departmentName: t.department.name,
    departmentNameEn: t.department.nameEn,
    own: own(t),
  }));
}
