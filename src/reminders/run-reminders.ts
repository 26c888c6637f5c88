import { hoursToMilliseconds, milliseconds } from 'date-fns';
import { buildHqSummary, buildManagerEscalation } from '../blocks/reminder-escalation.js';
import { buildReminderMessage, buildReminderNudge } from '../blocks/reminder-message.js';
import { instantAt } from '../calendar/time-zone.js';
import type { Locale } from '../i18n/messages.js';
import {
  type DeliverDeps,
  type DeliveryOutcome,
  deliverOnce,
  recordSkipped,
  runClock,
  type SentMessage,
} from '../scheduler/deliver.js';
import type { JobDeps, JobResult } from '../scheduler/job.js';
import { getDisplayNames } from '../services/people/get-display-names.js';
import { getUserLocale } from '../services/people/get-user-locale.js';
import { listConfiguredHqUsers } from '../services/people/list-configured-hq-users.js';
import { findReminderThread } from '../services/reminders/find-reminder-thread.js';
import { sendFailure } from '../slack/send-failure.js';
import { type SendQueue, sendQueueFor } from '../slack/send-queue.js';
import type { EscalationPayload, ReminderPayload } from './payload.js';
import { type PlannedEscalation, planEscalations } from './plan-escalations.js';
import { type PlannedReminder, planReminders } from './plan-reminders.js';

/** Deliveries prepared at once; the send queue does the real pacing. */
const PARALLEL_ITEMS = 16;

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

interface Runtime {
  deps: JobDeps;
  queue: SendQueue;
  deliver: DeliverDeps;
  businessDay: boolean;
}

function messageResult(
  value: { channel?: string; ts?: string },
  fallbackChannel: string,
): { channel: string; ts: string } {
  return { channel: value.channel ?? fallbackChannel, ts: value.ts ?? '' };
}

async function sendReminder(rt: Runtime, item: PlannedReminder): Promise<SentMessage> {
  const { db, slack, logger, now, config } = rt.deps;
  const locale = await getUserLocale({ db, client: slack, logger, now: () => now }, item.recipient);
  const base = { locale, timeZone: config.timeZone, day: item.day, reasons: item.reasons, targets: item.targets };
  // Later reminders of a countdown cycle refresh the first message and thread a short nudge on it.
  const thread = item.cycle.startsWith('countdown:')
    ? await findReminderThread(db, {
        recipient: item.recipient,
        cycle: item.cycle,
        since: new Date(now.getTime() - milliseconds({ days: 120 })),
      })
    : null;
  if (thread) {
    const refreshed = buildReminderMessage({ ...base, updatedOn: item.day });
    try {
      await rt.queue.send(item.recipient, () =>
        slack.chat.update({ channel: thread.channel, ts: thread.ts, text: refreshed.text, blocks: refreshed.blocks }),
      );
      const nudge = buildReminderNudge({ locale, day: item.day, reasons: item.reasons, count: item.targets.length });
      const reply = await rt.queue.send(item.recipient, () =>
        slack.chat.postMessage({ channel: thread.channel, thread_ts: thread.ts, text: nudge.text }),
      );
      return { ...messageResult(reply, thread.channel), threadTs: thread.ts };
    } catch (error) {
      if (sendFailure(error).retryable) throw error;
      // The first message is gone (deleted, too old to edit): start the cycle's thread afresh.
      logger.event('warn', 'reminder thread unusable; posting a new message', { key: item.key, error });
    }
  }
  const message = buildReminderMessage(base);
  const posted = await rt.queue.send(item.recipient, () =>
    slack.chat.postMessage({ channel: item.recipient, text: message.text, blocks: message.blocks }),
  );
  return { ...messageResult(posted, item.recipient), threadTs: null };
}

async function sendEscalation(rt: Runtime, item: PlannedEscalation): Promise<SentMessage> {
  const { db, slack, logger, now, config } = rt.deps;
  const rules = config.reminders;
  const locale: Locale =
    item.recipientType === 'user'
      ? await getUserLocale({ db, client: slack, logger, now: () => now }, item.recipient)
      : 'ja';
  const message =
    item.level === 'manager'
      ? buildManagerEscalation({ locale, businessDays: rules.escalationBusinessDays, targets: item.targets })
      : buildHqSummary({
          locale,
          businessDays: rules.escalationBusinessDays,
          targets: item.targets,
          names: await getDisplayNames(
            { db, client: slack, logger, now: () => now },
            item.targets.map((t) => t.ownerId),
          ),
        });
  const posted = await rt.queue.send(item.recipient, () =>
    slack.chat.postMessage({ channel: item.recipient, text: message.text, blocks: message.blocks }),
  );
  return { ...messageResult(posted, item.recipient), threadTs: null };
}

function reminderPayload(item: PlannedReminder): string {
  const payload: ReminderPayload = {
    day: item.day,
    cycle: item.cycle,
    reasons: item.reasons.map((r) => (r.kind === 'checkin' ? `checkin:${r.cadence}` : `${r.kind}:${r.windowId}`)),
  };
  return JSON.stringify(payload);
}

function escalationPayload(item: PlannedEscalation): string {
  const payload: EscalationPayload = {
    day: item.day,
    level: item.level,
    targets: item.targets.map((t) => ({ id: t.id, owner: t.ownerId, since: t.since.toISOString() })),
  };
  return JSON.stringify(payload);
}

/** What to do with one planned delivery; see the README's "Reminders" section for the rules. */
async function handle(
  rt: Runtime,
  planned: {
    key: string;
    kind: string;
    recipient: string;
    dueAt: Date;
    relevance: 'live' | 'stale';
    existing: PlannedReminder['existing'];
    noRecipient?: string;
  },
  payload: string,
  targetIds: number[],
  send: () => Promise<SentMessage>,
): Promise<DeliveryOutcome> {
  const item = { ...planned, payload, targetIds };
  if (planned.existing) {
    // Failed earlier: retried while still relevant, and never on a closed day.
    if (planned.relevance !== 'live' || !rt.businessDay) return 'already';
    return deliverOnce(rt.deliver, item, send);
  }
  if (planned.relevance === 'stale') {
    const hours = rt.deps.config.delivery.catchUpHours;
    return recordSkipped(rt.deliver, item, `stale: due ${planned.dueAt.toISOString()}, missed by more than ${hours} h`);
  }
  if (planned.noRecipient) return recordSkipped(rt.deliver, item, `no_recipient: ${planned.noRecipient}`);
  // Never on a weekend, holiday or 年末年始: it waits for the next business day (within the bound).
  if (!rt.businessDay) return 'already';
  return deliverOnce(rt.deliver, item, send);
}

/**
 * One tick of the reminders job: plans reminders and escalations due at deps.now and delivers each
 * at most once (claimed by key before any Slack call), through the shared rate-limited queue.
 */
export async function runReminders(deps: JobDeps & { claimedBy?: string }): Promise<JobResult> {
  const { db, slack, logger, now, config } = deps;
  const rules = config.reminders;
  const rates = config.delivery;
  const bound = hoursToMilliseconds(rates.catchUpHours);
  const queue = sendQueueFor(slack, rates);
  const hqUsers = await listConfiguredHqUsers(db, { configured: config.hqUsers });
  const plan = await planReminders(db, {
    now,
    timeZone: config.timeZone,
    rules,
    catchUpMs: bound,
    hqUsers: config.hqUsers,
  });
  const escalations = await planEscalations(db, { now, timeZone: config.timeZone, rules, catchUpMs: bound, hqUsers });
  const rt: Runtime = {
    deps,
    queue,
    businessDay: plan.businessDay,
    deliver: {
      db,
      logger,
      now,
      claimLeaseMs: rates.claimLeaseMs,
      claimedBy: deps.claimedBy,
      // A fan-out to thousands at Slack's pace outlasts the lease: claims carry when they were made.
      clock: runClock(now),
    },
  };

  const result: JobResult = { sent: 0, skipped: plan.paused.length, failed: 0 };
  const count = (outcome: DeliveryOutcome) => {
    if (outcome === 'sent') result.sent++;
    else if (outcome === 'failed') result.failed++;
    else result.skipped++;
  };
  for (const p of plan.paused) {
    logger.event('debug', 'reminder not sent: paused', { recipient: p.recipient, day: p.day, until: p.until });
  }

  await forEachLimited(plan.items, PARALLEL_ITEMS, async (item) => {
    count(
      await handle(
        rt,
        item,
        reminderPayload(item),
        // Escalation chases silence on progress: only the targets the recipient was asked to report on.
        item.targets.filter((t) => t.action === 'report').map((t) => t.id),
        () => sendReminder(rt, item),
      ),
    );
  });
  // Escalations after reminders, so a tick's reminders are never delayed behind them.
  await forEachLimited(escalations, PARALLEL_ITEMS, async (item) => {
    const noRecipient = item.recipientType === 'none' ? `nobody to tell (${item.recipient})` : undefined;
    count(
      await handle(
        rt,
        { ...item, noRecipient },
        escalationPayload(item),
        item.targets.map((t) => t.id),
        () => sendEscalation(rt, item),
      ),
    );
  });

  if (result.sent > 0 || result.failed > 0) {
    logger.event('info', 'reminders tick', {
      at: now.toISOString(),
      sendTime: instantAt(plan.today, rules.sendTime, config.timeZone).toISOString(),
      ...result,
    });
  }
  return result;
}
