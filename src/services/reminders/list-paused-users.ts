import { calendarFromDate, dateFromCalendar } from '../../calendar/days.js';
import type { Db } from '../../db/client.js';

/** Of the given users, those whose reminders are paused on day ('YYYY-MM-DD'), with the last paused day. */
export async function listPausedUsers(db: Db, input: { userIds: string[]; day: string }): Promise<Map<string, string>> {
  if (input.userIds.length === 0) return new Map();
  const ids = [...new Set(input.userIds)];
  const paused = new Map<string, string>();
  // Chunked: SQLite allows 999 bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.slackUser.findMany({
      where: { id: { in: ids.slice(i, i + 500) }, pausedUntil: { gte: dateFromCalendar(input.day) } },
      select: { id: true, pausedUntil: true },
    });
    for (const r of rows) paused.set(r.id, calendarFromDate(r.pausedUntil as Date));
  }
  return paused;
}
