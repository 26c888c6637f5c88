import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import {
  blockAction,
  decodeSlackBody,
  INSTALLATION,
  loadFixture,
  nockAuthTest,
  startTestApp,
  type TestApp,
  waitFor,
} from '../helpers/slack-driver.js';
import { PEOPLE, type SeededOrg, seedReviewOrg } from '../review/fixtures.js';

type Published = { user_id: string; view: { type: string; private_metadata: string; blocks: unknown[] } };

/** The docs' app_home_opened event in the Events API envelope Slack POSTs (to the test installation). */
function envelope(event: Record<string, unknown>) {
  return JSON.stringify({
    token: 'verification-token',
    team_id: INSTALLATION.teamId,
    api_app_id: INSTALLATION.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${Math.floor(Math.random() * 1e9)}`,
    event_time: 1515449522,
  });
}

describe('App Home (app_home_opened)', () => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;
  const event = loadFixture<Record<string, unknown> & { user: string }>('app_home_opened.event_docs_example.json');

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    org = await seedReviewOrg(database.db);
    // The docs example's user works in both departments.
    for (const departmentId of [org.departments.a, org.departments.b]) {
      await database.db.departmentPerson.create({ data: { departmentId, slackUserId: event.user, role: 'member' } });
    }
    app = await startTestApp(database, { now: () => new Date('2026-11-20T01:00:00Z') });
  });
  beforeEach(() => {
    nockAuthTest();
    nock('https://slack.com')
      .persist()
      .post('/api/users.info')
      .reply(200, { ok: true, user: { locale: 'ja-JP' } });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  function capturePublish(reply: Record<string, unknown> = { ok: true }) {
    const published: Published[] = [];
    nock('https://slack.com')
      .post('/api/views.publish')
      .reply(200, (_uri, body) => {
        published.push(decodeSlackBody(body) as unknown as Published);
        return reply;
      });
    return published;
  }

  it('publishes the person’s departments and targets, with a Report button per target', async () => {
    const published = capturePublish();
    const res = await app.post(envelope(event), 'application/json');
    expect(res.status).toBe(200);
    await waitFor(() => published.length === 1);
    const { user_id, view } = published[0] as Published;
    expect(user_id).toBe('U123ABC456');
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('重点目標（令和8年度）');
    expect(text).toContain('政策経営部（5件）');
    expect(text).toContain('区民文化部（1件）');
    for (const id of Object.values(org.targets)) {
      expect(text).toContain(`"action_id":"open_progress","value":"${id}"`);
    }
    expect(text).toContain('⚠️ 期限超過 1件');
    expect(text).toContain('/tracker pause until YYYY-MM-DD');
    // Not headquarters: no organisation overview.
    expect(text).not.toContain('全庁の状況');
  });

  it('ignores the Messages tab', async () => {
    const published = capturePublish();
    const res = await app.post(envelope({ ...event, tab: 'messages' }), 'application/json');
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(published).toHaveLength(0);
    nock.cleanAll();
  });

  it('gives headquarters the organisation overview', async () => {
    const published = capturePublish();
    await app.post(envelope({ ...event, user: PEOPLE.hq }), 'application/json');
    await waitFor(() => published.length === 1);
    const text = JSON.stringify(published[0]?.view.blocks);
    expect(text).toContain('全庁の状況（令和8年度）');
    expect(text).toContain('2部・6件');
    expect(text).toContain('*政策経営部*（5件）');
    // HQ belongs to no department: the overview only, without "ask HQ to add you".
    expect(text).not.toContain('どの部にも登録されていません');
    expect(text).not.toContain('open_progress');
  });

  it('logs a failing views.publish instead of throwing', async () => {
    const published = capturePublish({ ok: false, error: 'invalid_blocks' });
    // A person whose Home was not published yet (an unchanged Home is not published twice).
    const res = await app.post(envelope({ ...event, user: PEOPLE.memberA1 }), 'application/json');
    expect(res.status).toBe(200);
    await waitFor(() => published.length === 1);
    await waitFor(() => app.lines.some((l) => l.includes('home tab not published')));
    const line = JSON.parse(app.lines.find((l) => l.includes('home tab not published')) as string);
    expect(line).toMatchObject({ level: 'error', user: PEOPLE.memberA1 });
    expect(app.lines.some((l) => l.includes('unhandled listener error'))).toBe(false);
  });

  it('republishes the requested page when a paging button is pressed', async () => {
    const added = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        database.db.department.create({
          data: {
            code: `x${i}`,
            name: `追加部${i}`,
            sortOrder: 10 + i,
            targets: { create: { fiscalYearId: org.fiscalYearId, code: `X${i}-1`, category: '施策', title: 't' } },
          },
        }),
      ),
    );
    expect(added).toHaveLength(45);
    const published = capturePublish();
    await app.interaction(
      blockAction({
        userId: PEOPLE.hq,
        action: { type: 'button', action_id: 'home_page_org_next', value: 'org:1' },
        view: { id: 'VHOME0001', type: 'home', private_metadata: '{"mine":0,"org":0}', hash: 'h' },
      }),
    );
    await waitFor(() => published.length === 1);
    const view = published[0]?.view;
    expect(JSON.parse(view?.private_metadata ?? '')).toEqual({ mine: 0, org: 1 });
    const text = JSON.stringify(view?.blocks);
    expect(text).toContain('41〜47件目 / 全47件');
    expect(text).toContain('*追加部44*');
    expect(text).not.toContain('*政策経営部*');
  });
});
