import nock from 'nock';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { createTestDatabase, type TestDatabase, type TestProvider } from './databases.js';
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
  const state: { database?: TestDatabase; app?: TestApp; org?: T } = {};
  beforeAll(async () => {
    state.database = await createTestDatabase(options.provider ?? 'sqlite');
    state.org = await options.seed(state.database.db);
    state.app = await startTestApp(state.database, { now: options.now, hqUsers: options.hqUsers });
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
  afterAll(async () => {
    await state.app?.stop();
    await state.database?.destroy();
  });
  const must = <V>(value: V | undefined, what: string): V => {
    if (value === undefined) throw new Error(`appSuite: ${what} is not ready (used outside a test?)`);
    return value;
  };
  return {
    get database() {
      return must(state.database, 'database');
    },
    get app() {
      return must(state.app, 'app');
    },
    get org() {
      return must(state.org, 'org');
    },
  };
}
