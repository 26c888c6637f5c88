import type { Db } from '../../db/client.js';

/** The last calendar day a person's reminders are paused (00:00Z), or null when they are not. */
export async function findPausedUntil(db: Db, slackUserId: string): Promise<Date | null> {
  const user = await db.slackUser.findUnique({ where: { id: slackUserId }, select: { pausedUntil: true } });
  return user?.pausedUntil ?? null;
}
