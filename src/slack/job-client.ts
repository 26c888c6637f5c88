import { WebClient } from '@slack/web-api';
import type { OfflineConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';

/**
 * The Web API client for scheduled jobs. It never retries or waits by itself (no retries, 429s
 * rejected at once) so that the send queue alone decides when to retry, and does so deterministically.
 */
export function createJobSlackClient(config: OfflineConfig, logger: AppLogger): WebClient {
  const token = config.slack.botToken;
  if (!token) {
    throw new AppError(
      'missing_bot_token',
      'SLACK_BOT_TOKEN is not set: sending needs the bot token (xoxb-…). `tracker reminders preview` shows what would be sent without it.',
    );
  }
  return new WebClient(token, {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    logger,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}
