import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../../src/calendar/days.js';
import { resumeReminders } from '../../../src/services/reminders/resume-reminders.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

describe.each(PROVIDERS)('resumeReminders on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('clears a current pause and audits it; an expired or missing pause is a no-op', async () => {
    const now = new Date('2026-11-20T01:00:00Z');
    await database.db.slackUser.createMany({
      data: [
        { id: 'U1', pausedUntil: dateFromCalendar('2026-11-20') },
        { id: 'U2', pausedUntil: dateFromCalendar('2026-11-19') },
      ],
    });
    expect(await resumeReminders(database.db, { userId: 'U1', today: '2026-11-20', now })).toBe(true);
    expect(await resumeReminders(database.db, { userId: 'U2', today: '2026-11-20', now })).toBe(false);
    expect(await resumeReminders(database.db, { userId: 'U9', today: '2026-11-20', now })).toBe(false);
    expect((await database.db.slackUser.findUniqueOrThrow({ where: { id: 'U1' } })).pausedUntil).toBeNull();
    const audit = await database.db.auditEvent.findMany();
    expect(audit.map((a) => [a.action, a.subject, a.detail])).toEqual([
      ['reminders.resume', 'user:U1', '{"wasPausedUntil":"2026-11-20"}'],
    ]);
  });
});
