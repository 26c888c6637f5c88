import { hostname } from 'node:os';
import type { Db } from '../db/client.js';
import type { AppLogger } from '../logger.js';
import { claimDelivery } from '../services/deliveries/claim-delivery.js';
import type { ExistingDelivery } from '../services/deliveries/find-deliveries-by-key.js';
import { markDeliveryFailed } from '../services/deliveries/mark-delivery-failed.js';
import { markDeliverySent } from '../services/deliveries/mark-delivery-sent.js';
import { markDeliverySkipped } from '../services/deliveries/mark-delivery-skipped.js';
import { reclaimFailedDelivery } from '../services/deliveries/reclaim-failed-delivery.js';
import { sendFailure } from '../slack/send-failure.js';

/** Who claims deliveries from this process (for the Delivery row and the log). */
export const PROCESS_ID = `${hostname()}:${process.pid}`;

export interface DeliverDeps {
  db: Db;
  logger: AppLogger;
  now: Date;
  /** How long a claim without an outcome is trusted before it counts as abandoned (a crash). */
  claimLeaseMs?: number;
  claimedBy?: string;
  /**
   * The run's clock: `now` (the tick's instant) advanced by the time the run has taken so far.
   * Claims are stamped with it, not with `now`: a fan-out can outlast the lease, and a claim made
   * late in it, stamped with the tick's instant, would already look abandoned to another process.
   */
  clock?: () => Date;
}

/** A clock that starts at `now` and runs with the wall clock, for DeliverDeps.clock. */
export function runClock(now: Date): () => Date {
  const startedAt = Date.now();
  return () => new Date(now.getTime() + (Date.now() - startedAt));
}

/** Longer than any send takes with its retries, so a live claim is never taken over. */
export const DEFAULT_CLAIM_LEASE_MS = 10 * 60 * 1000;

export interface DeliveryItem {
  key: string;
  kind: string;
  recipient: string;
  dueAt: Date;
  payload: string;
  targetIds: number[];
  existing: ExistingDelivery | null;
}

export interface SentMessage {
  channel: string;
  ts: string;
  threadTs?: string | null;
}

export type DeliveryOutcome = 'sent' | 'failed' | 'skipped' | 'already';

const RETRYABLE = '[retryable]';
const PERMANENT = '[permanent]';

/**
 * True when a delivery may be tried again now: either its claim was abandoned (still "claimed"
 * after the lease: the process died between claiming and recording, so the message may or may not
 * have reached Slack; sending again risks one duplicate rather than a lost reminder), or its
 * failure was transient and enough time passed since its last try (5, 10, 20, 40 then every 60
 * minutes after the first, second… try), so a Slack outage is not hammered every minute. The
 * caller also checks that the delivery is still within the catch-up bound.
 */
export function isRetryDue(
  existing: ExistingDelivery,
  now: Date,
  claimLeaseMs: number = DEFAULT_CLAIM_LEASE_MS,
): boolean {
  if (existing.status === 'claimed') return now.getTime() - existing.claimedAt.getTime() >= claimLeaseMs;
  if (existing.status !== 'failed' || !(existing.error ?? '').startsWith(RETRYABLE)) return false;
  const tries = Math.max(1, existing.attempts);
  const waitMinutes = Math.min(60, 5 * 2 ** (tries - 1));
  return now.getTime() - existing.claimedAt.getTime() >= waitMinutes * 60 * 1000;
}

/** The lease ran out during the send and another process took the delivery over: its outcome stands. */
function claimLost(logger: AppLogger, item: DeliveryItem, claimedBy: string, outcome: 'sent' | 'failed'): void {
  logger.event('warn', 'delivery outcome not recorded: claim taken over', {
    key: item.key,
    kind: item.kind,
    recipient: item.recipient,
    claimedBy,
    outcome,
  });
}

/**
 * Sends one delivery at most once: claims its key in the database (or takes back a failed one)
 * BEFORE calling Slack, then records where it landed or why it failed, and the number of tries
 * (`attempts`; the WebClient's own retries within a try are not counted). A replica or an earlier
 * run that holds the key makes this a no-op ('already').
 */
export async function deliverOnce(
  deps: DeliverDeps,
  item: DeliveryItem,
  send: () => Promise<SentMessage>,
): Promise<DeliveryOutcome> {
  const { db, logger, now } = deps;
  const claimedBy = deps.claimedBy ?? PROCESS_ID;
  const claimedAt = deps.clock?.() ?? now;
  let id: number;
  let previousAttempts = 0;
  if (item.existing) {
    if (!isRetryDue(item.existing, now, deps.claimLeaseMs)) return 'already';
    const won = await reclaimFailedDelivery(db, {
      id: item.existing.id,
      previousStatus: item.existing.status,
      previousClaimedAt: item.existing.claimedAt,
      now: claimedAt,
      claimedBy,
    });
    if (!won) return 'already';
    if (item.existing.status === 'claimed') {
      logger.event('warn', 'abandoned delivery taken over', {
        key: item.key,
        claimedBy: item.existing.claimedBy ?? undefined,
        claimedAt: item.existing.claimedAt.toISOString(),
      });
    }
    id = item.existing.id;
    previousAttempts = item.existing.attempts;
  } else {
    const claim = await claimDelivery(db, {
      key: item.key,
      kind: item.kind,
      recipient: item.recipient,
      dueAt: item.dueAt,
      now: claimedAt,
      claimedBy,
      payload: item.payload,
      targetIds: item.targetIds,
    });
    if (!claim) return 'already';
    id = claim.id;
  }
  const attempts = previousAttempts + 1;
  try {
    const sent = await send();
    const recorded = await markDeliverySent(db, {
      id,
      claimedAt,
      claimedBy,
      channel: sent.channel,
      ts: sent.ts,
      threadTs: sent.threadTs ?? null,
      now,
      attempts,
    });
    if (!recorded) claimLost(logger, item, claimedBy, 'sent');
    logger.event('info', 'delivery sent', {
      key: item.key,
      kind: item.kind,
      recipient: item.recipient,
      channel: sent.channel,
      ts: sent.ts,
      threadTs: sent.threadTs ?? undefined,
      attempts,
      targets: item.targetIds.length,
    });
    return 'sent';
  } catch (error) {
    // Anything but Slack refusing the message for good (bad channel, not in channel…) may pass on a later tick.
    const { reason, retryable } = sendFailure(error);
    const recorded = await markDeliveryFailed(db, {
      id,
      claimedAt,
      claimedBy,
      error: `${retryable ? RETRYABLE : PERMANENT} ${reason}`,
      attempts,
    });
    if (!recorded) claimLost(logger, item, claimedBy, 'failed');
    logger.event('error', 'delivery failed', {
      key: item.key,
      kind: item.kind,
      recipient: item.recipient,
      reason,
      retryable,
      attempts,
    });
    return 'failed';
  }
}

/** Records a delivery as deliberately not sent (once per key), with a log line saying why. */
export async function recordSkipped(
  deps: Pick<DeliverDeps, 'db' | 'logger' | 'now' | 'claimedBy'>,
  item: Omit<DeliveryItem, 'existing'>,
  reason: string,
): Promise<DeliveryOutcome> {
  const claim = await claimDelivery(deps.db, {
    key: item.key,
    kind: item.kind,
    recipient: item.recipient,
    dueAt: item.dueAt,
    now: deps.now,
    claimedBy: deps.claimedBy ?? PROCESS_ID,
    payload: item.payload,
    targetIds: item.targetIds,
  });
  if (!claim) return 'already';
  await markDeliverySkipped(deps.db, { id: claim.id, reason });
  deps.logger.event('warn', 'delivery skipped', {
    key: item.key,
    kind: item.kind,
    recipient: item.recipient,
    dueAt: item.dueAt.toISOString(),
    reason,
  });
  return 'skipped';
}
