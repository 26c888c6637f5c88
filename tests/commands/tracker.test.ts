import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { trackerVerbs } from '../../commands/tracker.js';
import { calendarFromDate } from '../../src/calendar/days.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { buildOrganization, cacheLocales, logged, type SmallOrg } from '../helpers/reminder-fixtures.js';
import { nockAuthTest, startTestApp, type TestApp, waitFor } from '../helpers/slack-driver.js';

const NOW = new Date('2026-11-20T01:00:00Z'); // Friday 10:00 in Tokyo
const RESPONSE_PATH = '/commands/1234/5678'; // the fixture's response_url

/** Captures the next ephemeral reply the command sends to its response_url. */
function nextReply(): () => Record<string, unknown> | undefined {
  let body: Record<string, unknown> | undefined;
  nock('https://hooks.slack.com')
    .post(RESPONSE_PATH, (b) => {
      body = b as Record<string, unknown>;
      return true;
    })
    .reply(200, 'ok');
  return () => body;
}

async function run(app: TestApp, userId: string, text: string): Promise<Record<string, unknown>> {
  const reply = nextReply();
  const res = await app.slashCommand({ command: '/tracker', text, user_id: userId });
  expect(res.status).toBe(200);
  await waitFor(() => reply() !== undefined);
  const body = reply() as Record<string, unknown>;
  expect(body.response_type).toBe('ephemeral');
  return body;
}

describe('the /tracker verb map', () => {
  it('offers pause, resume and reassign (help is built from the map)', () => {
    expect(Object.keys(trackerVerbs)).toEqual(expect.arrayContaining(['pause', 'resume', 'reassign']));
  });
});

describe.each(PROVIDERS)('/tracker on %s', (provider) => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SmallOrg;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await buildOrganization(database.db, {
      departments: [
        {
          code: 'seisaku',
          name: '政策経営部',
          managers: ['UMGR1'],
          members: ['U1', 'U2'],
          targets: [{ code: 'SK-1', owner: 'U1', title: '区公式LINEの開設' }],
        },
        {
          code: 'somu',
          name: '総務部',
          managers: ['UMGR2'],
          members: ['U3'],
          targets: [{ code: 'SM-1', owner: 'U3' }],
        },
      ],
    });
    await cacheLocales(
      database.db,
      { U1: 'ja-JP', U2: 'ja-JP', U3: 'ja-JP', UMGR1: 'ja-JP', UMGR2: 'ja-JP', UHQ1: 'ja-JP', UEN1: 'en-US' },
      new Date('2100-01-01T00:00:00Z'),
    );
    nockAuthTest();
    app = await startTestApp(database, { now: () => NOW, hqUsers: ['UHQ1'] });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });
  beforeEach(() => {
    nockAuthTest();
  });

  it('lists the verbs for help, for an empty command and for an unknown one', async () => {
    const help = String((await run(app, 'U1', 'help')).text);
    for (const name of ['pause until', 'resume', 'reassign', 'help']) expect(help).toContain(`/tracker ${name}`);
    expect(String((await run(app, 'U1', '')).text)).toContain('/tracker pause until');
    const unknown = String((await run(app, 'U1', 'frobnicate <@U9>')).text);
    expect(unknown).toContain('「frobnicate」というサブコマンドはありません');
    expect(unknown).toContain('/tracker resume');
  });

  it('pauses until a day, with or without "until", and records it', async () => {
    const reply = String((await run(app, 'U1', 'pause until 2026-12-10')).text);
    expect(reply).toContain('12月10日まで停止しました');
    expect(reply).toContain('12月11日から再開します');
    const user = await database.db.slackUser.findUniqueOrThrow({ where: { id: 'U1' } });
    expect(calendarFromDate(user.pausedUntil as Date)).toBe('2026-12-10');
    await run(app, 'U2', 'pause 2026/12/24');
    const u2 = await database.db.slackUser.findUniqueOrThrow({ where: { id: 'U2' } });
    expect(calendarFromDate(u2.pausedUntil as Date)).toBe('2026-12-24');
    const audit = await database.db.auditEvent.findMany({
      where: { action: 'reminders.pause' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.actorId, a.subject, a.detail])).toEqual([
      ['U1', 'user:U1', '{"until":"2026-12-10"}'],
      ['U2', 'user:U2', '{"until":"2026-12-24"}'],
    ]);
  });

  it('reads the day as 2026/12/28, 12/28, 12月28日 or 令和8年12月28日', async () => {
    for (const [text, day] of [
      ['pause until 12/28', '2026-12-28'],
      ['pause until 2026/12/27', '2026-12-27'],
      ['pause 12月26日まで', '2026-12-26'],
      ['pause until 令和8年12月25日', '2026-12-25'],
      ['pause until １２月２４日', '2026-12-24'],
      // Already past in this year: the next one.
      ['pause until 1/5', '2027-01-05'],
    ]) {
      const reply = String((await run(app, 'UMGR2', text as string)).text);
      expect(reply, text).toContain('停止しました');
      const user = await database.db.slackUser.findUniqueOrThrow({ where: { id: 'UMGR2' } });
      expect(calendarFromDate(user.pausedUntil as Date), text).toBe(day);
    }
  });

  it('says which forms a date may take when it cannot read one', async () => {
    const reply = String((await run(app, 'U3', 'pause until 2026/13/45')).text);
    expect(reply).toContain('「2026/13/45」は日付として読めません');
    expect(reply).toContain('2026-12-28、2026/12/28、12/28、12月28日、令和8年12月28日');
    expect(await database.db.slackUser.findUnique({ where: { id: 'U3' } })).toMatchObject({ pausedUntil: null });
  });

  it('refuses a missing, unreadable, past or too distant date politely and stores nothing', async () => {
    expect(String((await run(app, 'U3', 'pause')).text)).toContain('/tracker pause until 2026-12-10');
    expect(String((await run(app, 'U3', 'pause until next<!channel>')).text)).toContain(
      '「next&lt;!channel&gt;」は日付として読めません',
    );
    expect(String((await run(app, 'U3', 'pause until 2026-11-19')).text)).toContain('11月19日はすでに過ぎています');
    expect(String((await run(app, 'U3', 'pause until 2028-01-01')).text)).toContain('停止できるのは');
    expect(await database.db.slackUser.findUnique({ where: { id: 'U3' } })).toMatchObject({ pausedUntil: null });
  });

  it('resumes, and says so when nothing was paused', async () => {
    await database.db.slackUser.update({
      where: { id: 'U1' },
      data: { pausedUntil: new Date('2026-12-10T00:00:00Z') },
    });
    expect(String((await run(app, 'U1', 'resume')).text)).toContain('再開しました');
    expect((await database.db.slackUser.findUniqueOrThrow({ where: { id: 'U1' } })).pausedUntil).toBeNull();
    expect(await database.db.auditEvent.count({ where: { action: 'reminders.resume', actorId: 'U1' } })).toBe(1);
    expect(String((await run(app, 'U1', 'resume')).text)).toContain('停止されていません');
  });

  it('lets a manager reassign a target named by an escaped mention, and records it', async () => {
    const reply = String((await run(app, 'UMGR1', 'reassign SK-1 <@U2|hanako>')).text);
    expect(reply).toBe('✅ SK-1「区公式LINEの開設」の担当者を <@U1> から <@U2> さんに変更しました。');
    const target = await database.db.target.findUniqueOrThrow({ where: { id: org.targetIds['SK-1'] as number } });
    expect(target.ownerId).toBe('U2');
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'target.reassign' } });
    expect(audit).toMatchObject({ actorId: 'UMGR1', subject: `target:${target.id}` });
    expect(JSON.parse(audit.detail as string)).toMatchObject({ code: 'SK-1', from: 'U1', to: 'U2', as: 'manager' });
  });

  it('lets headquarters reassign with a raw user id', async () => {
    await run(app, 'UHQ1', 'reassign sk-1 U1');
    const target = await database.db.target.findUniqueOrThrow({ where: { id: org.targetIds['SK-1'] as number } });
    expect(target.ownerId).toBe('U1');
  });

  it('politely refuses someone who is neither a manager of the department nor HQ (error path)', async () => {
    const before = await database.db.auditEvent.count({ where: { action: 'target.reassign' } });
    const asMember = String((await run(app, 'U2', 'reassign SK-1 <@U2|hanako>')).text);
    expect(asMember).toContain('担当者を変更できるのは、政策経営部の所属長または本部');
    const otherManager = String((await run(app, 'UMGR2', 'reassign SK-1 <@U2>')).text);
    expect(otherManager).toContain('政策経営部の所属長');
    const target = await database.db.target.findUniqueOrThrow({ where: { id: org.targetIds['SK-1'] as number } });
    expect(target.ownerId).toBe('U1');
    expect(await database.db.auditEvent.count({ where: { action: 'target.reassign' } })).toBe(before);
    expect(logged(app.lines, 'tracker failed').some((l) => l.code === 'not_allowed')).toBe(true);
  });

  it('explains unknown targets, non-members, plain @names and missing arguments', async () => {
    expect(String((await run(app, 'UMGR1', 'reassign XX-9 <@U2>')).text)).toContain(
      '「XX-9」の重点目標が見つかりません',
    );
    expect(String((await run(app, 'UMGR1', 'reassign SK-1 <@U3>')).text)).toContain(
      '<@U3> さんは政策経営部に登録されていない',
    );
    expect(String((await run(app, 'UMGR1', 'reassign SK-1 @hanako')).text)).toContain('@ でメンションして');
    expect(String((await run(app, 'UMGR1', 'reassign SK-1')).text)).toContain('目標コードと新しい担当者');
  });

  it('answers in English for an English Slack locale', async () => {
    expect(String((await run(app, 'UEN1', 'help')).text)).toContain('How to use */tracker*');
    expect(String((await run(app, 'UEN1', 'pause until 2026-12-31')).text)).toContain(
      'Reminders paused up to and including Dec 31',
    );
  });

  it('answers politely, without internals, when the database fails', async () => {
    // Prisma queries are lazy: the batch transaction is where a lost connection surfaces.
    const original = database.db.$transaction;
    database.db.$transaction = (() =>
      Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'))) as unknown as typeof original;
    try {
      const text = String((await run(app, 'U3', 'pause until 2026-12-01')).text);
      expect(text).toContain('データベースに接続できない');
      expect(text).not.toContain('ECONNREFUSED');
    } finally {
      database.db.$transaction = original;
    }
  });
});
