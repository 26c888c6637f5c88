import { parseArgs } from 'node:util';
import { hoursToMilliseconds } from 'date-fns';
import { loadOfflineConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { applyMigrations } from '../../db/migrations.js';
import { truncate } from '../../domain/mrkdwn.js';
import { type Locale, t } from '../../i18n/messages.js';
import { type PlannedEscalation, planEscalations } from '../../reminders/plan-escalations.js';
import { type PlannedReminder, planReminders, type ReminderReason } from '../../reminders/plan-reminders.js';
import { isRetryDue } from '../../scheduler/deliver.js';
import { listConfiguredHqUsers } from '../../services/people/list-configured-hq-users.js';
import type { SubcommandIo } from '../io.js';
import { parseInstant } from '../parse-instant.js';

function reasonText(r: ReminderReason, locale: Locale): string {
  if (r.kind === 'checkin') {
    return t(locale, 'cli.reminders.reason.checkin', { cadence: r.cadence, since: r.periodStart });
  }
  const what =
    r.kind === 'last-day'
      ? t(locale, 'cli.reminders.reason.last_day', { window: r.windowName, closes: r.closesOn })
      : t(locale, 'cli.reminders.reason.opens', { window: r.windowName, opens: r.opensOn });
  if (r.role === 'approve') return t(locale, 'cli.reminders.reason.approve', { what });
  if (r.role === 'check') return t(locale, 'cli.reminders.reason.check', { what });
  return t(locale, 'cli.reminders.reason.self', { what, since: r.cycleStart });
}

function state(item: PlannedReminder | PlannedEscalation, businessDay: boolean, now: Date, locale: Locale): string {
  if (item.existing) {
    const retry = item.existing.status === 'failed' && isRetryDue(item.existing, now) && item.relevance === 'live';
    return t(locale, retry ? 'cli.reminders.state.retry' : 'cli.reminders.state.recorded', {
      status: item.existing.status,
    });
  }
  if (item.relevance === 'stale') return t(locale, 'cli.reminders.state.missed');
  if ('recipientType' in item && item.recipientType === 'none') return t(locale, 'cli.reminders.state.nobody');
  return t(locale, businessDay ? 'cli.reminders.state.send' : 'cli.reminders.state.waits');
}

/**
 * Missed: due longer ago than the catch-up bound, so never sent (the job records it as skipped).
 * The preview lists these only with --missed: they say what went unsent, not what goes out now.
 */
function isMissed(item: PlannedReminder | PlannedEscalation): boolean {
  return item.relevance === 'stale';
}

/**
 * `tracker reminders preview [--at ISO-8601] [--missed]`: who would be reminded (and escalated) of
 * what at --at (default now); sends nothing. Reminders missed beyond the catch-up bound are
 * counted, and listed with --missed.
 */
export async function runRemindersPreview(args: string[], io: SubcommandIo): Promise<number> {
  const { locale } = io;
  const { values } = parseArgs({ args, options: { at: { type: 'string' }, missed: { type: 'boolean' } } });
  const at = values.at === undefined ? new Date() : parseInstant(values.at);
  if (!at) {
    io.err(t(locale, 'cli.error.bad_instant', { value: JSON.stringify(values.at) }));
    return 2;
  }
  const withMissed = values.missed === true;
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
    const shown = <T extends PlannedReminder | PlannedEscalation>(items: T[]) =>
      withMissed ? items : items.filter((item) => !isMissed(item));
    const reminders = shown(plan.items);
    const raised = shown(escalations);
    io.out(
      t(locale, 'cli.reminders.header', {
        at: at.toISOString(),
        today: plan.today,
        zone: config.timeZone,
        day: t(locale, plan.businessDay ? 'cli.reminders.business_day' : 'cli.reminders.not_business_day'),
        time: rules.sendTime,
      }),
    );
    io.out(`\n${t(locale, 'cli.reminders.reminders', { count: reminders.length })}`);
    for (const item of reminders) {
      io.out(`  ${item.recipient}  ${item.day}  ${state(item, plan.businessDay, at, locale)}  [${item.key}]`);
      for (const r of item.reasons) io.out(`    ${t(locale, 'cli.reminders.why')}${reasonText(r, locale)}`);
      for (const x of item.targets) {
        const last = x.lastReportedAt?.toISOString() ?? t(locale, 'cli.reminders.never');
        io.out(`    - ${x.code} ${truncate(x.title, 60)}${t(locale, 'cli.reminders.last_report', { last })}`);
      }
    }
    if (plan.paused.length > 0) {
      io.out(`\n${t(locale, 'cli.reminders.paused', { count: plan.paused.length })}`);
      for (const p of plan.paused) io.out(`  ${p.recipient}  ${t(locale, 'cli.reminders.paused_item', p)}`);
    }
    io.out(`\n${t(locale, 'cli.reminders.escalations', { count: raised.length })}`);
    for (const e of raised) {
      io.out(
        `  ${e.level} → ${e.recipient} (${e.recipientType})  ${e.day}  ${state(e, plan.businessDay, at, locale)}  [${e.key}]`,
      );
      for (const x of e.targets) {
        const facts = t(locale, 'cli.reminders.escalated_target', { owner: x.ownerId, on: x.remindedOn });
        io.out(`    - ${x.code} ${truncate(x.title, 60)}${facts}`);
      }
    }
    const hidden = plan.items.length - reminders.length + (escalations.length - raised.length);
    if (hidden > 0) {
      io.out(`\n${t(locale, 'cli.reminders.missed_hidden', { count: hidden, hours: config.delivery.catchUpHours })}`);
    }
    io.out(`\n${t(locale, 'cli.reminders.nothing_sent')}`);
    return 0;
  } finally {
    await database.close();
  }
}
