import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { seedSmallOrg } from '../helpers/seed.js';
import { loadFixture, nockAuthTest, sign, startTestApp, type TestApp } from '../helpers/slack-driver.js';

describe('request verification', () => {
  let database: TestDatabase;
  let app: TestApp;
  const body = new URLSearchParams({
    ...loadFixture<{ fields: Record<string, string> }>('slash_command.docs_example.json').fields,
    command: '/targets',
    user_id: 'USTAFF001',
  }).toString();

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedSmallOrg(database.db);
    app = await startTestApp(database);
  });
  beforeEach(() => {
    nockAuthTest();
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  it("computes signatures exactly as Slack's documented test vector", () => {
    const vector = loadFixture<{ signing_secret: string; raw_body: string; headers: Record<string, string> }>(
      'signing_test_vector.json',
    );
    const ts = Number(vector.headers['X-Slack-Request-Timestamp']);
    expect(sign(vector.signing_secret, ts, vector.raw_body)).toBe(vector.headers['X-Slack-Signature']);
  });

  it('refuses an unsigned request with 401', async () => {
    const res = await app.post(body, 'application/x-www-form-urlencoded', { unsigned: true });
    expect(res.status).toBe(401);
  });

  it('refuses a request signed with another secret (another app or team) with 401', async () => {
    const res = await app.post(body, 'application/x-www-form-urlencoded', { secret: 'someone-elses-secret' });
    expect(res.status).toBe(401);
  });

  it('refuses a replayed request older than five minutes with 401', async () => {
    const res = await app.post(body, 'application/x-www-form-urlencoded', {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(res.status).toBe(401);
  });

  it('accepts the same request signed correctly', async () => {
    nock('https://slack.com')
      .post('/api/users.info')
      .reply(200, { ok: true, user: { locale: 'ja-JP' } });
    nock('https://hooks.slack.com').post('/commands/1234/5678').reply(200, 'ok');
    const res = await app.post(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
  });

  it('answers /healthz with 200 while the database answers', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('never writes the bot token or signing secret to the log', () => {
    const all = app.lines.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain('xoxb-1111-2222-testtoken');
    expect(all).not.toContain('test-signing-secret-0123456789');
  });
});
