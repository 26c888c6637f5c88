import type { OfflineConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import type { TestDatabase } from './databases.js';

/** Log lines written during a test, for assertions (and to keep test output quiet). */
export function captureLogger(level = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(line) });
  return { logger, lines };
}

export function testConfig(overrides: Partial<OfflineConfig> = {}): OfflineConfig {
  return {
    slack: { botToken: 'xoxb-test-token', signingSecret: 'test-signing-secret', apiUrl: undefined },
    port: 0,
    databaseUrl: 'file::memory:',
    timeZone: 'Asia/Tokyo',
    logLevel: 'debug',
    hqUsers: [],
    ...overrides,
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
