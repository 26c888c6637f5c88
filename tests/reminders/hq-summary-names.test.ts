import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { buildOrganization, cacheLocales, fakeSlack, runTick } from '../helpers/reminder-fixtures.js';

// Times are UTC; 00:30Z is 09:30 in Tokyo.
const FOREVER = new Date('2100-01-01T00:00:00Z');
const WINDOWS = [
  { name: '自己評価', opens: '2027-06-01', closes: '2027-06-20' },
  { name: '本部確認', opens: '2027-06-21', closes: '2027-07-10' },
];
const OWNERS = ['U1', 'U2', 'U3'];

describe.each(PROVIDERS)('owner names in the headquarters summaries on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(async () => database?.destroy());

  it('come from the name cache: users.info at most once per owner per day, however many summaries', async () => {
    // No leadership channel: every HQ user gets a summary of their own, all naming the same owners.
    await buildOrganization(database.db, {
      leadershipChannel: null,
      windows: WINDOWS,
      departments: [
        {
          code: 'seisaku',
          name: '政策経営部',
          managers: ['UM1'],
          members: OWNERS,
          targets: OWNERS.map((owner, i) => ({ code: `SK-${i + 1}`, owner })),
        },
      ],
    });
    const hqUsers = ['UHQ1', 'UHQ2', 'UHQ3'];
    // Languages are cached, so every users.info call below is for a name.
    const people = [...OWNERS, 'UM1', ...hqUsers];
    await cacheLocales(database.db, Object.fromEntries(people.map((id) => [id, 'ja-JP'])), FOREVER);
    const slack = fakeSlack({ names: { U1: '山田 太郎', U2: '佐藤 花子', U3: '鈴木 一郎' } });
    const namesAsked = () => slack.calls.filter((c) => c.method === 'users.info').length;
    const perDay: Record<string, number> = {};
    // 5/21 (本部確認, 30 days) and 5/25 (自己評価, 7 days) remind; headquarters hears on 5/27 and 5/31.
    for (const day of ['05-21', '05-24', '05-25', '05-26', '05-27', '05-28', '05-31']) {
      const before = namesAsked();
      for (const time of ['00:30', '00:31', '06:00']) {
        await runTick(database, `2027-${day}T${time}:00Z`, { config: { hqUsers } });
      }
      perDay[day] = namesAsked() - before;
    }
    const summaries = hqUsers.flatMap((id) => slack.postsTo(id));
    expect(summaries).toHaveLength(6); // 3 HQ users × 2 days
    for (const summary of summaries) expect(JSON.stringify(summary.body.blocks)).toContain('山田 太郎');
    // Without the cache: 3 owners × 6 summaries = 18 users.info calls.
    expect(perDay).toEqual({ '05-21': 0, '05-24': 0, '05-25': 0, '05-26': 0, '05-27': 3, '05-28': 0, '05-31': 3 });
  });
});
