import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { appSuite } from '../helpers/app-suite.js';
import { blockAction, decodeSlackBody, waitFor } from '../helpers/slack-driver.js';
import { IN_REVIEW, PEOPLE, seedReviewOrg } from '../review/fixtures.js';

describe('a target’s review button (review_open)', () => {
  const suite = appSuite({ seed: seedReviewOrg, now: () => IN_REVIEW, locale: 'en-US' });

  it('pushes the review modal onto the list, in the person’s language', async () => {
    let pushed: { view: { title: { text: string }; private_metadata: string } } | undefined;
    nock('https://slack.com')
      .post('/api/views.push', (b) => b.trigger_id === '111.222.valid')
      .reply(200, (_u, body) => {
        pushed = decodeSlackBody(body) as typeof pushed;
        return { ok: true };
      });
    await suite.app.interaction(
      blockAction({
        userId: PEOPLE.memberB1,
        action: { type: 'button', action_id: 'review_open', value: String(suite.org.targets['KM-1']) },
        view: {
          id: 'VLIST',
          type: 'modal',
          callback_id: 'review_list',
          private_metadata: '{"fy":2026,"page":0}',
          hash: 'h',
        },
      }),
    );
    await waitFor(() => pushed !== undefined);
    expect(pushed?.view.title.text).toBe('Self-assessment');
    expect(JSON.parse(pushed?.view.private_metadata ?? '')).toMatchObject({
      targetId: suite.org.targets['KM-1'],
      list: { fy: 2026, page: 0 },
    });
  });

  it('refuses a target of another department politely by DM, opening nothing', async () => {
    const dms: string[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => b.channel === PEOPLE.memberB1)
      .reply(200, (_u, body) => {
        dms.push(String(decodeSlackBody(body).text));
        return { ok: true };
      });
    const opened = nock('https://slack.com').post('/api/views.open').reply(200, { ok: true });
    await suite.app.interaction(
      blockAction({
        userId: PEOPLE.memberB1,
        responseUrl: null,
        action: { type: 'button', action_id: 'review_open', value: String(suite.org.targets['SK-1']) },
      }),
    );
    await waitFor(() => dms.length === 1);
    expect(dms[0]).toContain('no part in its review');
    expect(opened.isDone()).toBe(false);
    expect(suite.app.lines.some((l) => l.includes('"code":"review_target_unknown"'))).toBe(true);
  });

  it('logs and tells the person when Slack refuses to open the modal', async () => {
    nock('https://slack.com').post('/api/views.open').reply(200, { ok: false, error: 'expired_trigger_id' });
    const dm = nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: true });
    await suite.app.interaction(
      blockAction({
        userId: PEOPLE.memberB1,
        responseUrl: null,
        action: { type: 'button', action_id: 'review_open', value: String(suite.org.targets['KM-1']) },
      }),
    );
    await waitFor(() => dm.isDone());
    expect(suite.app.lines.some((l) => l.includes('review_open failed') && l.includes('"level":"error"'))).toBe(true);
  });
});
