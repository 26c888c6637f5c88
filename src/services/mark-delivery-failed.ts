import type { Db } from '../db/client.js';

/** Records that a claimed delivery could not be sent (after its retries), with the reason. */
export async function markDeliveryFailed(
  db: Db,
  input: { id: number; error: string; attempts: number },
): Promise<void> {
  await db.delivery.update({
    where: { id: input.id },
    data: { status: 'failed', error: input.error.slice(0, 1000), attempts: input.attempts },
  });
}
