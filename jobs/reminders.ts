import type { OfflineConfig } from '../src/config.js';
import { runReminders } from '../src/reminders/run-reminders.js';
import type { Job } from '../src/scheduler/job.js';

/**
 * Reminders, check-ins and escalations. It runs every minute and works out from the database what
 * is due (nothing is scheduled per reminder), so a tick missed while the bot was down is caught up
 * by the next one, within the catch-up bound.
 */
export function remindersJob(config: OfflineConfig): Job {
  const { sendTime } = config.reminders;
  return {
    id: 'reminders',
    cron: '* * * * *',
    schedule: `every minute; reminders and escalations go out at ${sendTime} on business days`,
    timeZone: config.timeZone,
    run: (deps) => runReminders(deps),
  };
}
