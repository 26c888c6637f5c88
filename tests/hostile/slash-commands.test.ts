import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import { nockAuthTest, startTestApp, type TestApp } from '../helpers/slack-driver.js';
import { eventually, health, hostileText, injections, interceptSlack, type SlackTraffic } from './hostile-kit.js';

// Members of 政策経営部 and 総務部, headquarters, and someone in no department.
const USERS = ['USTAFF001', 'USOMU0001', 'UHQ000001', 'UNOBODY01'] as const;
const HQ = 'UHQ000001';

describe('hostile slash-command text', () => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;
  let slack: SlackTraffic;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    org = await seedSmallOrg(database.db);
    // Bolt calls auth.test as soon as the app is built; answered, the first request does not wait for its retry.
    nockAuthTest();
    app = await startTestApp(database, { now: () => new Date('2026-11-20T01:00:00Z'), hqUsers: [HQ] });
  });
  beforeEach(() => {
    slack = interceptSlack();
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  /** Sends the command and waits for what the listener does after the ack (a modal or a reply). */
  async function command(name: '/progress' | '/targets', user: string, text: string) {
    const before = slack.total();
    const res = await app.slashCommand({ command: name, text, user_id: user });
    const answered = await eventually(() => slack.total() > before);
    return { res, answered, sent: [...slack.posts, ...slack.responses].slice(0) };
  }

  it('/progress: any text is acknowledged, answered, escaped, and writes nothing', async () => {
    const stored = await database.db.progressUpdate.count();
    const runs = 40;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...USERS), hostileText, async (user, text) => {
        const { res, answered } = await command('/progress', user, text);
        expect(res.status).toBe(200);
        expect(res.body).toBe('');
        expect(answered).toBe(true);
        for (const body of [...slack.posts, ...slack.responses]) expect(injections(body, [])).toEqual([]);
        expect(await health(app.url)).toBe(200);
      }),
      { numRuns: runs },
    );
    // Someone in a department got the modal; someone in none was told why, by respond().
    expect(slack.views.length + slack.responses.length).toBeGreaterThanOrEqual(runs);
    expect(await database.db.progressUpdate.count()).toBe(stored);
  });

  it('/targets: any text is acknowledged, answered and escaped, and a member never sees another department', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...USERS), hostileText, async (user, text) => {
        const before = slack.responses.length;
        const { res, answered } = await command('/targets', user, text);
        expect(res.status).toBe(200);
        expect(answered).toBe(true);
        const replies = slack.responses.slice(before);
        for (const body of replies) expect(injections(body, ['USTAFF001', 'USTAFF002', 'USOMU0001'])).toEqual([]);
        // Titles and headings, not codes: the "no department matches" reply quotes what was typed.
        const seen = JSON.stringify(replies);
        if (user === 'USOMU0001') expect(seen).not.toMatch(/区公式LINE|補正予算|政策経営部の重点目標/);
        if (user === 'USTAFF001') expect(seen).not.toMatch(/文書管理|総務部の重点目標/);
        if (user === 'UNOBODY01') expect(seen).not.toMatch(/区公式LINE|文書管理|の重点目標（/);
        expect(await health(app.url)).toBe(200);
      }),
      { numRuns: 40 },
    );
    expect(org.targets.sk1).toBeGreaterThan(0);
  });
});
