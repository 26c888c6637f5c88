import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/slack/app.js';
import { captureLogger, testConfig } from '../helpers/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';
import { startTestApp, type TestApp, viewSubmission, waitFor } from '../helpers/slack-driver.js';
import { registerListeners } from '../helpers/wiring.js';
import { interceptSlack } from '../hostile/hostile-kit.js';

/** A staff comment no log line may carry, whatever the level. */
const COMMENT = '予算要求の内示前につき非公開-ZQX7731';

function report(org: SeededOrg) {
  return viewSubmission({
    userId: 'USTAFF001',
    callbackId: 'progress_submit',
    privateMetadata: JSON.stringify({ v: 1, targetId: org.targets.sk1 }),
    values: {
      target: { progress_target: { type: 'static_select', selected_option: { value: String(org.targets.sk1) } } },
      status: { status: { type: 'static_select', selected_option: { value: 'at_risk' } } },
      comment: { comment: { type: 'plain_text_input', value: COMMENT } },
    },
  });
}

describe('message bodies are not logged, at debug level either', () => {
  let database: TestDatabase;
  let org: SeededOrg;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    org = await seedSmallOrg(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('HTTP mode: a report with a comment, its receipt and its channel post', async () => {
    const app: TestApp = await startTestApp(database);
    try {
      const slack = interceptSlack();
      const res = await app.interaction(report(org));
      expect(res.status).toBe(200);
      await waitFor(() => slack.posts.length === 2);
      // The comment did go to Slack (receipt and channel post), so the log had the chance to carry it.
      expect(JSON.stringify(slack.posts)).toContain(COMMENT);
      expect(app.ctx.logger.getLevel()).toBe('debug');
      expect(app.lines.filter((line) => line.includes('ZQX7731'))).toEqual([]);
    } finally {
      await app.stop();
    }
  });

  it('Socket Mode: the envelope received, the ack and the messages sent', async () => {
    const fake: FakeSlack = await startFakeSlack();
    fake.keepParams = true;
    const { logger, lines } = captureLogger('debug');
    const config = testConfig({
      databaseUrl: database.url,
      slack: { botToken: 'xoxb-socket-test', appToken: 'xapp-1-A123456-socket-test', apiUrl: fake.apiUrl },
    });
    let running: RunningApp | undefined;
    try {
      running = await startApp({ db: database.db, database, config, logger, now: () => new Date() }, registerListeners);
      await waitFor(() => fake.socketConnections() === 1);
      fake.sendEnvelope({
        envelope_id: 'env-logs-1',
        type: 'interactive',
        payload: report(org),
        accepts_response_payload: true,
      });
      await waitFor(() => fake.callsTo('chat.postMessage').length === 2);
      expect(JSON.stringify(fake.callsTo('chat.postMessage'))).toContain(COMMENT);
      expect(lines.filter((line) => line.includes('ZQX7731'))).toEqual([]);
    } finally {
      await running?.stop();
      await fake.close();
    }
  });
});
