import type { Db } from '../db/client.js';

/** Records where a claimed delivery landed in Slack (channel and ts), completing it. */
export async function markDeliverySent(
  db: Db,
  input: { id: number; channel: string; ts: string; threadTs?: string | null; now: Date; attempts: number },
): Promise<void> {
  await db.delivery.update({
    where: { id: input.id },
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
}
