import type { Db } from '../../db/client.js';

/**
 * The claim a caller made (row, time, claimer). An outcome is recorded only while the row still
 * carries it: a process that outlived its lease must not overwrite the outcome of the one that
 * took the delivery over.
 */
export interface HeldClaim {
  id: number;
  claimedAt: Date;
  claimedBy: string | null;
}

/** Records that a claimed delivery could not be sent, if the claim is still the caller's; false if it was taken over. */
export async function markDeliveryFailed(
  db: Db,
  input: HeldClaim & { error: string; attempts: number },
): Promise<boolean> {
  const result = await db.delivery.updateMany({
    where: { id: input.id, status: 'claimed', claimedAt: input.claimedAt, claimedBy: input.claimedBy },
    data: { status: 'failed', error: input.error.slice(0, 1000), attempts: input.attempts },
  });
  return result.count === 1;
}
