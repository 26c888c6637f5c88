import { buildDepartmentDigest } from '../src/blocks/digest-department.js';
import type { OfflineConfig } from '../src/config.js';
import { DIGEST_CRON, describeSchedule, outcomeResult } from '../src/digest/job-support.js';
import { postDigest } from '../src/digest/post-digest.js';
import { dueDigest } from '../src/digest/schedule.js';
import type { Locale } from '../src/i18n/messages.js';
import { deliverOnce, isRetryDue } from '../src/scheduler/deliver.js';
import type { Job, JobDeps, JobResult } from '../src/scheduler/job.js';
import { findDeliveriesByKey } from '../src/services/deliveries/find-deliveries-by-key.js';
import { buildDigestData } from '../src/services/digest/build-digest-data.js';
import { findLiveFiscalYears } from '../src/services/organization/find-live-fiscal-years.js';
import { listDepartmentChannels } from '../src/services/organization/list-department-channels.js';
import { sendQueueFor } from '../src/slack/send-queue.js';

export interface DepartmentDigestOptions {
  locale?: Locale;
}

/** Delivery key of one department's digest for one digest day. */
export function departmentDigestKey(day: string, departmentCode: string): string {
  return `department-digest:${day}:${departmentCode}`;
}

/**
 * Each department channel's weekly digest, on its own schedule (default: with the leadership
 * digest). One delivery per department per week, so a rerun sends only what is missing.
 */
export function departmentDigestJob(config: OfflineConfig, options: DepartmentDigestOptions = {}): Job {
  const schedule = config.digest.department;
  const locale = options.locale ?? 'ja';
  return {
    id: 'department-digest',
    cron: DIGEST_CRON,
    schedule: describeSchedule(schedule),
    timeZone: config.timeZone,
    async run(deps: JobDeps): Promise<JobResult> {
      const { db, slack, logger, now } = deps;
      const result: JobResult = { sent: 0, skipped: 0, failed: 0 };
      if (!schedule) return result;
      const due = dueDigest(now, deps.config.timeZone, schedule);
      if (!due) return result;
      const settings = deps.config.delivery;
      // The live year for progress: the new one, or the ended one through its review season.
      const live = await findLiveFiscalYears(db, { now, timeZone: deps.config.timeZone });
      if (!live.progress) return result;
      const recipients = await listDepartmentChannels(db, { fiscalYear: live.progress.year });
      const existing = await findDeliveriesByKey(
        db,
        recipients.map((d) => departmentDigestKey(due.day, d.code)),
      );
      const pending = recipients.filter((d) => {
        const found = existing.get(departmentDigestKey(due.day, d.code));
        return !found || isRetryDue(found, now, settings.claimLeaseMs);
      });
      result.skipped = recipients.length - pending.length;
      if (pending.length === 0) return result;
      const data = await buildDigestData(db, {
        now,
        timeZone: deps.config.timeZone,
        fiscalYear: live.progress.year,
        defaultCadence: deps.config.reminders.defaultCadence,
      });
      if (!data) return { ...result, skipped: recipients.length };
      const queue = sendQueueFor(slack, settings);
      for (const recipient of pending) {
        const department = data.departments.find((d) => d.id === recipient.id);
        if (!department) continue;
        const key = departmentDigestKey(due.day, recipient.code);
        const channel = recipient.channelId;
        const outcome = await deliverOnce(
          { db, logger, now, claimLeaseMs: settings.claimLeaseMs },
          {
            key,
            kind: 'department-digest',
            recipient: channel,
            dueAt: due.dueAt,
            payload: JSON.stringify({ fiscalYear: data.fiscalYear, department: recipient.code }),
            targetIds: [],
            existing: existing.get(key) ?? null,
          },
          async () => {
            const messages = buildDepartmentDigest(data, department.id, locale);
            const posted = await postDigest({ slack, queue, logger, channel, messages, chart: null, key });
            if (posted.problems.length > 0) {
              logger.event('error', 'department digest posted with missing thread parts', {
                key,
                problems: posted.problems,
              });
            }
            return { channel, ts: posted.ts };
          },
        );
        const counted = outcomeResult(outcome);
        result.sent += counted.sent;
        result.skipped += counted.skipped;
        result.failed += counted.failed;
      }
      logger.event('info', 'department digests done', { day: due.day, ...result });
      return result;
    },
  };
}
