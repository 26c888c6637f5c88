import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import { nockAuthTest, startTestApp, type TestApp } from '../helpers/slack-driver.js';
import { eventually, health, hostileText, injections, interceptSlack, type SlackTraffic } from './hostile-kit.js';

const HQ = 'UHQ000001';
const MEMBER = 'USOMU0001'; // 総務部 only

/** Ways a member might name a department: exact, shouted, full-width, a fragment, padded. */
const spelling = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  (s: string) =>
    Array.from(s)
      .slice(0, Math.max(1, Math.ceil(Array.from(s).length / 2)))
      .join(''),
  (s: string) => `  ${s}\t`,
);

describe('/targets by department name: a member never sees another department', () => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;
  let slack: SlackTraffic;
  let n = 0;

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

  async function targets(user: string, text: string): Promise<unknown[]> {
    const before = slack.responses.length;
    const res = await app.slashCommand({ command: '/targets', text, user_id: user });
    expect(res.status).toBe(200);
    expect(await eventually(() => slack.responses.length > before)).toBe(true);
    return slack.responses.slice(before);
  }

  it('holds for any department name, English name and spelling', async () => {
    const name = hostileText.map((s) => s.slice(0, 100)).filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(name, fc.option(name, { nil: null }), spelling, fc.boolean(), async (ja, en, spell, byEn) => {
        n += 1;
        const code = `hx${n}`;
        const secret = `HX-${n}`;
        const department = await database.db.department.create({
          data: {
            code,
            name: ja,
            nameEn: en,
            sortOrder: 100 + n,
            people: { create: { slackUserId: 'UOTHER001', role: 'member' } },
          },
        });
        await database.db.target.create({
          data: {
            fiscalYearId: org.fiscalYearId,
            departmentId: department.id,
            code: secret,
            category: '施策',
            title: `機密の重点目標 ${n}`,
            sortOrder: 0,
          },
        });
        const query = spell(byEn && en ? en : ja);
        const seenByMember = JSON.stringify(await targets(MEMBER, query.trim() === '' ? code : query));
        expect(seenByMember).not.toContain(secret);
        expect(seenByMember).not.toContain(`機密の重点目標 ${n}`);
        expect(JSON.stringify(await targets(MEMBER, code))).not.toContain(secret);

        // Headquarters does see it (so the member's answer above could have failed), escaped.
        const seenByHq = await targets(HQ, code);
        expect(JSON.stringify(seenByHq)).toContain(secret);
        for (const body of seenByHq) expect(injections(body, [])).toEqual([]);
        expect(await health(app.url)).toBe(200);
      }),
      { numRuns: 30 },
    );
  });
});
