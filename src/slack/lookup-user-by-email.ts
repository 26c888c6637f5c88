import type { WebClient } from '@slack/web-api';
import { sendFailure } from './send-failure.js';
import { type Clock, SendQueue, type SendQueueOptions, systemClock } from './send-queue.js';
import { userDisplayName } from './user-display-name.js';

/**
 * users.lookupByEmail is a Tier 3 method (50+ calls a minute, short bursts allowed): the lookups
 * of one import keep that pace through a send queue of their own. A 429 still waits for Slack's
 * Retry-After inside the WebClient (src/slack/job-client.ts).
 */
export const LOOKUP_BY_EMAIL_PACE: SendQueueOptions = {
  channelIntervalMs: 0,
  workspacePerSecond: 50 / 60,
  workspaceBurst: 20,
  concurrency: 3,
};

/** The Slack user an e-mail address belongs to, or null when Slack knows no user by it. */
export type LookupUserByEmail = (
  address: string,
) => Promise<{ slackUserId: string; displayName: string | null } | null>;

/**
 * Looks people up by e-mail address (scope users:read.email). `users_not_found` (no such address,
 * or a deactivated user) answers null; any other failure is thrown, and the lookups still queued
 * then fail with it without calling Slack (a missing scope would fail them all anyway).
 */
export function lookupUserByEmail(client: WebClient, clock: Clock = systemClock): LookupUserByEmail {
  const queue = new SendQueue(LOOKUP_BY_EMAIL_PACE, clock);
  let stopped: { error: unknown } | null = null;
  return async (address) => {
    try {
      const answer = await queue.send(address, () => {
        if (stopped) throw stopped.error;
        return client.users.lookupByEmail({ email: address });
      });
      const id = answer.user?.id;
      if (!id) return null;
      return { slackUserId: id, displayName: userDisplayName(answer.user) };
    } catch (error) {
      if (sendFailure(error).reason === 'users_not_found') return null;
      stopped ??= { error };
      throw error;
    }
  };
}
