import { request } from 'node:http';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/slack/app.js';
import { appSuite } from '../helpers/app-suite.js';
import { captureLogger, testConfig } from '../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import {
  decodeSlackBody,
  INSTALLATION,
  nockAuthTest,
  SIGNING_SECRET,
  startTestApp,
  type TestApp,
  viewSubmission,
  waitFor,
} from '../helpers/slack-driver.js';
import { registerListeners } from '../helpers/wiring.js';

const NOW = new Date('2026-11-20T01:00:00Z');

describe.each(PROVIDERS)('the /progress → submit → /targets cycle on %s', (provider) => {
  let database: TestDatabase;
  let app: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedSmallOrg(database.db);
    app = await startTestApp(database, { now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  it('opens the modal, stores the update, confirms it, posts to the channel and shows it in /targets', async () => {
    nockAuthTest();
    const slack = nock('https://slack.com');
    slack.post('/api/users.info').reply(200, { ok: true, user: { id: 'USTAFF001', locale: 'ja-JP' } });
    let opened:
      | { blocks: { block_id?: string; element?: { initial_option?: { value: string } } }[]; private_metadata: string }
      | undefined;
    slack
      .post('/api/views.open', (body) => {
        opened = JSON.parse(body.view);
        return body.trigger_id === '13345224609.738474920.8088930838d88f008e0';
      })
      .reply(200, { ok: true, view: { id: 'V1' } });

    const command = await app.slashCommand({ command: '/progress', text: 'SK-1', user_id: 'USTAFF001' });
    expect(command.status).toBe(200);
    await waitFor(() => opened !== undefined);
    const targetBlock = opened?.blocks.find((b) => b.block_id === 'target');
    expect(targetBlock?.element?.initial_option?.value).toBe(String(org.targets.sk1));

    let receipt = '';
    let channelPost = '';
    slack
      .post('/api/chat.postMessage', (body) => body.channel === 'USTAFF001')
      .reply(200, (_uri, body) => {
        receipt = JSON.stringify(decodeSlackBody(body));
        return { ok: true, channel: 'D1', ts: '1.1' };
      });
    slack
      .post('/api/chat.postMessage', (body) => body.channel === 'C0SEISAKU1')
      .reply(200, (_uri, body) => {
        channelPost = JSON.stringify(decodeSlackBody(body));
        return { ok: true, channel: 'C0SEISAKU1', ts: '1.2' };
      });
    const submit = await app.interaction(
      viewSubmission({
        userId: 'USTAFF001',
        callbackId: 'progress_submit',
        privateMetadata: opened?.private_metadata ?? '',
        values: {
          target: { progress_target: { type: 'static_select', selected_option: { value: String(org.targets.sk1) } } },
          status: { status: { type: 'static_select', selected_option: { value: 'at_risk' } } },
          value: { value: { type: 'plain_text_input', value: '４２' } },
          comment: { comment: { type: 'plain_text_input', value: '要件定義が完了 <!channel>' } },
          [`milestones_${org.targets.sk1}`]: {
            milestones: { type: 'checkboxes', selected_options: [{ value: String(org.milestones.sk1a) }] },
          },
        },
      }),
    );
    expect(submit.status).toBe(200);
    expect(submit.body).toBe('');
    await waitFor(() => receipt !== '' && channelPost !== '');
    const stored = await database.db.progressUpdate.findMany({ include: { milestones: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      targetId: org.targets.sk1,
      reporterId: 'USTAFF001',
      status: 'at_risk',
      value: 42,
      percent: null,
    });
    expect(stored[0]?.milestones.map((m) => m.milestoneId)).toEqual([org.milestones.sk1a]);
    const milestone = await database.db.milestone.findUnique({ where: { id: org.milestones.sk1a } });
    expect(milestone?.doneAt?.toISOString()).toBe(NOW.toISOString());
    // The comment is escaped: no one can ping the channel through it.
    expect(channelPost).toContain('&lt;!channel&gt;');
    expect(channelPost).not.toContain('<!channel>');
    expect(receipt).toContain('SK-1');

    let targetsReply: { blocks: { type: string; text?: { text: string } }[] } | undefined;
    nock('https://hooks.slack.com')
      .post('/commands/1234/5678')
      .reply(200, (_uri, body) => {
        targetsReply = body as typeof targetsReply;
        return 'ok';
      });
    const targets = await app.slashCommand({ command: '/targets', text: '', user_id: 'USTAFF001' });
    expect(targets.status).toBe(200);
    await waitFor(() => targetsReply !== undefined);
    const text = JSON.stringify(targetsReply);
    expect(text).toContain('政策経営部');
    expect(text).toContain('注意'); // at risk, in Japanese
    expect(text).toContain('実績 42% / 目標 100%');
    // 要件定義 (due 2026-09-30) was completed by this update, so nothing of SK-1 is overdue.
    expect(text).not.toContain('要件定義（');
    expect(slack.isDone()).toBe(true);
  });
});

describe('the app', () => {
  const suite = appSuite({ seed: seedSmallOrg, now: () => NOW });

  it('keeps the log level it was configured with (Bolt set its logger to info)', async () => {
    const { logger, lines } = captureLogger('warn');
    const config = testConfig({
      databaseUrl: suite.database.url,
      slack: { botToken: 'xoxb-1', signingSecret: SIGNING_SECRET },
    });
    createApp(
      { db: suite.database.db, database: suite.database, config, logger, now: () => NOW },
      registerListeners,
      INSTALLATION,
    );
    expect(logger.getLevel()).toBe('warn');
    logger.event('info', 'progress update stored');
    logger.info('bolt info line');
    logger.event('warn', 'kept');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['kept']);
  });

  it('sends the receipt and the channel post while another request is still waiting for its answer', async () => {
    const channels: string[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .times(2)
      .reply(200, (_u, body) => {
        channels.push(String(decodeSlackBody(body).channel));
        return { ok: true, channel: 'D1', ts: '7.1' };
      });
    // A request whose body is still arriving: its answer is pending until it completes or aborts.
    const slow = request(`${suite.app.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '1000' },
    });
    slow.on('error', () => undefined);
    slow.write('payload=');
    try {
      const res = await suite.app.interaction(
        viewSubmission({
          userId: 'USTAFF001',
          callbackId: 'progress_submit',
          privateMetadata: JSON.stringify({ v: 1, targetId: suite.org.targets.sk1 }),
          values: {
            target: {
              progress_target: { type: 'static_select', selected_option: { value: String(suite.org.targets.sk1) } },
            },
            status: { status: { type: 'static_select', selected_option: { value: 'on_track' } } },
          },
        }),
      );
      expect(res.body).toBe('');
      await waitFor(() => channels.length === 2);
      expect(channels).toEqual(['USTAFF001', 'C0SEISAKU1']);
      expect(slow.destroyed).toBe(false);
    } finally {
      slow.destroy();
    }
  });
});
