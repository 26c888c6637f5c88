import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../src/calendar/days.js';
import { planReminders } from '../../src/reminders/plan-reminders.js';
import { testConfig } from '../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { buildOrganization } from '../helpers/reminder-fixtures.js';

const rules = testConfig().reminders;
const DAY = 24 * 3600 * 1000;

describe.each(PROVIDERS)('planReminders on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await buildOrganization(database.db, {
      windows: [
        { name: '自己評価', opens: '2027-06-01', closes: '2027-06-20' },
        { name: '本部確認', opens: '2027-06-21', closes: '2027-07-10' },
      ],
      departments: [
        {
          code: 'a',
          members: ['U1', 'U2'],
          targets: [{ code: 'A-1', owner: 'U1' }, { code: 'A-2', owner: 'U2' }, { code: 'A-3' }],
        },
      ],
    });
    await database.db.slackUser.create({ data: { id: 'U2', pausedUntil: dateFromCalendar('2027-06-18') } });
  });
  afterAll(async () => database?.destroy());

  const plan = (at: string, catchUpMs = DAY) =>
    planReminders(database.db, { now: new Date(at), timeZone: 'Asia/Tokyo', rules, catchUpMs });

  it('plans one item per owner and day, keyed by day and person, merging windows', async () => {
    const p = await plan('2027-06-18T00:30:00Z');
    expect(p).toMatchObject({ today: '2027-06-18', businessDay: true });
    const live = p.items.filter((i) => i.relevance === 'live');
    expect(live.map((i) => i.key)).toEqual(['reminder:2027-06-18:U1']);
    expect(live[0]?.cycle).toMatch(/^countdown:/);
    expect(live[0]?.reasons.map((r) => r.kind)).toEqual(['last-day', 'countdown']);
    expect(live[0]?.targets.map((t) => t.code)).toEqual(['A-1']);
    expect(p.paused.map((x) => [x.recipient, x.until])).toContainEqual(['U2', '2027-06-18']);
  });

  it('marks slots older than the catch-up bound as stale and ignores slots not yet due', async () => {
    const p = await plan('2027-06-14T00:29:00Z', 6 * DAY);
    // 6/14 09:30 (本部確認 7 days before) is not due yet; 6/07 (14 days before) is 7 days old.
    expect(p.items.map((i) => [i.day, i.relevance])).toEqual([['2027-06-07', 'stale']]);
    expect((await plan('2027-06-14T00:29:00Z', 8 * DAY)).items.map((i) => i.relevance)).toEqual(['live']);
  });

  it('plans nothing on a closed day beyond what earlier days left', async () => {
    const p = await plan('2027-06-19T00:30:00Z');
    expect(p.businessDay).toBe(false);
    expect(p.items.every((i) => i.day < '2027-06-19')).toBe(true);
  });
});
