import type { Db } from '../../db/client.js';
import { isStatus, type Status } from '../../domain/status.js';

export interface LatestUpdate {
  status: Status;
  reportedAt: Date;
  reporterId: string;
  percent: number | null;
}

export interface LatestUpdates {
  /** Each target's newest update (latest reportedAt, then the later row); targets never reported on are absent. */
  updates: Map<number, LatestUpdate>;
  /** The newest value reported for each target with an indicator target (updates without one skipped). */
  values: Map<number, number>;
}

type Row = {
  targetId: number | bigint;
  status: string | null;
  reportedAt: Date | string | null;
  reporterId: string | null;
  percent: number | string | null;
  latestValue: number | string | null;
};

/**
 * The latest update and latest indicator value of each target of a fiscal year, or of one
 * department's targets in it. Raw SQL because the ORM's query API has no correlated subquery: with
 * one, each target costs an index seek on (targetId, reportedAt), where `include … take: 1` or
 * `distinct` read every update of every target and keep one in memory (a year of weekly reports:
 * fifty rows read for each row kept). The providers return the timestamp differently (PostgreSQL a
 * Date, SQLite the stored text), and numbers are read with Number() whichever type the driver gives.
 */
export async function listLatestUpdates(
  db: Db,
  input: { fiscalYear: number; departmentId?: number },
): Promise<LatestUpdates> {
  // 0 stands for "every department" (ids start at 1), so one statement serves both scopes.
  const departmentId = input.departmentId ?? 0;
  const rows = await db.$queryRaw<Row[]>`
    SELECT x."targetId", u."status", u."reportedAt", u."reporterId", u."percent", x."latestValue"
    FROM (
      SELECT t."id" AS "targetId",
        (SELECT p."id" FROM "ProgressUpdate" p WHERE p."targetId" = t."id"
          ORDER BY p."reportedAt" DESC, p."id" DESC LIMIT 1) AS "updateId",
        CASE WHEN t."indicatorTarget" IS NOT NULL THEN (
          SELECT v."value" FROM "ProgressUpdate" v WHERE v."targetId" = t."id" AND v."value" IS NOT NULL
          ORDER BY v."reportedAt" DESC, v."id" DESC LIMIT 1
        ) END AS "latestValue"
      FROM "Target" t JOIN "FiscalYear" f ON f."id" = t."fiscalYearId"
      WHERE f."year" = ${input.fiscalYear} AND (${departmentId} = 0 OR t."departmentId" = ${departmentId})
    ) x LEFT JOIN "ProgressUpdate" u ON u."id" = x."updateId"`;
  const updates = new Map<number, LatestUpdate>();
  const values = new Map<number, number>();
  for (const r of rows) {
    const targetId = Number(r.targetId);
    if (r.latestValue !== null) values.set(targetId, Number(r.latestValue));
    if (!isStatus(r.status) || r.reportedAt === null || r.reporterId === null) continue;
    updates.set(targetId, {
      status: r.status,
      reportedAt: r.reportedAt instanceof Date ? r.reportedAt : new Date(r.reportedAt),
      reporterId: r.reporterId,
      percent: r.percent === null ? null : Number(r.percent),
    });
  }
  return { updates, values };
}
