import type { Db } from '../../db/client.js';
import { assertBoundedNumbers } from '../../domain/assert-bounded-numbers.js';
import { findSubmittedUpdate } from './find-submitted-update.js';
import type { ProgressInput, RecordedUpdate } from './record-progress-update.js';

export type OwnProgressInput = Omit<ProgressInput, 'milestoneIds'>;

/**
 * Appends a progress update that completes no milestone, in one statement that also checks the
 * reporter belongs to the target's department; null when they do not or the target does not exist.
 * A submission already stored (same submissionKey) inserts nothing and returns the stored update.
 */
export async function recordOwnProgressUpdate(db: Db, input: OwnProgressInput): Promise<RecordedUpdate | null> {
  if (!Number.isSafeInteger(input.targetId) || input.targetId <= 0) return null;
  assertBoundedNumbers(input);
  const key = input.submissionKey ?? null;
  // The permission check and the insert are one INSERT … SELECT (a statement the ORM's query API
  // has no form for): no change to the department's people can come between the check and the write.
  // statusChanged is the value the database's trigger gives it (migration status_changed), so the
  // row is right even where the trigger does not run.
  const rows = await db.$queryRaw<{ id: number | bigint }[]>`
    INSERT INTO "ProgressUpdate" ("targetId", "reporterId", "reportedAt", "status", "value", "percent", "comment", "source", "submissionKey", "statusChanged")
    SELECT t."id", ${input.reporterId}, ${input.reportedAt}, ${input.status}, ${input.value}, ${input.percent},
      ${input.comment}, ${input.source ?? 'slack'}, ${key},
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
    ON CONFLICT ("submissionKey") DO NOTHING
    RETURNING "id"`;
  const row = rows[0];
  if (row) return { id: Number(row.id) };
  // Nothing inserted: the reporter may not report on the target, or the submission is stored already.
  return findSubmittedUpdate(db, key);
}
