import type { Db } from '../../db/client.js';
import { type RawSql, rawSqlOf } from '../../db/raw-sql.js';
import type { ProgressInput } from './record-progress-update.js';

export type OwnProgressInput = Omit<ProgressInput, 'milestoneIds'>;

/**
 * Appends a progress update that completes no milestone, in one statement that also checks the
 * reporter belongs to the target's department; null when they do not or the target does not exist.
 * `sql` runs the statement (bench/progress-insert.ts passes the ORM's `$queryRaw` to compare).
 */
export async function recordOwnProgressUpdate(
  db: Db,
  input: OwnProgressInput,
  sql: RawSql = rawSqlOf(db),
): Promise<{ id: number } | null> {
  if (!Number.isSafeInteger(input.targetId) || input.targetId <= 0) return null;
  // The submission path's only statement before Slack gets its answer: the permission check and
  // the insert are one INSERT … SELECT, a quarter of the CPU of the two ORM queries it replaces,
  // sent past the ORM's raw-query layer (raw-sql.ts) for half of what remained. statusChanged is
  // the value the database's trigger would give it (migration status_changed); computed here, the
  // trigger on SQLite has nothing to rewrite.
  const rows = await sql<{ id: number | bigint | string }>`
    INSERT INTO "ProgressUpdate" ("targetId", "reporterId", "reportedAt", "status", "value", "percent", "comment", "source", "statusChanged")
    SELECT t."id", ${input.reporterId}, ${input.reportedAt}, ${input.status}, ${input.value}, ${input.percent},
      ${input.comment}, ${input.source ?? 'slack'},
      COALESCE((
        SELECT p."status" <> ${input.status} FROM "ProgressUpdate" p
        WHERE p."targetId" = t."id" AND p."reportedAt" <= ${input.reportedAt}
        ORDER BY p."reportedAt" DESC, p."id" DESC LIMIT 1
      ), TRUE)
    FROM "Target" t
    WHERE t."id" = ${input.targetId}
      AND EXISTS (
        SELECT 1 FROM "DepartmentPerson" p
        WHERE p."departmentId" = t."departmentId" AND p."slackUserId" = ${input.reporterId}
      )
    RETURNING "id"`;
  const row = rows[0];
  return row ? { id: Number(row.id) } : null;
}
