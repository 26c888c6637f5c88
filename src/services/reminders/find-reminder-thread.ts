import type { Db } from '../../db/client.js';

/**
 * The first top-level reminder sent to a person in a reminder cycle (payload `cycle`), which later
 * reminders of the cycle update and thread on; null when there is none yet.
 */
export async function findReminderThread(
  db: Db,
  input: { recipient: string; cycle: string; since: Date },
): Promise<{ id: number; channel: string; ts: string } | null> {
  const rows = await db.delivery.findMany({
    where: {
      kind: 'reminder',
      recipient: input.recipient,
      status: 'sent',
      threadTs: null,
      dueAt: { gte: input.since },
    },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    select: { id: true, channel: true, ts: true, payload: true },
  });
  for (const row of rows) {
    if (!row.channel || !row.ts || !row.payload) continue;
    try {
      const payload = JSON.parse(row.payload) as { cycle?: unknown };
      if (payload.cycle === input.cycle) return { id: row.id, channel: row.channel, ts: row.ts };
    } catch {
      // A payload we did not write is not a reminder cycle.
    }
  }
  return null;
}
