import type { Db } from '../../db/client.js';
import type { HeldClaim } from './mark-delivery-failed.js';

/** Records where a claimed delivery landed in Slack if the claim is still the caller's; false if it was taken over. */
export async function markDeliverySent(
  db: Db,
  input: HeldClaim & { channel: string; ts: string; threadTs?: string | null; now: Date; attempts: number },
): Promise<boolean> {
  const result = await db.delivery.updateMany({
    where: { id: input.id, status: 'claimed', claimedAt: input.claimedAt, claimedBy: input.claimedBy },
    data: {
      status: 'sent',
      channel: input.channel,
      ts: input.ts,
      threadTs: input.threadTs ?? null,
      sentAt: input.now,
      attempts: input.attempts,
      error: null,
    },
  });
  return result.count === 1;
}
