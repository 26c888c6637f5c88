import type { Db } from '../../db/client.js';
import type { Status } from '../../domain/status.js';
import { listLatestUpdates } from './list-latest-updates.js';

export interface DepartmentStatusCounts {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  total: number;
  /** Targets by their latest reported status; none = never reported. */
  counts: Record<Status | 'none', number>;
  /** Targets with at least one open milestone due before today. */
  overdue: number;
}

/**
 * Per department, how many of a fiscal year's targets stand at each status, for headquarters'
 * overview. Three queries whatever the number of departments (no query per department), none of
 * them reading every update of the year.
 */
export async function summarizeDepartmentStatuses(
  db: Db,
  input: { fiscalYear: number; today: Date },
): Promise<DepartmentStatusCounts[]> {
  const inYear = { fiscalYear: { year: input.fiscalYear } };
  const [targets, latest, overdue] = await Promise.all([
    db.target.findMany({
      where: inYear,
      select: {
        id: true,
        departmentId: true,
        department: { select: { code: true, name: true, nameEn: true, sortOrder: true } },
      },
    }),
    listLatestUpdates(db, { fiscalYear: input.fiscalYear }),
    // The overdue rule (isOverdue, src/calendar/overdue.ts) as a query.
    db.milestone.groupBy({
      by: ['targetId'],
      where: { doneAt: null, dueOn: { lt: input.today }, target: inYear },
      _count: { _all: true },
    }),
  ]);
  const overdueTargets = new Set(overdue.map((m) => m.targetId));
  const byDepartment = new Map<number, DepartmentStatusCounts & { sortOrder: number }>();
  for (const t of targets) {
    let row = byDepartment.get(t.departmentId);
    if (!row) {
      row = {
        id: t.departmentId,
        code: t.department.code,
        name: t.department.name,
        nameEn: t.department.nameEn,
        sortOrder: t.department.sortOrder,
        total: 0,
        counts: { on_track: 0, at_risk: 0, off_track: 0, done: 0, none: 0 },
        overdue: 0,
      };
      byDepartment.set(t.departmentId, row);
    }
    row.total++;
    row.counts[latest.updates.get(t.id)?.status ?? 'none']++;
    if (overdueTargets.has(t.id)) row.overdue++;
  }
  return [...byDepartment.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .map(({ sortOrder: _sortOrder, ...row }) => row);
}
