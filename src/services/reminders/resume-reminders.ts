import { calendarFromDate, dateFromCalendar } from '../../calendar/days.js';
import type { Db } from '../../db/client.js';

/**
 * Ends a person's pause. Returns false (and changes nothing) when their reminders were not paused
 * on `today`; otherwise clears the pause and records it.
 */
export async function resumeReminders(db: Db, input: { userId: string; today: string; now: Date }): Promise<boolean> {
  const user = await db.slackUser.findUnique({ where: { id: input.userId }, select: { pausedUntil: true } });
  if (!user?.pausedUntil || user.pausedUntil < dateFromCalendar(input.today)) return false;
  await db.$transaction([
    db.slackUser.update({ where: { id: input.userId }, data: { pausedUntil: null } }),
    db.auditEvent.create({
      data: {
        at: input.now,
        actorId: input.userId,
        action: 'reminders.resume',
        subject: `user:${input.userId}`,
        detail: JSON.stringify({ wasPausedUntil: calendarFromDate(user.pausedUntil) }),
      },
    }),
  ]);
  return true;
}
