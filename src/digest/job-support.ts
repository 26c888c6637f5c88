import type { DeliveryOutcome } from '../scheduler/deliver.js';
import type { JobResult } from '../scheduler/job.js';
import { type DigestSchedule, formatDigestSchedule } from './schedule.js';

/** A delivery's outcome as job counts ('already': another run or replica has it). */
export function outcomeResult(outcome: DeliveryOutcome): JobResult {
  return {
    sent: outcome === 'sent' ? 1 : 0,
    skipped: outcome === 'skipped' || outcome === 'already' ? 1 : 0,
    failed: outcome === 'failed' ? 1 : 0,
  };
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "every Monday at 09:00 (next business day when closed)" for the job list. */
export function describeSchedule(schedule: DigestSchedule | null): string {
  if (!schedule) return 'off';
  const [, time] = formatDigestSchedule(schedule).split(' ');
  return `every ${WEEKDAY_NAMES[schedule.weekday]} at ${time} (the next business day when that day is closed); checked every 15 minutes, due for 24 h`;
}

/**
 * The job ticks every 15 minutes: run() decides whether a digest is due (and claims it), so a
 * missed tick or a holiday costs nothing but a cheap check.
 */
export const DIGEST_CRON = '*/15 * * * *';
