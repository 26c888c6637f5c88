import type { Db } from '../../db/client.js';
import { assertBoundedNumbers } from '../../domain/assert-bounded-numbers.js';
import type { Status } from '../../domain/status.js';
import { AppError } from '../../errors.js';
import { findSubmittedUpdate } from './find-submitted-update.js';

export interface ProgressInput {
  targetId: number;
  reporterId: string;
  status: Status;
  value: number | null;
  percent: number | null;
  comment: string | null;
  milestoneIds: number[];
  reportedAt: Date;
  source?: string;
  /** The Slack submission that made it (view id and hash); a second one with the same key stores nothing. */
  submissionKey?: string | null;
}

/** A stored update; `duplicate` when its submission had already been stored (the earlier update's id). */
export interface RecordedUpdate {
  id: number;
  duplicate?: true;
}

/** Whether the error is a unique-constraint violation (another delivery of the submission got in first). */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === 'P2002';
}

/**
 * Appends a progress update and marks its milestones done, atomically. The caller has
 * already checked the reporter's right to report; milestones are re-checked against the target.
 * A submission already stored (same submissionKey) is not stored again: its update is returned.
 */
export async function recordProgressUpdate(db: Db, input: ProgressInput): Promise<RecordedUpdate> {
  assertBoundedNumbers(input);
  const earlier = await findSubmittedUpdate(db, input.submissionKey);
  if (earlier) return earlier;
  try {
    return await insertProgressUpdate(db, input);
  } catch (error) {
    // Two deliveries of one submission at the same moment: the unique key lets one through.
    const stored = isUniqueViolation(error) ? await findSubmittedUpdate(db, input.submissionKey) : null;
    if (stored) return stored;
    throw error;
  }
}

async function insertProgressUpdate(db: Db, input: ProgressInput): Promise<{ id: number }> {
  const data = {
    targetId: input.targetId,
    reporterId: input.reporterId,
    reportedAt: input.reportedAt,
    status: input.status,
    value: input.value,
    percent: input.percent,
    comment: input.comment,
    source: input.source ?? 'slack',
    submissionKey: input.submissionKey ?? null,
  };
  // Without milestones the update is a single insert, atomic on its own; an interactive
  // transaction would only add round trips on the path that Slack times.
  if (input.milestoneIds.length === 0) return db.progressUpdate.create({ data, select: { id: true } });
  return db.$transaction(async (tx) => {
    const owned = await tx.milestone.count({ where: { id: { in: input.milestoneIds }, targetId: input.targetId } });
    if (owned !== new Set(input.milestoneIds).size) {
      throw new AppError(
        'milestone_mismatch',
        'milestone ids do not belong to the target',
        'progress.validation.milestone_unknown',
      );
    }
    const update = await tx.progressUpdate.create({
      data: {
        ...data,
        milestones: { create: [...new Set(input.milestoneIds)].map((milestoneId) => ({ milestoneId })) },
      },
      select: { id: true },
    });
    await tx.milestone.updateMany({
      where: { id: { in: input.milestoneIds }, doneAt: null },
      data: { doneAt: input.reportedAt },
    });
    return update;
  });
}
