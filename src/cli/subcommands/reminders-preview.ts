import { parseArgs } from 'node:util';
import { hoursToMilliseconds } from 'date-fns';
import { loadOfflineConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { applyMigrations } from '../../db/migrations.js';
import { truncate } from '../../domain/mrkdwn.js';
import { type PlannedEscalation, planEscalations } from '../../reminders/plan-escalations.js';
import { type PlannedReminder, planReminders, type ReminderReason } from '../../reminders/plan-reminders.js';
import { isRetryDue } from '../../scheduler/deliver.js';
import { listConfiguredHqUsers } from '../../services/people/list-configured-hq-users.js';
import type { CliIo } from '../io.js';
import { parseInstant } from './jobs-run.js';

function reasonText(r: ReminderReason): string {
  if (r.kind === 'checkin') return `check-in (${r.cadence}, no update since ${r.periodStart})`;
  const what =
    r.kind === 'last-day' ? `last day of ${r.windowName} (closes ${r.closesOn})` : `${r.windowName} opens ${r.opensOn}`;
  if (r.role === 'approve') return `${what}; to approve (managers)`;
  if (r.role === 'check') return `${what}; to check (headquarters)`;
  return `${what}; no update since ${r.cycleStart}`;
}

function state(item: PlannedReminder | PlannedEscalation, businessDay: boolean, now: Date): string {
  if (item.existing) {
    const retry = item.existing.status === 'failed' && isRetryDue(item.existing, now) && item.relevance === 'live';
    return `already ${item.existing.status}${retry ? ' (would retry)' : ''}`;
  }
  if (item.relevance === 'stale') return 'missed beyond the catch-up bound (would be recorded as skipped)';
  if ('recipientType' in item && item.recipientType === 'none') return 'nobody to tell (would be recorded as skipped)';
  return businessDay ? 'WOULD SEND' : 'waits for the next business day';
}

/** `tracker reminders preview [--at ISO-8601]`: who would be reminded (and escalated) of what; sends nothing. */
export async function runRemindersPreview(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { at: { type: 'string' } } });
  const at = values.at === undefined ? new Date() : parseInstant(values.at);
  if (!at) {
    io.err(`--at must be an ISO-8601 instant with a zone, such as 2027-05-25T00:30:00Z (got "${values.at}")`);
    return 2;
  }
  const config = loadOfflineConfig(io.env);
  await applyMigrations(config.databaseUrl);
  const database = await openDatabase(config.databaseUrl);
  try {
    const rules = config.reminders;
    const bound = hoursToMilliseconds(config.delivery.catchUpHours);
    const plan = await planReminders(database.db, {
      now: at,
      timeZone: config.timeZone,
      rules,
      catchUpMs: bound,
      hqUsers: config.hqUsers,
    });
    const hqUsers = await listConfiguredHqUsers(database.db, { configured: config.hqUsers });
    const escalations = await planEscalations(database.db, {
      now: at,
      timeZone: config.timeZone,
      rules,
      catchUpMs: bound,
      hqUsers,
    });
    io.out(
      `Reminders as of ${at.toISOString()} (${plan.today} in ${config.timeZone}, ${plan.businessDay ? 'a business day' : 'not a business day: nothing is sent today'}; send time ${rules.sendTime})`,
    );
    io.out(`\nReminders (${plan.items.length}):`);
    for (const item of plan.items) {
      io.out(`  ${item.recipient}  ${item.day}  ${state(item, plan.businessDay, at)}  [${item.key}]`);
      for (const r of item.reasons) io.out(`    why: ${reasonText(r)}`);
      for (const t of item.targets) {
        io.out(`    - ${t.code} ${truncate(t.title, 60)} (last report: ${t.lastReportedAt?.toISOString() ?? 'none'})`);
      }
    }
    if (plan.paused.length > 0) {
      io.out(`\nPaused (${plan.paused.length}):`);
      for (const p of plan.paused) io.out(`  ${p.recipient}  until ${p.until}  (${p.targets} targets on ${p.day})`);
    }
    io.out(`\nEscalations (${escalations.length}):`);
    for (const e of escalations) {
      io.out(
        `  ${e.level} → ${e.recipient} (${e.recipientType})  ${e.day}  ${state(e, plan.businessDay, at)}  [${e.key}]`,
      );
      for (const t of e.targets)
        io.out(`    - ${t.code} ${truncate(t.title, 60)} (owner ${t.ownerId}, reminded ${t.remindedOn})`);
    }
    io.out('\nNothing was sent (preview).');
    return 0;
  } finally {
    await database.close();
  }
}
