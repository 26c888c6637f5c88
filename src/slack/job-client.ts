import { type RetryOptions, WebClient, WebClientEvent } from '@slack/web-api';
import type { OfflineConfig } from '../config.js';
import { AppError } from '../errors.js';
import { type AppLogger, libraryLogger } from '../logger.js';
import { slackTransport } from './slack-transport.js';

/**
 * How the jobs' WebClient retries a call by itself: network errors, timeouts and HTTP errors up to
 * 4 more times, about 1, 2, 4 and 8 s apart (randomised up to twice that, so replicas do not retry
 * in step); a 429 after its Retry-After, with every call of the client paused meanwhile (each such
 * wait counts as one retry). Slack's `ok: false` answers are not retried here. A call that still
 * fails is recorded as failed and, unless Slack refused it for good, tried again by a later tick
 * (src/scheduler/deliver.ts). One call's retries take at most about 3 minutes (with the request
 * timeout below) plus Slack's Retry-After waits, within the claim lease (10 minutes by default).
 */
export const JOB_RETRY_CONFIG: RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 8000,
  randomize: true,
};

/** A request without an answer after this long is abandoned, and retried as a network error. */
export const JOB_REQUEST_TIMEOUT_MS = 30_000;

/** The Web API client for scheduled jobs: the retry settings above, rate-limit waits logged, through the proxy. */
export function createJobSlackClient(
  config: OfflineConfig,
  logger: AppLogger,
  retryConfig: RetryOptions = JOB_RETRY_CONFIG,
): WebClient {
  const token = config.slack.botToken;
  if (!token) {
    throw new AppError(
      'missing_bot_token',
      'SLACK_BOT_TOKEN is not set: sending needs the bot token (xoxb-…). `tracker reminders preview` shows what would be sent without it.',
      'cli.error.missing_bot_token',
    );
  }
  const transport = slackTransport(config.proxy);
  const client = new WebClient(token, {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    ...(transport.fetch ? { fetch: transport.fetch } : {}),
    // The client logs whole request bodies at debug level: those lines are dropped.
    logger: libraryLogger(logger),
    retryConfig,
    timeout: JOB_REQUEST_TIMEOUT_MS,
  });
  client.on(WebClientEvent.RATE_LIMITED, (retryAfterSeconds: number, { url }: { url: string }) => {
    logger.event('warn', 'slack rate limited; client paused', {
      method: url.slice(url.lastIndexOf('/') + 1),
      retryAfterMs: retryAfterSeconds * 1000,
    });
  });
  return client;
}
