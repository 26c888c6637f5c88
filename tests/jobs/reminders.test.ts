import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allJobs } from '../../jobs/index.js';
import { remindersJob } from '../../jobs/reminders.js';
import { dateFromCalendar } from '../../src/calendar/days.js';
import { openDatabase } from '../../src/db/client.js';
import { testConfig } from '../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import {
  buildOrganization,
  buttonValues,
  cacheLocales,
  fakeSlack,
  loadExampleOrganization,
  logged,
  reportProgress,
  runTick,
  testSlackClient,
} from '../helpers/reminder-fixtures.js';

// Times are UTC; 00:30Z is 09:30 in Tokyo. The example's 自己評価 window opens Tuesday 2027-06-01.
const FOREVER = new Date('2100-01-01T00:00:00Z');
const WINDOWS = [
  { name: '自己評価', opens: '2027-06-01', closes: '2027-06-20' },
  { name: '本部確認', opens: '2027-06-21', closes: '2027-07-10' },
];

describe('the reminders job', () => {
  it('is registered in allJobs, every minute, in the configured zone', () => {
    const job = allJobs(testConfig({ timeZone: 'Asia/Tokyo' })).find((j) => j.id === 'reminders');
    expect(job).toMatchObject({ cron: '* * * * *', timeZone: 'Asia/Tokyo' });
    expect(job?.schedule).toContain('09:30');
    expect(
      remindersJob(
        testConfig({
          reminders: {
            countdownDays: [7],
            lastDayReminder: true,
            sendTime: '08:45',
            defaultCadence: 'off',
            escalationBusinessDays: 2,
          },
        }),
      ).schedule,
    ).toContain('08:45');
  });
});

describe.each(PROVIDERS)('reminders with the example organisation on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(async () => database?.destroy());

  it('DMs each owner once seven days before 自己評価 opens, and a rerun sends nothing', async () => {
    const example = await loadExampleOrganization(database.db);
    await cacheLocales(database.db, Object.fromEntries(example.owners.map((o) => [o, 'ja-JP'])), FOREVER);
    const slack = fakeSlack();
    const first = await runTick(database, '2027-05-25T00:30:00Z');
    const posts = slack.posts();
    expect(example.owners).toHaveLength(61);
    expect(posts).toHaveLength(61);
    expect(new Set(posts.map((p) => p.body.channel))).toEqual(new Set(example.owners));
    expect(first.result.sent).toBe(61);
    expect(first.result.failed).toBe(0);

    // Each DM lists exactly that owner's targets, each with an open_progress button.
    const owner = 'U0SEISAK01';
    const expected = [...example.ownerByCode.entries()]
      .filter(([, o]) => o === owner)
      .map(([code]) => String(example.targetIdsByCode.get(code)))
      .sort();
    const dm = slack.postsTo(owner)[0];
    expect(buttonValues(dm?.body ?? {}).sort()).toEqual(expected);
    expect(String(dm?.body.text)).toContain('重点目標の進捗報告のお願い');
    expect(JSON.stringify(dm?.body.blocks)).toContain('あと7日');

    // Every delivery is logged with its Slack channel and ts, and recorded as sent.
    const sentLines = logged(first.lines, 'delivery sent');
    expect(sentLines).toHaveLength(61);
    expect(sentLines[0]).toMatchObject({
      kind: 'reminder',
      channel: expect.stringMatching(/^D/),
      ts: expect.any(String),
    });
    expect(await database.db.delivery.count({ where: { kind: 'reminder', status: 'sent' } })).toBe(61);

    const again = await runTick(database, '2027-05-25T00:30:00Z');
    const later = await runTick(database, '2027-05-25T03:00:00Z');
    expect(slack.posts()).toHaveLength(61);
    expect(again.result.sent + later.result.sent).toBe(0);
  });

  it('sends nothing on a national holiday (2027-05-03 憲法記念日) or on a Saturday', async () => {
    await loadExampleOrganization(database.db);
    const slack = fakeSlack();
    const holiday = await runTick(database, '2027-05-03T00:30:00Z');
    const saturday = await runTick(database, '2027-05-22T00:30:00Z');
    expect(slack.posts()).toHaveLength(0);
    expect(holiday.result.sent + saturday.result.sent).toBe(0);
  });

  it('brings a countdown reminder that falls on a closed day forward to the previous business day', async () => {
    // 自己評価 opens Tuesday 6/1: 30 days before is Sunday 5/2 (Golden Week), so it goes out on Friday 4/30.
    const example = await loadExampleOrganization(database.db);
    await cacheLocales(database.db, Object.fromEntries(example.owners.map((o) => [o, 'ja-JP'])), FOREVER);
    const slack = fakeSlack();
    await runTick(database, '2027-04-30T00:30:00Z');
    expect(slack.posts()).toHaveLength(61);
    expect(JSON.stringify(slack.posts()[0]?.body.blocks)).toContain(
      '*自己評価*（6月1日〜6月20日）の受付開始まで、あと32日です',
    );
  });
});

describe.each(PROVIDERS)('countdown reminders on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(async () => database?.destroy());

  async function org(options: { targetsForU1?: number } = {}) {
    const extra = Array.from({ length: options.targetsForU1 ?? 0 }, (_, i) => ({ code: `X-${i + 1}`, owner: 'U1' }));
    const built = await buildOrganization(database.db, {
      windows: WINDOWS,
      departments: [
        {
          code: 'seisaku',
          managers: ['UM1'],
          members: ['U1', 'U2', 'U3'],
          targets: [
            { code: 'SK-1', owner: 'U1' },
            { code: 'SK-2', owner: 'U1' },
            { code: 'SK-3', owner: 'U2' },
            ...extra,
          ],
        },
      ],
    });
    await cacheLocales(database.db, { U1: 'ja-JP', U2: 'ja-JP', U3: 'ja-JP', UM1: 'ja-JP' }, FOREVER);
    return built;
  }

  it('waits for the send time (09:30 Tokyo, whatever the host zone)', async () => {
    await org();
    const slack = fakeSlack();
    await runTick(database, '2027-05-25T00:29:00Z');
    expect(slack.posts()).toHaveLength(0);
    await runTick(database, '2027-05-25T00:30:00Z');
    expect(
      slack
        .posts()
        .map((p) => p.body.channel)
        .sort(),
    ).toEqual(['U1', 'U2']);
  });

  it('does not remind about targets updated since the countdown cycle started', async () => {
    const o = await org();
    // The cycle starts with the first countdown reminder, 2027-04-30 (00:00 Tokyo = 04-29T15:00Z).
    await reportProgress(database.db, o.targetIds['SK-1'] as number, 'U1', new Date('2027-05-10T02:00:00Z'));
    await reportProgress(database.db, o.targetIds['SK-3'] as number, 'U2', new Date('2027-04-29T15:00:00Z'));
    // An update before the cycle does not count.
    await reportProgress(database.db, o.targetIds['SK-2'] as number, 'U1', new Date('2027-04-29T14:59:00Z'));
    const slack = fakeSlack();
    await runTick(database, '2027-05-25T00:30:00Z');
    expect(slack.posts()).toHaveLength(1);
    expect(buttonValues(slack.postsTo('U1')[0]?.body ?? {})).toEqual([String(o.targetIds['SK-2'])]);
  });

  it('catches up a reminder missed while the bot was down, within 24 hours', async () => {
    await org();
    const slack = fakeSlack();
    // Down at 09:30 on 5/25; back at 09:00 on 5/26 (23.5 h later).
    const { lines } = await runTick(database, '2027-05-26T00:00:00Z');
    expect(slack.posts()).toHaveLength(2);
    const row = await database.db.delivery.findUnique({ where: { key: 'reminder:2027-05-25:U1' } });
    expect(row).toMatchObject({ status: 'sent', channel: 'D1' });
    expect(logged(lines, 'delivery sent')).toHaveLength(2);
  });

  it('skips, with a log line, a reminder missed by more than 24 hours', async () => {
    await org();
    const slack = fakeSlack();
    // Back at 10:00 on 5/26 (24.5 h after 5/25 09:30).
    const { lines, result } = await runTick(database, '2027-05-26T01:00:00Z');
    expect(slack.posts()).toHaveLength(0);
    const row = await database.db.delivery.findUnique({ where: { key: 'reminder:2027-05-25:U1' } });
    expect(row?.status).toBe('skipped');
    expect(row?.error).toMatch(/^stale/);
    const skipped = logged(lines, 'delivery skipped').filter((l) => l.key === 'reminder:2027-05-25:U1');
    expect(skipped).toHaveLength(1);
    expect(result.skipped).toBeGreaterThanOrEqual(2);
    // Recorded once: the next tick neither sends nor logs it again.
    const next = await runTick(database, '2027-05-26T01:01:00Z');
    expect(logged(next.lines, 'delivery skipped')).toHaveLength(0);
  });

  it('threads later reminders of the cycle on the first one and refreshes it in place', async () => {
    const o = await org();
    const slack = fakeSlack();
    await runTick(database, '2027-05-18T00:30:00Z'); // 14 days before
    const first = slack.postsTo('U1')[0];
    expect(first?.body.thread_ts).toBeUndefined();
    const firstRow = await database.db.delivery.findUniqueOrThrow({ where: { key: 'reminder:2027-05-18:U1' } });
    // U2 reports in between: no reminder for U2 at 7 days.
    await reportProgress(database.db, o.targetIds['SK-3'] as number, 'U2', new Date('2027-05-20T01:00:00Z'));
    await runTick(database, '2027-05-25T00:30:00Z'); // 7 days before
    expect(slack.postsTo('U2')).toHaveLength(1);
    const update = slack.updates()[0];
    expect(update?.body).toMatchObject({ channel: 'D1', ts: firstRow.ts });
    expect(JSON.stringify(update?.body.blocks)).toContain('更新');
    const reply = slack.postsTo('D1')[0];
    expect(reply?.body.thread_ts).toBe(firstRow.ts);
    expect(String(reply?.body.text)).toContain('あと7日');
    const second = await database.db.delivery.findUniqueOrThrow({ where: { key: 'reminder:2027-05-25:U1' } });
    expect(second.threadTs).toBe(firstRow.ts);
  });

  it('sends one DM per person when two windows remind on the same day', async () => {
    // 6/18 (Fri): last business day of 自己評価 (closes Sunday 6/20) and 本部確認's day-before (6/20 → 6/18).
    await org();
    const slack = fakeSlack();
    await runTick(database, '2027-06-18T00:30:00Z');
    expect(
      slack
        .posts()
        .map((p) => p.body.channel)
        .sort(),
    ).toEqual(['U1', 'U2']);
    const text = JSON.stringify(slack.postsTo('U1')[0]?.body.blocks);
    // One message, naming both windows it serves.
    expect(text).toContain('*自己評価* の受付は6月20日で終了します');
    expect(text).toContain('*本部確認*（6月21日〜7月10日）の受付開始まで、あと3日です');
  });

  it('sends the countdown of a check window to headquarters only, with review buttons (本部確認, 5/21)', async () => {
    const example = await loadExampleOrganization(database.db);
    const slack = fakeSlack();
    await runTick(database, '2027-05-21T00:30:00Z'); // 30 days before 本部確認 (6/21; 5/22 is a Saturday)
    expect(slack.posts().map((p) => p.body.channel)).toEqual(['U0HQ000001']);
    const dm = slack.postsTo('U0HQ000001')[0]?.body ?? {};
    expect(String(dm.text)).toBe(`行政評価の対応のお願い（${example.targetCount}件）`);
    const text = JSON.stringify(dm.blocks);
    expect(text).toContain('*本部確認*（6月21日〜7月10日）の開始まで、あと31日です');
    expect(text).toContain('本部として各部の評価を確認してください');
    const blocks = (dm.blocks ?? []) as { accessory?: { action_id?: string } }[];
    const actions = blocks.flatMap((b) => (b.accessory?.action_id ? [b.accessory.action_id] : []));
    expect(actions).toHaveLength(40);
    expect(new Set(actions)).toEqual(new Set(['review_open']));
    // No progress escalation follows a review-step reminder.
    const delivery = await database.db.delivery.findFirstOrThrow({ where: { recipient: 'U0HQ000001' } });
    expect(await database.db.deliveryTarget.count({ where: { deliveryId: delivery.id } })).toBe(0);

    // 6/18: owners hear of 自己評価's last day only; headquarters of 本部確認 opening tomorrow.
    await runTick(database, '2027-06-18T00:30:00Z');
    const ownerText = JSON.stringify(slack.postsTo('U0SEISAK01')[0]?.body.blocks);
    expect(ownerText).toContain('*自己評価*');
    expect(ownerText).not.toContain('本部確認');
    // Headquarters' first message of the cycle is refreshed, and a nudge goes in its thread.
    const refreshed = slack.updates().find((u) => u.body.channel === 'D0HQ000001');
    expect(JSON.stringify(refreshed?.body.blocks)).toContain('*本部確認*（6月21日〜7月10日）の開始まで、あと3日です');
    expect(String(slack.postsTo('D0HQ000001')[0]?.body.text)).toContain('*本部確認*（7月10日まで）');
  });

  it('writes in English for an English Slack locale', async () => {
    await org();
    await cacheLocales(database.db, { U1: 'en-US' }, FOREVER);
    const slack = fakeSlack();
    await runTick(database, '2027-05-25T00:30:00Z');
    const body = slack.postsTo('U1')[0]?.body ?? {};
    expect(String(body.text)).toContain('Please report progress');
    expect(JSON.stringify(body.blocks)).toContain('opens in 7 days');
    expect(JSON.stringify(slack.postsTo('U2')[0]?.body.blocks)).toContain('あと7日');
  });

  it('summarises beyond 40 targets and stays within 50 blocks', async () => {
    await org({ targetsForU1: 48 });
    const slack = fakeSlack();
    await runTick(database, '2027-05-25T00:30:00Z');
    const body = slack.postsTo('U1')[0]?.body ?? {};
    expect((body.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    expect(buttonValues(body)).toHaveLength(40);
    expect(JSON.stringify(body.blocks)).toContain('ほか10件');
  });

  it('does not remind a person whose reminders are paused, and does after the pause', async () => {
    await org();
    await database.db.slackUser.update({ where: { id: 'U1' }, data: { pausedUntil: dateFromCalendar('2027-05-25') } });
    const slack = fakeSlack();
    const paused = await runTick(database, '2027-05-25T00:30:00Z');
    expect(slack.posts().map((p) => p.body.channel)).toEqual(['U2']);
    expect(paused.result.skipped).toBeGreaterThanOrEqual(1);
    await runTick(database, '2027-05-31T00:30:00Z'); // the day before the window
    expect(slack.postsTo('U1')).toHaveLength(1);
  });
});

describe.each(PROVIDERS)('check-ins on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(async () => database?.destroy());

  async function org(cadence?: string) {
    const built = await buildOrganization(database.db, {
      departments: [
        {
          code: 'a',
          managers: ['UM1'],
          members: ['U1', 'U2'],
          targets: [
            { code: 'A-1', owner: 'U1' },
            { code: 'A-2', owner: 'U2' },
          ],
        },
        { code: 'b', cadence, members: ['U3'], targets: [{ code: 'B-1', owner: 'U3' }] },
      ],
    });
    await cacheLocales(database.db, { U1: 'ja-JP', U2: 'ja-JP', U3: 'ja-JP', UM1: 'ja-JP' }, FOREVER);
    return built;
  }

  it('checks in every other Monday, only with people who have not updated since the last one', async () => {
    const o = await org();
    await reportProgress(database.db, o.targetIds['A-2'] as number, 'U2', new Date('2026-04-10T01:00:00Z'));
    const slack = fakeSlack();
    await runTick(database, '2026-04-13T00:30:00Z'); // an off-week Monday
    expect(slack.posts()).toHaveLength(0);
    await runTick(database, '2026-04-20T00:30:00Z');
    expect(
      slack
        .posts()
        .map((p) => p.body.channel)
        .sort(),
    ).toEqual(['U1', 'U3']);
    expect(JSON.stringify(slack.postsTo('U1')[0]?.body.blocks)).toContain('定例の進捗確認');
  });

  it('moves a holiday Monday to the next business day (Golden Week 2026 → Thursday 5/7)', async () => {
    await org();
    const slack = fakeSlack();
    for (const at of ['2026-05-04T00:30:00Z', '2026-05-05T00:30:00Z', '2026-05-06T00:30:00Z'])
      await runTick(database, at);
    expect(slack.posts()).toHaveLength(0);
    await runTick(database, '2026-05-07T00:30:00Z');
    expect(slack.posts()).toHaveLength(3);
  });

  it('follows a department cadence over the organisation one', async () => {
    await org('weekly');
    const slack = fakeSlack();
    await runTick(database, '2026-04-13T00:30:00Z');
    expect(slack.posts().map((p) => p.body.channel)).toEqual(['U3']);
  });

  it('follows the organisation Setting `cadence` (monthly: first business day)', async () => {
    await org();
    await database.db.setting.create({ data: { key: 'cadence', value: 'monthly' } });
    const slack = fakeSlack();
    await runTick(database, '2026-04-20T00:30:00Z');
    expect(slack.posts()).toHaveLength(0);
    await runTick(database, '2026-05-01T00:30:00Z');
    expect(slack.posts()).toHaveLength(3);
  });

  it('is silent through 年末年始 and checks in on the first business day after', async () => {
    await org('weekly');
    const slack = fakeSlack();
    for (const day of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) {
      await runTick(database, `${day}T00:30:00Z`);
    }
    expect(slack.posts()).toHaveLength(0);
    await runTick(database, '2027-01-04T00:30:00Z');
    expect(slack.posts().map((p) => p.body.channel)).toEqual(['U3']);
  });
});

describe.each(PROVIDERS)('escalation on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(async () => database?.destroy());

  async function org(leadershipChannel: string | null = 'C0LEAD0001', managers = ['UM1']) {
    const built = await buildOrganization(database.db, {
      leadershipChannel,
      windows: WINDOWS,
      departments: [
        {
          code: 'seisaku',
          name: '政策経営部',
          managers,
          members: ['U1', 'U2', 'U3'],
          targets: [
            { code: 'SK-1', owner: 'U1' },
            { code: 'SK-2', owner: 'U2' },
          ],
        },
      ],
    });
    await cacheLocales(
      database.db,
      { U1: 'ja-JP', U2: 'ja-JP', U3: 'ja-JP', UM1: 'ja-JP', UHQ1: 'en-US', UHQ2: 'ja-JP' },
      FOREVER,
    );
    return built;
  }

  it('tells the managers after 2 business days of silence, then headquarters 2 business days later', async () => {
    const o = await org();
    const slack = fakeSlack({ names: { U1: '山田 太郎' } });
    await runTick(database, '2027-05-25T00:30:00Z'); // reminders to U1 and U2 (Tuesday)
    await reportProgress(database.db, o.targetIds['SK-2'] as number, 'U2', new Date('2027-05-26T02:00:00Z'));
    await runTick(database, '2027-05-26T00:30:00Z');
    expect(slack.postsTo('UM1')).toHaveLength(0);
    await runTick(database, '2027-05-27T00:29:00Z');
    expect(slack.postsTo('UM1')).toHaveLength(0);

    await runTick(database, '2027-05-27T00:30:00Z'); // Thursday: two business days later
    const toManager = slack.postsTo('UM1');
    expect(toManager).toHaveLength(1);
    const managerText = JSON.stringify(toManager[0]?.body.blocks);
    expect(managerText).toContain('SK-1');
    expect(managerText).toContain('<@U1>');
    expect(managerText).not.toContain('SK-2');
    await runTick(database, '2027-05-27T00:31:00Z');
    await runTick(database, '2027-05-28T00:30:00Z');
    expect(slack.postsTo('UM1')).toHaveLength(1);
    expect(slack.postsTo('C0LEAD0001')).toHaveLength(0);

    await runTick(database, '2027-05-31T00:30:00Z'); // Monday: two more business days
    const toHq = slack.postsTo('C0LEAD0001');
    expect(toHq).toHaveLength(1);
    const hqText = JSON.stringify(toHq[0]?.body.blocks);
    expect(hqText).toContain('SK-1');
    expect(hqText).toContain('山田 太郎');
    expect(hqText).not.toContain('<@');
    expect(String(toHq[0]?.body.text)).not.toContain('<@');
    await runTick(database, '2027-05-31T00:35:00Z');
    expect(slack.postsTo('C0LEAD0001')).toHaveLength(1);
  });

  it('escalates each reminder on its own schedule when a later reminder goes out on an escalation day', async () => {
    // 5/21 (本部確認, 30 days) escalates to managers on 5/25, the day of 自己評価's 7-day reminder;
    // that one escalates on 5/27, and headquarters hears of both chains (5/27 and 5/31).
    await org();
    const slack = fakeSlack();
    for (const day of ['05-21', '05-24', '05-25', '05-26', '05-27', '05-28', '05-31']) {
      await runTick(database, `2027-${day}T00:30:00Z`);
      await runTick(database, `2027-${day}T00:31:00Z`);
    }
    expect(slack.postsTo('UM1')).toHaveLength(2);
    const escalations = await database.db.delivery.findMany({
      where: { kind: { in: ['escalation-manager', 'escalation-hq'] } },
      orderBy: [{ dueAt: 'asc' }, { key: 'asc' }],
      select: { key: true, status: true },
    });
    expect(escalations).toEqual([
      { key: 'escalation-manager:2027-05-25:UM1', status: 'sent' },
      { key: 'escalation-hq:2027-05-27:C0LEAD0001', status: 'sent' },
      { key: 'escalation-manager:2027-05-27:UM1', status: 'sent' },
      { key: 'escalation-hq:2027-05-31:C0LEAD0001', status: 'sent' },
    ]);
    expect(slack.postsTo('C0LEAD0001')).toHaveLength(2);
  });

  it('sends the countdown of an approve window to the department’s managers about targets not yet approved', async () => {
    const o = await buildOrganization(database.db, {
      windows: [{ name: '部長承認', opens: '2027-06-21', closes: '2027-07-10', role: 'approve' }],
      departments: [
        {
          code: 'seisaku',
          managers: ['UM1'],
          members: ['U1', 'U2'],
          targets: [
            { code: 'SK-1', owner: 'U1' },
            { code: 'SK-2', owner: 'U2' },
          ],
        },
      ],
    });
    await database.db.reviewStep.create({
      data: { targetId: o.targetIds['SK-2'] as number, step: 'self', grade: 'B', actorId: 'U2' },
    });
    await database.db.reviewStep.create({
      data: { targetId: o.targetIds['SK-2'] as number, step: 'approve', actorId: 'UM1' },
    });
    const slack = fakeSlack();
    await runTick(database, '2027-05-21T00:30:00Z');
    expect(slack.posts().map((p) => p.body.channel)).toEqual(['UM1']);
    const text = JSON.stringify(slack.postsTo('UM1')[0]?.body.blocks);
    expect(text).toContain('所属部の重点目標の自己評価を承認してください');
    expect(text).toContain('SK-1');
    expect(text).not.toContain('SK-2');
  });

  it('counts business days: a Friday reminder before Golden Week escalates on the second business day after it', async () => {
    await org();
    const slack = fakeSlack();
    await runTick(database, '2027-04-30T00:30:00Z'); // 30 days before (moved from Sunday 5/2)
    expect(slack.postsTo('U1')).toHaveLength(1);
    await runTick(database, '2027-05-06T00:30:00Z'); // first business day after: not yet
    expect(slack.postsTo('UM1')).toHaveLength(0);
    await runTick(database, '2027-05-07T00:30:00Z');
    expect(slack.postsTo('UM1')).toHaveLength(1);
  });

  it('sends the headquarters summary to the HQ users when the year has no leadership channel', async () => {
    await org(null);
    await database.db.setting.create({ data: { key: 'hq_users', value: JSON.stringify(['UHQ2']) } });
    const slack = fakeSlack();
    const config = { hqUsers: ['UHQ1'] };
    for (const at of ['2027-05-25T00:30:00Z', '2027-05-27T00:30:00Z', '2027-05-31T00:30:00Z']) {
      await runTick(database, at, { config });
    }
    expect(slack.postsTo('UHQ1')).toHaveLength(1);
    expect(slack.postsTo('UHQ2')).toHaveLength(1);
    expect(JSON.stringify(slack.postsTo('UHQ1')[0]?.body.blocks)).toContain('business days after their managers');
    expect(JSON.stringify(slack.postsTo('UHQ2')[0]?.body.blocks)).not.toContain('<@');
  });

  it('does not escalate a target handed to someone else after the reminder', async () => {
    const o = await org();
    const slack = fakeSlack();
    await runTick(database, '2027-05-25T00:30:00Z');
    await database.db.target.update({ where: { id: o.targetIds['SK-1'] as number }, data: { ownerId: 'U3' } });
    await database.db.target.update({ where: { id: o.targetIds['SK-2'] as number }, data: { ownerId: 'U3' } });
    await runTick(database, '2027-05-27T00:30:00Z');
    expect(slack.postsTo('UM1')).toHaveLength(0);
  });

  it('goes on to headquarters when the department has no manager to tell', async () => {
    await org('C0LEAD0001', []);
    const slack = fakeSlack();
    await runTick(database, '2027-05-25T00:30:00Z');
    const { lines } = await runTick(database, '2027-05-27T00:30:00Z');
    expect(logged(lines, 'delivery skipped').some((l) => String(l.reason).startsWith('no_recipient'))).toBe(true);
    await runTick(database, '2027-05-31T00:30:00Z');
    expect(slack.postsTo('C0LEAD0001')).toHaveLength(1);
  });
});

describe.each(PROVIDERS)('failed sends on %s', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
    await buildOrganization(database.db, {
      windows: WINDOWS,
      departments: [{ code: 'a', members: ['U1'], targets: [{ code: 'A-1', owner: 'U1' }] }],
    });
    await cacheLocales(database.db, { U1: 'ja-JP' }, FOREVER);
  });
  afterEach(async () => database?.destroy());

  it('records a permanent failure and does not retry it', async () => {
    const scope = (await import('nock'))
      .default('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(200, { ok: false, error: 'user_not_found' });
    const { result, lines } = await runTick(database, '2027-05-25T00:30:00Z');
    expect(scope.isDone()).toBe(true);
    expect(result.failed).toBe(1);
    const row = await database.db.delivery.findUniqueOrThrow({ where: { key: 'reminder:2027-05-25:U1' } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.error).toMatch(/^\[permanent\] user_not_found/);
    expect(logged(lines, 'delivery failed')).toHaveLength(1);
    const slack = fakeSlack();
    await runTick(database, '2027-05-25T01:30:00Z');
    expect(slack.posts()).toHaveLength(0);
  });

  it('retries a transient failure on a later tick (after a pause) and then sends it once', async () => {
    const nock = (await import('nock')).default;
    // Three answers: the WebClient's own attempts (FAST_RETRIES) within the first try.
    const unavailable = nock('https://slack.com').post('/api/chat.postMessage').times(3).reply(503, 'unavailable');
    const first = await runTick(database, '2027-05-25T00:30:00Z');
    expect(unavailable.isDone()).toBe(true);
    expect(first.result.failed).toBe(1);
    const failed = await database.db.delivery.findUniqueOrThrow({ where: { key: 'reminder:2027-05-25:U1' } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error).toMatch(/^\[retryable\] http_503/);

    const slack = fakeSlack();
    await runTick(database, '2027-05-25T00:31:00Z'); // too soon
    expect(slack.posts()).toHaveLength(0);
    const retry = await runTick(database, '2027-05-25T00:36:00Z');
    expect(retry.result.sent).toBe(1);
    expect(slack.posts()).toHaveLength(1);
    const sent = await database.db.delivery.findUniqueOrThrow({ where: { key: 'reminder:2027-05-25:U1' } });
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, error: null });
    await runTick(database, '2027-05-25T01:00:00Z');
    expect(slack.posts()).toHaveLength(1);
  });

  it('honours 429 Retry-After through the WebClient: one message, sent after the wait', async () => {
    const nock = (await import('nock')).default;
    const order: string[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(() => {
        order.push('429');
        return [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' }];
      });
    const slack = fakeSlack();
    const { result, lines } = await runTick(database, '2027-05-25T00:30:00Z');
    expect(result.sent).toBe(1);
    expect(slack.posts()).toHaveLength(1);
    expect(order).toEqual(['429']);
    expect(logged(lines, 'slack rate limited; client paused')).toEqual([
      expect.objectContaining({ method: 'chat.postMessage', retryAfterMs: 1000 }),
    ]);
    const row = await database.db.delivery.findUniqueOrThrow({ where: { key: 'reminder:2027-05-25:U1' } });
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

// PostgreSQL only: two replicas share a database server. (Two better-sqlite3 connections in one
// process cannot race fairly: a synchronous busy-wait in one blocks the event loop the other needs.)
describe.each(['postgresql'] as const)('two app instances racing on one %s database', (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(async () => database?.destroy());

  it('send exactly one DM per person for the same tick', async () => {
    const example = await loadExampleOrganization(database.db);
    await cacheLocales(database.db, Object.fromEntries(example.owners.map((o) => [o, 'ja-JP'])), FOREVER);
    const other = await openDatabase(database.url);
    try {
      const slack = fakeSlack();
      const [a, b] = await Promise.all([
        runTick(database, '2027-05-25T00:30:00Z', { slack: testSlackClient(), claimedBy: 'replica-a' }),
        runTick({ db: other.db, url: database.url }, '2027-05-25T00:30:00Z', {
          slack: testSlackClient(),
          claimedBy: 'replica-b',
        }),
      ]);
      const channels = slack.posts().map((p) => String(p.body.channel));
      const duplicates = channels.length - new Set(channels).size;
      expect(duplicates).toBe(0);
      expect(channels).toHaveLength(61);
      expect(a.result.sent + b.result.sent).toBe(61);
      const claimedBy = await database.db.delivery.groupBy({
        by: ['claimedBy'],
        where: { status: 'sent' },
        _count: true,
      });
      expect(claimedBy.reduce((n, g) => n + g._count, 0)).toBe(61);
    } finally {
      await other.close();
    }
  });
});
