import { dateFromCalendar } from '../../calendar/days.js';
import type { Db } from '../../db/client.js';

/** Pauses a person's reminders up to and including a day ('YYYY-MM-DD'), with an audit record. */
export async function pauseReminders(db: Db, input: { userId: string; until: string; now: Date }): Promise<void> {
  const pausedUntil = dateFromCalendar(input.until);
  await db.$transaction([
    db.slackUser.upsert({
      where: { id: input.userId },
      create: { id: input.userId, pausedUntil },
      update: { pausedUntil },
    }),
    db.auditEvent.create({
      data: {
        at: input.now,
        actorId: input.userId,
        action: 'reminders.pause',
        subject: `user:${input.userId}`,
        detail: JSON.stringify({ until: input.until }),
      },
    }),
  ]);
}
