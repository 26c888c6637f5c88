import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDisplayNames } from '../../../src/services/people/get-display-names.js';
import { getUserLocale } from '../../../src/services/people/get-user-locale.js';
import { captureLogger } from '../../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

const OWNERS = ['UNAME00001', 'UNAME00002', 'UNAME00003'];
const NAMES: Record<string, string> = { UNAME00001: '板橋 一郎', UNAME00002: '板橋 二郎', UNAME00003: '板橋 三郎' };

/** Answers users.info like Slack for OWNERS, counting the calls per user. */
function slackNames(calls: string[], names: Record<string, string> = NAMES) {
  return nock('https://slack.com')
    .persist()
    .post('/api/users.info')
    .reply(200, (_uri, body) => {
      const user = String((body as Record<string, string>).user ?? new URLSearchParams(String(body)).get('user'));
      calls.push(user);
      return { ok: true, user: { id: user, locale: 'ja-JP', profile: { display_name: names[user] ?? '' } } };
    });
}

describe.each(PROVIDERS)('getDisplayNames on %s', (provider) => {
  let database: TestDatabase;
  const client = new WebClient('xoxb-test', { retryConfig: { retries: 0 } });
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());
  // Each test starts on a day of its own: the process remembers its refreshes for a day.
  beforeEach(async () => {
    nock.cleanAll();
    await database.db.slackUser.deleteMany();
  });

  it('asks users.info at most once per user per day over five send days', async () => {
    const calls: string[] = [];
    slackNames(calls);
    const { logger } = captureLogger();
    let t = new Date('2026-06-01T00:00:00Z');
    const deps = { db: database.db, client, logger, now: () => t };
    const perDay: number[] = [];
    for (let day = 0; day < 5; day++) {
      const before = calls.length;
      // Two sends a day (09:00 and 15:00 JST), each naming the three owners, some twice.
      for (const hour of [0, 6]) {
        t = new Date(Date.UTC(2026, 5, 1 + day, hour));
        const names = await getDisplayNames(deps, [...OWNERS, OWNERS[0] as string]);
        expect(Object.fromEntries(names)).toEqual(NAMES);
      }
      perDay.push(calls.length - before);
    }
    expect(perDay).toEqual([3, 3, 3, 3, 3]);
    expect(calls.length).toBe(15); // without the cache: 3 owners × 2 sends × 5 days = 30
    const rows = await database.db.slackUser.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.displayName, r.locale])).toEqual(OWNERS.map((id) => [id, NAMES[id], 'ja-JP']));
  });

  it('shares one call between sends running at the same time', async () => {
    const calls: string[] = [];
    slackNames(calls);
    const { logger } = captureLogger();
    const deps = { db: database.db, client, logger, now: () => new Date('2026-06-10T00:00:00Z') };
    const all = await Promise.all([1, 2, 3].map(() => getDisplayNames(deps, OWNERS)));
    for (const names of all) expect(Object.fromEntries(names)).toEqual(NAMES);
    expect(calls.sort()).toEqual(OWNERS);
  });

  it('keeps the last known name when Slack fails, and the id when no name is known', async () => {
    const calls: string[] = [];
    slackNames(calls);
    const { logger, lines } = captureLogger();
    let t = new Date('2026-06-20T00:00:00Z');
    const deps = { db: database.db, client, logger, now: () => t };
    await getDisplayNames(deps, [OWNERS[0] as string]);
    nock.cleanAll();
    nock('https://slack.com').persist().post('/api/users.info').reply(200, { ok: false, error: 'fatal_error' });
    t = new Date('2026-06-21T00:00:00Z');
    const names = await getDisplayNames(deps, [OWNERS[0] as string, 'UNEVERSEEN']);
    expect(Object.fromEntries(names)).toEqual({ UNAME00001: '板橋 一郎', UNEVERSEEN: 'UNEVERSEEN' });
    expect(lines.filter((l) => l.includes('users.info failed')).length).toBe(2);
    // The failure is not recorded as a refresh: the next send asks again.
    nock.cleanAll();
    slackNames(calls, { UNAME00001: '板橋 一郎（新）' });
    expect((await getDisplayNames(deps, [OWNERS[0] as string])).get(OWNERS[0] as string)).toBe('板橋 一郎（新）');
  });

  it('uses the name the locale lookup read (one users.info call serves both)', async () => {
    const calls: string[] = [];
    slackNames(calls);
    const { logger } = captureLogger();
    const deps = { db: database.db, client, logger, now: () => new Date('2026-06-30T00:00:00Z') };
    expect(await getUserLocale(deps, OWNERS[1] as string)).toBe('ja');
    expect((await getDisplayNames(deps, [OWNERS[1] as string])).get(OWNERS[1] as string)).toBe('板橋 二郎');
    expect(calls).toEqual([OWNERS[1]]);
  });
});
