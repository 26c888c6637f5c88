import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../../src/calendar/days.js';
import { listPausedUsers } from '../../../src/services/reminders/list-paused-users.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

describe.each(PROVIDERS)('listPausedUsers on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await database.db.slackUser.createMany({
      data: [
        { id: 'U1', pausedUntil: dateFromCalendar('2026-12-10') },
        { id: 'U2', pausedUntil: dateFromCalendar('2026-12-09') },
        { id: 'U3' },
      ],
    });
  });
  afterAll(async () => database?.destroy());

  it('includes the last paused day itself', async () => {
    const paused = await listPausedUsers(database.db, { userIds: ['U1', 'U2', 'U3', 'U4'], day: '2026-12-10' });
    expect([...paused.entries()]).toEqual([['U1', '2026-12-10']]);
    expect((await listPausedUsers(database.db, { userIds: ['U1', 'U2'], day: '2026-12-01' })).size).toBe(2);
    expect((await listPausedUsers(database.db, { userIds: [], day: '2026-12-01' })).size).toBe(0);
  });
});
