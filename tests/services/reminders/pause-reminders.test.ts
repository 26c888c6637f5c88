import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFromDate } from '../../../src/calendar/days.js';
import { pauseReminders } from '../../../src/services/reminders/pause-reminders.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

describe.each(PROVIDERS)('pauseReminders on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('stores the last paused day for a new or known person and audits each change', async () => {
    const now = new Date('2026-11-20T01:00:00Z');
    await pauseReminders(database.db, { userId: 'U1', until: '2026-12-10', now });
    await database.db.slackUser.update({ where: { id: 'U1' }, data: { locale: 'en-US' } });
    await pauseReminders(database.db, { userId: 'U1', until: '2026-12-24', now });
    const user = await database.db.slackUser.findUniqueOrThrow({ where: { id: 'U1' } });
    expect(calendarFromDate(user.pausedUntil as Date)).toBe('2026-12-24');
    expect(user.locale).toBe('en-US');
    const audit = await database.db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.subject, a.at.toISOString()])).toEqual([
      ['reminders.pause', 'user:U1', now.toISOString()],
      ['reminders.pause', 'user:U1', now.toISOString()],
    ]);
  });
});
