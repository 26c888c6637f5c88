import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/messages.js';
import { type ButtonArgs, buttonListener } from '../../src/slack/button-listener.js';
import { testContext } from '../helpers/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { blockAction, decodeSlackBody } from '../helpers/slack-driver.js';

const NOW = new Date('2026-11-20T01:00:00Z');

describe('buttonListener', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    // An English speaker whose locale was read an hour ago: no users.info call is needed.
    await database.db.slackUser.create({
      data: { id: 'UEN0000001', locale: 'en-US', localeFetchedAt: new Date(NOW.getTime() - 3_600_000) },
    });
  });
  afterAll(async () => database?.destroy());
  afterEach(() => nock.cleanAll());

  function press(options: { responseUrl?: string | null }) {
    const calls: string[] = [];
    const responses: Record<string, unknown>[] = [];
    const body = blockAction({
      userId: 'UEN0000001',
      action: { type: 'button', action_id: 'x', value: '1' },
      responseUrl: options.responseUrl,
    });
    const args = {
      ack: async () => {
        calls.push('ack');
      },
      body,
      action: (body.actions as Record<string, unknown>[])[0],
      client: new WebClient('xoxb-test-token'),
      respond: async (message: Record<string, unknown>) => {
        responses.push(message);
      },
    } as unknown as ButtonArgs;
    return { args, calls, responses };
  }

  it('acks before the work and hands it the presser and their language', async () => {
    const ctx = testContext(database, NOW);
    const { args, calls } = press({});
    let seen: { userId: string; locale: string } | undefined;
    await buttonListener(ctx, 'test_button', async ({ userId, locale }) => {
      calls.push('work');
      seen = { userId, locale };
    })(args);
    expect(calls).toEqual(['ack', 'work']);
    expect(seen).toEqual({ userId: 'UEN0000001', locale: 'en' });
  });

  it('answers a failure ephemerally where the button was, in the presser’s language, and logs it', async () => {
    const ctx = testContext(database, NOW);
    const { args, responses } = press({ responseUrl: 'https://hooks.slack.com/actions/T/1/x' });
    await buttonListener(ctx, 'test_button', async () => {
      throw new Error('boom at /srv/app.js:12');
    })(args);
    expect(responses).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: t('en', 'error.generic') },
    ]);
    expect(ctx.lines.some((l) => l.includes('test_button failed') && l.includes('unexpected'))).toBe(true);
  });

  it('sends the apology by DM when the button has no response_url (Home tab, modals)', async () => {
    const ctx = testContext(database, NOW);
    const { args, responses } = press({ responseUrl: null });
    let dm: Record<string, unknown> | undefined;
    nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => {
        dm = decodeSlackBody(b);
        return true;
      })
      .reply(200, { ok: true, channel: 'D1', ts: '1.1' });
    await buttonListener(ctx, 'test_button', async () => {
      throw new Error('boom');
    })(args);
    expect(responses).toEqual([]);
    expect(dm).toMatchObject({ channel: 'UEN0000001', text: t('en', 'error.generic') });
    expect(String(dm?.text)).not.toContain('boom');
  });
});
