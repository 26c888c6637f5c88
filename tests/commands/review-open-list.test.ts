import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import {
  blockAction,
  decodeSlackBody,
  nockAuthTest,
  startTestApp,
  type TestApp,
  waitFor,
} from '../helpers/slack-driver.js';
import { IN_REVIEW, PEOPLE, seedReviewOrg } from '../review/fixtures.js';

describe('the review button on the Home tab (review_list_open)', () => {
  let database: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedReviewOrg(database.db);
    app = await startTestApp(database, { now: () => IN_REVIEW });
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

  const press = (userId: string) =>
    app.interaction(
      blockAction({
        userId,
        responseUrl: null,
        action: { type: 'button', action_id: 'review_list_open', value: 'open' },
        view: { id: 'VHOME', type: 'home', private_metadata: '{"mine":0,"org":0}' },
      }),
    );

  it('opens the list of what waits for headquarters', async () => {
    await database.db.reviewStep.createMany({
      data: [
        {
          targetId: (await database.db.target.findFirstOrThrow({ where: { code: 'KM-1' } })).id,
          step: 'self',
          grade: 'S',
          comment: 'c',
          actorId: PEOPLE.memberB1,
          createdAt: IN_REVIEW,
        },
      ],
    });
    let opened: { view: { callback_id: string; blocks: unknown[] } } | undefined;
    nock('https://slack.com')
      .post('/api/views.open')
      .reply(200, (_u, body) => {
        opened = decodeSlackBody(body) as typeof opened;
        return { ok: true };
      });
    await press(PEOPLE.hq);
    await waitFor(() => opened !== undefined);
    expect(opened?.view.callback_id).toBe('review_list');
    // Self-assessed but not approved: not yet headquarters' business.
    expect(JSON.stringify(opened?.view.blocks)).toContain('評価の対象となる重点目標はありません');
  });

  it('explains by DM when no review has been scheduled', async () => {
    await database.db.reviewWindow.deleteMany({});
    const dms: string[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(200, (_u, body) => {
        dms.push(String(decodeSlackBody(body).text));
        return { ok: true };
      });
    await press(PEOPLE.memberA1);
    await waitFor(() => dms.length === 1);
    expect(dms[0]).toContain('行政評価の期間がまだ設定されていません');
  });
});
