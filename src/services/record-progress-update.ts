import type { Db } from '../db/client.js';
import type { Status } from '../domain/status.js';
import { AppError } from '../errors.js';

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
}

/**
 * Appends a progress update and marks its milestones done, in one transaction. The caller has
 * already checked the reporter's right to report; milestones are re-checked against the target.
 */
export async function recordProgressUpdate(db: Db, input: ProgressInput): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    if (input.milestoneIds.length > 0) {
      const owned = await tx.milestone.count({ where: { id: { in: input.milestoneIds }, targetId: input.targetId } });
      if (owned !== new Set(input.milestoneIds).size) {
        throw new AppError(
          'milestone_mismatch',
          'milestone ids do not belong to the target',
          'progress.validation.milestone_unknown',
        );
      }
    }
    const update = await tx.progressUpdate.create({
      data: {
        targetId: input.targetId,
        reporterId: input.reporterId,
        reportedAt: input.reportedAt,
        status: input.status,
        value: input.value,
        percent: input.percent,
        comment: input.comment,
        source: input.source ?? 'slack',
        milestones: { create: [...new Set(input.milestoneIds)].map((milestoneId) => ({ milestoneId })) },
      },
    });
    if (input.milestoneIds.length > 0) {
      await tx.milestone.updateMany({
        where: { id: { in: input.milestoneIds }, doneAt: null },
        data: { doneAt: input.reportedAt },
      });
    }
    return { id: update.id };
  });
}
