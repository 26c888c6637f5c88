import type { Db } from '../../db/client.js';

/**
 * Takes a failed (or abandoned) delivery back for another attempt. Only one caller wins (the row
 * must still have the status and claim time it was read with), so replicas retrying on the same
 * tick send once.
 */
export async function reclaimFailedDelivery(
  db: Db,
  input: { id: number; previousStatus?: string; previousClaimedAt: Date; now: Date; claimedBy?: string },
): Promise<boolean> {
  const result = await db.delivery.updateMany({
    where: { id: input.id, status: input.previousStatus ?? 'failed', claimedAt: input.previousClaimedAt },
    data: { status: 'claimed', claimedAt: input.now, claimedBy: input.claimedBy ?? null },
  });
  return result.count === 1;
}
