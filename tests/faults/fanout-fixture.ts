import { afterAll, beforeAll } from 'vitest';
import { seedReminderOwners } from '../../bench/seed-reminder-owners.js';
import { startThrottledSlack, type ThrottledSlack, type ThrottledSlackLimits } from '../../bench/throttled-slack.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { ready } from '../helpers/seeded-database.js';
import { botEnvironment } from './processes.js';

export interface FanoutFixture {
  readonly database: TestDatabase;
  readonly slack: ThrottledSlack;
  /** The seeded owners, one reminder each at FANOUT_TICK. */
  readonly owners: string[];
  /** The bot's environment on this database and fake Slack, its queue set to the fake's limits. */
  environment(settings?: Record<string, string>): NodeJS.ProcessEnv;
}

/**
 * For the describe block it is called in: a fresh PostgreSQL database with `count` reminder owners
 * and a fake Slack keeping `limits`, both removed after its tests.
 */
export function fanoutFixture(count: number, limits: ThrottledSlackLimits): FanoutFixture {
  const state: { database?: TestDatabase; slack?: ThrottledSlack; owners?: string[] } = {};
  beforeAll(async () => {
    state.database = await createTestDatabase('postgresql');
    state.owners = await seedReminderOwners(state.database.url, count);
    state.slack = await startThrottledSlack(limits);
  });
  afterAll(async () => {
    await state.slack?.close();
    await state.database?.destroy();
  });
  const must = <V>(value: V | undefined, what: string) => ready(value, `fanoutFixture: ${what}`);
  return {
    get database() {
      return must(state.database, 'database');
    },
    get slack() {
      return must(state.slack, 'slack');
    },
    get owners() {
      return must(state.owners, 'owners');
    },
    environment(settings = {}) {
      return botEnvironment({
        DATABASE_URL: must(state.database, 'database').url,
        SLACK_API_URL: must(state.slack, 'slack').url,
        LOG_LEVEL: 'info',
        // The queue keeps the fake's limits, as an operator would configure it for Slack's.
        TRACKER_SLACK_WORKSPACE_RATE: String(limits.workspaceRate),
        TRACKER_SLACK_WORKSPACE_BURST: String(limits.workspaceBurst),
        TRACKER_SLACK_CHANNEL_INTERVAL_MS: String(Math.round(1000 / limits.perSecondPerChannel)),
        ...settings,
      });
    },
  };
}
