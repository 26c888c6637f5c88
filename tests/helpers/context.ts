import {
  type Config,
  type DeliveryConfig,
  type DigestConfig,
  loadConfig,
  type ReminderConfig,
} from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import type { TestDatabase } from './databases.js';

/** Log lines written during a test, for assertions (and to keep test output quiet). */
export function captureLogger(level = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(line) });
  return { logger, lines };
}

/** What a test may change in testConfig: slack whole, the sections field by field. */
export type TestConfigOverrides = Partial<Omit<Config, 'reminders' | 'delivery' | 'digest'>> & {
  reminders?: Partial<ReminderConfig>;
  delivery?: Partial<DeliveryConfig>;
  digest?: Partial<DigestConfig>;
};

/** The environment testConfig loads: HTTP mode, an in-memory database, debug logs, any free port. */
const TEST_ENV = {
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_SIGNING_SECRET: 'test-signing-secret',
  DATABASE_URL: 'file::memory:',
  LOG_LEVEL: 'debug',
  PORT: '0',
};

/**
 * A full, valid config as loadConfig reads it from a minimal environment (so every section has
 * its documented defaults), with overrides: `slack` replaces the Slack settings, `reminders`,
 * `delivery` and `digest` change only the fields given, anything else replaces the setting.
 */
export function testConfig(overrides: TestConfigOverrides = {}): Config {
  const base = loadConfig(TEST_ENV);
  const { reminders, delivery, digest, ...rest } = overrides;
  return {
    ...base,
    ...rest,
    reminders: { ...base.reminders, ...reminders },
    delivery: { ...base.delivery, ...delivery },
    digest: { ...base.digest, ...digest },
  };
}

/** An AppContext on a test database with a fixed clock. */
export function testContext(
  database: TestDatabase,
  now = new Date('2026-11-20T01:00:00Z'),
): AppContext & { lines: string[] } {
  const { logger, lines } = captureLogger();
  return {
    db: database.db,
    database,
    config: testConfig({ databaseUrl: database.url }),
    logger,
    now: () => now,
    lines,
  };
}
