import { createServer, type Server } from 'node:net';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { startApp } from '../../src/slack/app.js';
import { captureLogger, testConfig } from '../helpers/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../helpers/slack-driver.js';
import { registerListeners } from '../helpers/wiring.js';

/** A TCP port with a listener on it (taken), and one with nothing behind it (closed). */
async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('startApp: a start that cannot work stops with the reason', () => {
  let database: TestDatabase;
  let taken: { server: Server; port: number };
  let closedPort: number;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    taken = await listening();
    const spare = await listening();
    closedPort = spare.port;
    await new Promise((resolve) => spare.server.close(resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => taken.server.close(resolve));
    await database?.destroy();
  });

  const start = (overrides: { port?: number; apiUrl?: string }) => {
    const { logger } = captureLogger();
    const config = testConfig({
      databaseUrl: database.url,
      port: overrides.port ?? 0,
      slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: overrides.apiUrl },
    });
    return startApp({ db: database.db, database, config, logger, now: () => new Date() }, registerListeners);
  };
  const failure = async (promise: Promise<unknown>): Promise<AppError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('refuses a port already in use before asking Slack anything, even with Slack unreachable', async () => {
    const slack = nock('https://slack.com').post(/.*/).reply(200, { ok: true });
    const error = await failure(start({ port: taken.port, apiUrl: `http://127.0.0.1:${closedPort}/api/` }));
    expect(error.code).toBe('port_unavailable');
    expect(error.message).toBe(`cannot listen on port ${taken.port}: EADDRINUSE`);
    expect(slack.isDone()).toBe(false);
  });

  it('names the API URL and Slack’s error when auth.test fails', async () => {
    nock('https://slack.com').post('/api/auth.test').reply(200, { ok: false, error: 'invalid_auth' });
    const error = await failure(start({}));
    expect(error.code).toBe('slack_start_failed');
    expect(error.message).toContain('auth.test at https://slack.com/api/ failed: Slack answered "invalid_auth"');
  });

  it('names the API URL and the network error when Slack cannot be reached (after a few retries)', async () => {
    const apiUrl = `http://127.0.0.1:${closedPort}/api/`;
    const error = await failure(start({ apiUrl }));
    expect(error.code).toBe('slack_start_failed');
    expect(error.message).toContain(`auth.test at ${apiUrl} failed:`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('refuses a token that is not a bot’s (auth.test without bot_id)', async () => {
    nock('https://slack.com').post('/api/auth.test').reply(200, { ok: true, team_id: 'T0001', user_id: 'U0HUMAN01' });
    const error = await failure(start({}));
    expect(error.message).toContain('not a bot token');
  });

  it('names bots.info’s error when the app id cannot be learnt', async () => {
    nock('https://slack.com')
      .post('/api/auth.test')
      .reply(200, { ok: true, team_id: 'T0001', user_id: 'UBOT00001', bot_id: 'BBOT00001' })
      .post('/api/bots.info')
      .reply(200, { ok: false, error: 'missing_scope' });
    const error = await failure(start({}));
    expect(error.message).toContain('bots.info at https://slack.com/api/ failed: Slack answered "missing_scope"');
  });
});
