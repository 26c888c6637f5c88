import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { parseFiscalYearArg, reviewVerb } from '../../src/tracker-verbs/review.js';
import { testContext } from '../helpers/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { decodeSlackBody } from '../helpers/slack-driver.js';
import { IN_REVIEW, PEOPLE, seedReviewOrg } from '../review/fixtures.js';

describe('/tracker review', () => {
  let database: TestDatabase;
  const client = new WebClient('xoxb-test-token', { retryConfig: { retries: 0 } });

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedReviewOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('opens the list modal directly when the dispatcher passes the trigger_id', async () => {
    let opened: { trigger_id: string; view: { callback_id: string; blocks: unknown[] } } | undefined;
    nock('https://slack.com')
      .post('/api/views.open')
      .reply(200, (_u, body) => {
        opened = decodeSlackBody(body) as typeof opened;
        return { ok: true };
      });
    const text = await reviewVerb.run({
      ctx: testContext(database, IN_REVIEW),
      client,
      userId: PEOPLE.managerB,
      locale: 'en',
      args: ['2026'],
      triggerId: 'trigger-1',
    } as Parameters<typeof reviewVerb.run>[0]);
    expect(text).toBe('The review list is open.');
    expect(opened?.trigger_id).toBe('trigger-1');
    expect(opened?.view.callback_id).toBe('review_list');
    expect(JSON.stringify(opened?.view.blocks)).toContain('KM-1');
  });

  it('refuses an unreadable fiscal year and a year that is not loaded', async () => {
    const ctx = testContext(database, IN_REVIEW);
    const run = (args: string[]) => reviewVerb.run({ ctx, client, userId: PEOPLE.managerB, locale: 'ja', args });
    await expect(run(['next'])).rejects.toMatchObject({
      code: 'bad_fiscal_year',
      userMessage: 'review.error.bad_fiscal_year',
    });
    await expect(run(['2031'])).rejects.toBeInstanceOf(AppError);
    expect(parseFiscalYearArg('FY2026')).toBe(2026);
    expect(parseFiscalYearArg(undefined)).toBeUndefined();
  });
});
