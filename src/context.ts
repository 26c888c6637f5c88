import type { RetryOptions } from '@slack/web-api';
import type { OfflineConfig } from './config.js';
import type { Database, Db } from './db/client.js';
import type { AppLogger } from './logger.js';
import type { AfterAckQueue } from './slack/after-ack.js';

/** What every listener, job and command is given: never globals, so tests can swap each part. */
export interface AppContext {
  db: Db;
  database: Database;
  config: OfflineConfig;
  logger: AppLogger;
  /** The clock; tests travel in time by replacing it. */
  now: () => Date;
  /**
   * How the listeners' Web API client retries a failed call; absent, the client's own default
   * (about ten retries over half an hour). Tests turn retries off so that no call outlives them.
   */
  slackRetries?: RetryOptions;
}

/** What Slack listeners are given: the app's context and the queue for their after-ack work. */
export interface ListenerContext extends AppContext {
  afterAck: AfterAckQueue;
}
