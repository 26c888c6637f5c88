import { WebClient } from '@slack/web-api';
import Database from 'better-sqlite3';
import nock from 'nock';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUserLocale, peekUserLocale } from '../../../src/services/people/get-user-locale.js';
import { captureLogger } from '../../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { waitFor } from '../../helpers/slack-driver.js';

describe.each(PROVIDERS)('getUserLocale on %s', (provider) => {
  let database: TestDatabase;
  const client = new WebClient('xoxb-test', { retryConfig: { retries: 0 } });
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('asks users.info once, then answers from the cache for a day', async () => {
    const { logger } = captureLogger();
    let t = new Date('2026-11-20T00:00:00Z');
    const deps = { db: database.db, client, logger, now: () => t };
    const scope = nock('https://slack.com')
      .post('/api/users.info', (b) => b.user === 'UEN000001' && b.include_locale === 'true')
      .reply(200, { ok: true, user: { id: 'UEN000001', locale: 'en-US' } });
    expect(await getUserLocale(deps, 'UEN000001')).toBe('en');
    expect(scope.isDone()).toBe(true);
    t = new Date('2026-11-20T12:00:00Z');
    expect(await getUserLocale(deps, 'UEN000001')).toBe('en'); // no second call: nock would refuse it
    expect(await peekUserLocale(database.db, 'UEN000001')).toBe('en');
    t = new Date('2026-11-21T01:00:00Z');
    nock('https://slack.com')
      .post('/api/users.info')
      .reply(200, { ok: true, user: { id: 'UEN000001', locale: 'ja-JP' } });
    expect(await getUserLocale(deps, 'UEN000001')).toBe('ja');
  });

  it('falls back to the cached or default language when Slack fails, and logs it', async () => {
    const { logger, lines } = captureLogger();
    const deps = { db: database.db, client, logger, now: () => new Date('2026-12-30T00:00:00Z') };
    nock('https://slack.com').post('/api/users.info').reply(200, { ok: false, error: 'user_not_found' });
    expect(await getUserLocale(deps, 'UGONE0001')).toBe('ja');
    expect(lines.some((l) => l.includes('users.info failed'))).toBe(true);
    nock('https://slack.com').post('/api/users.info').reply(200, { ok: false, error: 'ratelimited' });
    expect(await getUserLocale(deps, 'UEN000001')).toBe('ja'); // cached from the previous test
  });
});

describe('peekUserLocale while the database keeps its read waiting (PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
  });
  afterAll(async () => database?.destroy());

  it('answers the default language instead of waiting, and the stored one once the read gets through', async () => {
    await database.db.slackUser.create({ data: { id: 'UPEEK0001', locale: 'en-US', localeFetchedAt: new Date() } });
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "SlackUser" IN ACCESS EXCLUSIVE MODE');
      // Let go in any case, so that a peek that waits for the lock ends (with the stored language).
      const letGo = setTimeout(() => void locker.query('ROLLBACK'), 5000);
      const peeked = await peekUserLocale(database.db, 'UPEEK0001');
      clearTimeout(letGo);
      expect(peeked).toBe('ja');
      await locker.query('ROLLBACK');
      expect(await peekUserLocale(database.db, 'UPEEK0001')).toBe('en');
    } finally {
      await locker.end();
    }
  });
});

describe('getUserLocale while another process holds the SQLite write lock', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database?.destroy());

  it('answers with Slack’s language at once, and caches it in the database once the lock goes', async () => {
    const { logger } = captureLogger();
    const client = new WebClient('xoxb-test', { retryConfig: { retries: 0 } });
    nock('https://slack.com')
      .post('/api/users.info')
      .reply(200, { ok: true, user: { id: 'ULOCKED01', locale: 'en-US' } });
    const other = new Database(database.url.replace(/^file:/, ''));
    try {
      other.exec('BEGIN EXCLUSIVE');
      // Let go in any case, so that a call that waits for the lock ends.
      const letGo = setTimeout(() => other.exec('COMMIT'), 3000);
      const locale = await getUserLocale({ db: database.db, client, logger, now: () => new Date() }, 'ULOCKED01');
      const stillLocked = other.inTransaction;
      clearTimeout(letGo);
      expect(locale).toBe('en');
      expect(stillLocked).toBe(true);
      if (other.inTransaction) other.exec('COMMIT');
      await waitFor(async () => (await database.db.slackUser.findUnique({ where: { id: 'ULOCKED01' } })) !== null);
      expect(await database.db.slackUser.findUniqueOrThrow({ where: { id: 'ULOCKED01' } })).toMatchObject({
        locale: 'en-US',
      });
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });
});
