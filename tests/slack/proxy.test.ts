import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type RunningApp, startApp } from '../../src/slack/app.js';
import { createJobSlackClient } from '../../src/slack/job-client.js';
import { captureLogger, testConfig } from '../helpers/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { type LoopbackProxy, startLoopbackProxy } from '../helpers/loopback-proxy.js';
import { seedSmallOrg } from '../helpers/seed.js';
import { loadFixture, waitFor } from '../helpers/slack-driver.js';
import { registerListeners } from '../helpers/wiring.js';

/** A name that never resolves (RFC 6761): Slack under it is reachable through the proxy only. */
const PROXIED_HOST = 'slack.proxied.invalid';

describe('every Slack connection goes through HTTPS_PROXY / HTTP_PROXY, except NO_PROXY hosts', () => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let proxy: LoopbackProxy;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedSmallOrg(database.db);
  });
  afterEach(async () => {
    await fake?.close();
    await proxy?.close();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('Socket Mode: start-up calls, the WebSocket, listeners’ calls, the jobs’ messages and file uploads', async () => {
    fake = await startFakeSlack({ host: PROXIED_HOST });
    proxy = await startLoopbackProxy({ hosts: { [PROXIED_HOST]: '127.0.0.1' } });
    const { logger } = captureLogger();
    // As the operator sets it: the environment, read by loadConfig.
    const env = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-proxy-test',
      SLACK_APP_TOKEN: 'xapp-1-A123456-proxy-test',
      SLACK_API_URL: fake.apiUrl,
      http_proxy: proxy.url,
    });
    expect(env.proxy).toEqual({ httpProxy: proxy.url, httpsProxy: undefined, noProxy: undefined });
    const config = testConfig({ databaseUrl: database.url, slack: env.slack, proxy: env.proxy });
    let running: RunningApp | undefined;
    try {
      running = await startApp({ db: database.db, database, config, logger, now: () => new Date() }, registerListeners);
      await waitFor(() => fake.socketConnections() === 1);
      const envelope = loadFixture<{ envelope_id: string; payload: Record<string, string> }>(
        'socket_mode.slash_commands_envelope.node_sdk_fixture.json',
      );
      fake.sendEnvelope({
        ...envelope,
        payload: { ...envelope.payload, command: '/progress', text: 'SK-1', user_id: 'USTAFF001' },
      });
      await waitFor(() => fake.callsTo('views.open').length === 1);

      const jobs = createJobSlackClient(config, logger, { retries: 0 });
      await jobs.chat.postMessage({ channel: 'C0SEISAKU1', text: 'digest' });
      await jobs.filesUploadV2({ channel_id: 'C0SEISAKU1', file: Buffer.from('png'), filename: 'chart.png' });
    } finally {
      await running?.stop();
    }
    const methods = new Set(fake.calls.map((c) => c.method));
    for (const method of [
      'auth.test',
      'bots.info',
      'apps.connections.open',
      'views.open',
      'chat.postMessage',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]) {
      expect(methods, method).toContain(method);
    }
    // Every one of them (and the WebSocket, and the upload itself) reached Slack by a name only
    // the proxy resolves: through the proxy.
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(new Set(proxy.seen.map((authority) => authority.split(':')[0]))).toEqual(new Set([PROXIED_HOST]));
  });

  it('sends https:// through HTTPS_PROXY (CONNECT), and goes direct to NO_PROXY hosts', async () => {
    fake = await startFakeSlack();
    proxy = await startLoopbackProxy({ refuse: ['slack.com'] });
    const { logger } = captureLogger();
    const base = { SLACK_BOT_TOKEN: 'xoxb-proxy-test', SLACK_SIGNING_SECRET: 'secret-123456' };

    // https://slack.com through HTTPS_PROXY: the proxy is asked for a tunnel (and refuses it here).
    const viaHttps = loadConfig({ ...base, HTTPS_PROXY: proxy.url });
    await expect(
      createJobSlackClient(viaHttps, logger, { retries: 0 }).chat.postMessage({ channel: 'C1', text: 'x' }),
    ).rejects.toThrow();
    expect(proxy.seen).toEqual(['slack.com:443']);

    // The fake Slack on 127.0.0.1: through the proxy without NO_PROXY, directly with it.
    const proxied = loadConfig({ ...base, SLACK_API_URL: fake.apiUrl, HTTP_PROXY: proxy.url });
    await createJobSlackClient(proxied, logger, { retries: 0 }).chat.postMessage({ channel: 'C1', text: 'x' });
    expect(proxy.seen).toHaveLength(2);
    const direct = loadConfig({
      ...base,
      SLACK_API_URL: fake.apiUrl,
      HTTP_PROXY: proxy.url,
      NO_PROXY: 'localhost,127.0.0.1',
    });
    await createJobSlackClient(direct, logger, { retries: 0 }).chat.postMessage({ channel: 'C1', text: 'y' });
    expect(proxy.seen).toHaveLength(2);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('refuses a proxy setting that is not an http(s) URL, with the other problems', () => {
    expect(() =>
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', HTTPS_PROXY: 'proxy:8080' }),
    ).toThrow(/HTTPS_PROXY must be a proxy URL/);
  });
});
