import nock from 'nock';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '../../src/db/client.js';
import type { TestDatabase, TestProvider } from './databases.js';
import { seededTestDatabase } from './seeded-database.js';
import { nockAuthTest, startTestApp, type TestApp } from './slack-driver.js';

export interface AppSuite<T> {
  readonly database: TestDatabase;
  readonly app: TestApp;
  /** What the seed function returned (ids of the seeded rows). */
  readonly org: T;
}

/**
 * Gives a test file a fresh database with its seed and the real app (HTTP mode) on it, and before
 * each test intercepts auth.test — and users.info with `locale`, when given — at the HTTP level.
 */
export function appSuite<T>(options: {
  seed: (db: Db) => Promise<T>;
  provider?: TestProvider;
  now?: () => Date;
  hqUsers?: string[];
  locale?: string;
}): AppSuite<T> {
  const seeded = seededTestDatabase(options.provider ?? 'sqlite', options.seed);
  let app: TestApp | undefined;
  // Hooks run in order and after-hooks in reverse, so the app starts after the seed and stops first.
  beforeAll(async () => {
    app = await startTestApp(seeded.database, { now: options.now, hqUsers: options.hqUsers });
  });
  beforeEach(() => {
    nockAuthTest();
    if (options.locale) {
      nock('https://slack.com')
        .persist()
        .post('/api/users.info')
        .reply(200, { ok: true, user: { locale: options.locale } });
    }
  });
  afterAll(async () => app?.stop());
  return {
    get database() {
      return seeded.database;
    },
    get app() {
      if (!app) throw new Error('appSuite: app is not ready (used outside a test?)');
      return app;
    },
    get org() {
      return seeded.org;
    },
  };
}
