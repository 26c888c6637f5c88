import type { Db } from '../../db/client.js';
import { isWithinBound, NUMBER_BOUND_TEXT } from '../../domain/parse-number.js';
import type { Status } from '../../domain/status.js';
import { AppError } from '../../errors.js';

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

/** Refuses a value or percentage beyond the bound of entered numbers, whoever the caller. */
export function assertBoundedNumbers(input: Pick<ProgressInput, 'value' | 'percent'>): void {
  for (const n of [input.value, input.percent]) {
    if (n !== null && !isWithinBound(n)) {
      throw new AppError(
        'number_out_of_range',
        `progress number ${n} is beyond the bound`,
        'progress.validation.number_range',
        {
          max: NUMBER_BOUND_TEXT,
        },
      );
    }
  }
}

/**
 * Appends a progress update and marks its milestones done, atomically. The caller has
 * already checked the reporter's right to report; milestones are re-checked against the target.
 */
export async function recordProgressUpdate(db: Db, input: ProgressInput): Promise<{ id: number }> {
  assertBoundedNumbers(input);
  const data = {
    targetId: input.targetId,
    reporterId: input.reporterId,
    reportedAt: input.reportedAt,
    status: input.status,
    value: input.value,
    percent: input.percent,
    comment: input.comment,
    source: input.source ?? 'slack',
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
