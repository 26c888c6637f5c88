import type { Db } from '../../db/client.js';
import { summarizeReview } from '../../review/workflow.js';
import { REMINDER_TARGET_ORDER } from './target-order.js';

const PAGE = 400;

export interface TargetNeedingUpdate {
  id: number;
  code: string;
  title: string;
  ownerId: string;
  departmentId: number;
  departmentName: string;
  departmentNameEn: string | null;
  lastReportedAt: Date | null;
  lastStatus: string | null;
}

/**
 * Targets with an owner and no progress update reported at or after `since`, of one fiscal year
 * (by id or by year), optionally only those of some departments; in the organisation's order.
 * With `selfAssessing`, only targets whose self-assessment is still to do (not yet given, or
 * returned): a self-assessment window's reminders leave out the targets already assessed.
 */
export async function listTargetsNeedingUpdate(
  db: Db,
  input: { since: Date; fiscalYearId?: number; fiscalYear?: number; departmentIds?: number[]; selfAssessing?: boolean },
): Promise<TargetNeedingUpdate[]> {
  if (input.fiscalYearId === undefined && input.fiscalYear === undefined) return [];
  if (input.departmentIds && input.departmentIds.length === 0) return [];
  // Paged: the latest-update include binds one parameter per target, and SQLite allows 999.
  const rows = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await db.target.findMany({
      where: {
        ...(input.fiscalYearId !== undefined ? { fiscalYearId: input.fiscalYearId } : {}),
        ...(input.fiscalYear !== undefined ? { fiscalYear: { year: input.fiscalYear } } : {}),
        ...(input.departmentIds ? { departmentId: { in: input.departmentIds } } : {}),
        ownerId: { not: null },
        updates: { none: { reportedAt: { gte: input.since } } },
      },
      include: {
        department: { select: { name: true, nameEn: true, sortOrder: true } },
        updates: {
          orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
          take: 1,
          select: { reportedAt: true, status: true },
        },
        reviewSteps: input.selfAssessing
          ? { select: { id: true, step: true, grade: true, comment: true, actorId: true, createdAt: true } }
          : false,
      },
      orderBy: REMINDER_TARGET_ORDER,
      skip,
      take: PAGE,
    });
    rows.push(...page);
    if (page.length < PAGE) break;
  }
  const open = input.selfAssessing
    ? rows.filter((t) => ['not_started', 'returned'].includes(summarizeReview(t.reviewSteps ?? []).state))
    : rows;
  return open.map((t) => ({
    id: t.id,
    code: t.code,
    title: t.title,
    ownerId: t.ownerId as string,
    departmentId: t.departmentId,
    departmentName: t.department.name,
    departmentNameEn: t.department.nameEn,
    lastReportedAt: t.updates[0]?.reportedAt ?? null,
    lastStatus: t.updates[0]?.status ?? null,
  }));
}
