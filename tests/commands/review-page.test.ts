import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { appSuite } from '../helpers/app-suite.js';
import { blockAction, decodeSlackBody, waitFor } from '../helpers/slack-driver.js';
import { IN_REVIEW, PEOPLE, seedReviewOrg } from '../review/fixtures.js';

describe('review list paging (review_page)', () => {
  const suite = appSuite({
    seed: async (db) => {
      const seeded = await seedReviewOrg(db);
      // 25 more targets so that the department's list has two pages.
      await db.target.createMany({
        data: Array.from({ length: 25 }, (_, i) => ({
          fiscalYearId: seeded.fiscalYearId,
          departmentId: seeded.departments.a,
          code: `SK-${100 + i}`,
          category: '施策',
          title: `追加目標${i}`,
          sortOrder: 100 + i,
        })),
      });
      return seeded;
    },
    now: () => IN_REVIEW,
    locale: 'ja-JP',
  });

  const press = (value: string) =>
    suite.app.interaction(
      blockAction({
        userId: PEOPLE.memberA1,
        action: { type: 'button', action_id: 'review_page_next', value },
        view: {
          id: 'VLIST0002',
          type: 'modal',
          callback_id: 'review_list',
          private_metadata: '{"fy":2026,"page":0}',
          hash: 'hash-1',
        },
      }),
    );

  it('updates the modal in place with the next page, guarded by the view hash', async () => {
    let update: { view_id: string; hash: string; view: { private_metadata: string; blocks: unknown[] } } | undefined;
    nock('https://slack.com')
      .post('/api/views.update')
      .reply(200, (_u, body) => {
        update = decodeSlackBody(body) as typeof update;
        return { ok: true };
      });
    await press('1');
    await waitFor(() => update !== undefined);
    expect(update?.view_id).toBe('VLIST0002');
    expect(update?.hash).toBe('hash-1');
    expect(JSON.parse(update?.view.private_metadata ?? '')).toEqual({ fy: 2026, page: 1 });
    expect(JSON.stringify(update?.view.blocks)).toContain('21〜30件目 / 全30件');
  });

  it('logs a refused update (the modal changed meanwhile) and tells the person', async () => {
    nock('https://slack.com').post('/api/views.update').reply(200, { ok: false, error: 'hash_conflict' });
    const dm = nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: true });
    await press('1');
    await waitFor(() => dm.isDone());
    expect(suite.app.lines.some((l) => l.includes('review_page failed'))).toBe(true);
  });
});
