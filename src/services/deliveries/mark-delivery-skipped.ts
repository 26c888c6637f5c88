import type { Db } from '../../db/client.js';

/** Records that a claimed delivery was deliberately not sent (too late, nobody to send to), and why. */
export async function markDeliverySkipped(db: Db, input: { id: number; reason: string }): Promise<void> {
  await db.delivery.update({
    where: { id: input.id },
    data: { status: 'skipped', error: input.reason.slice(0, 1000) },
  });
}
