import { buildWeeklyDigest } from '../src/blocks/digest-weekly.js';
import { renderDigestChart } from '../src/chart/render-chart.js';
import type { OfflineConfig } from '../src/config.js';
import { type ChartRenderer, chartAttachment } from '../src/digest/chart-attachment.js';
import { DIGEST_CRON, describeSchedule, outcomeResult } from '../src/digest/job-support.js';
import { postDigest } from '../src/digest/post-digest.js';
import { dueDigest } from '../src/digest/schedule.js';
import type { Locale } from '../src/i18n/messages.js';
import { deliverOnce, isRetryDue } from '../src/scheduler/deliver.js';
import type { Job, JobDeps, JobResult } from '../src/scheduler/job.js';
import { findDeliveriesByKey } from '../src/services/deliveries/find-deliveries-by-key.js';
import { buildDigestData } from '../src/services/digest/build-digest-data.js';
import { sendQueueFor } from '../src/slack/send-queue.js';

export interface DigestJobOptions {
  /** Renders the chart PNG; replaced in tests to simulate a rendering failure. */
  renderChart?: ChartRenderer;
  /** Channels have no user locale: digests are in Japanese unless told otherwise. */
  locale?: Locale;
}

const NOTHING: JobResult = { sent: 0, skipped: 0, failed: 0 };

/**
 * The weekly leadership digest: every Monday at 09:00 (the next business day when Monday is
 * closed) to the fiscal year's leadership channel, with the chart and the rest in its thread.
 */
export function weeklyDigestJob(config: OfflineConfig, options: DigestJobOptions = {}): Job {
  const schedule = config.digest.weekly;
  const locale = options.locale ?? 'ja';
  return {
    id: 'weekly-digest',
    cron: DIGEST_CRON,
    schedule: describeSchedule(schedule),
    timeZone: config.timeZone,
    async run(deps: JobDeps): Promise<JobResult> {
      const { db, slack, logger, now } = deps;
      if (!schedule) return NOTHING;
      const due = dueDigest(now, deps.config.timeZone, schedule);
      if (!due) return NOTHING;
      const key = `weekly-digest:${due.day}`;
      const settings = deps.config.delivery;
      // Cheap check first: on most ticks of the day the digest is already out.
      const existing = (await findDeliveriesByKey(db, [key])).get(key) ?? null;
      if (existing && !isRetryDue(existing, now, settings.claimLeaseMs)) return { ...NOTHING, skipped: 1 };
      const data = await buildDigestData(db, {
        now,
        timeZone: deps.config.timeZone,
        defaultCadence: deps.config.reminders.defaultCadence,
      });
      if (!data?.leadershipChannel) {
        // Not recorded as skipped: headquarters may still set the channel today, and then it goes out.
        logger.event('warn', 'weekly digest not sent: no fiscal year or no leadership channel', {
          key,
          fiscalYear: data?.fiscalYear ?? null,
        });
        return { ...NOTHING, skipped: 1 };
      }
      const channel = data.leadershipChannel;
      const queue = sendQueueFor(slack, settings);
      const outcome = await deliverOnce(
        { db, logger, now, claimLeaseMs: settings.claimLeaseMs },
        {
          key,
          kind: 'weekly-digest',
          recipient: channel,
          dueAt: due.dueAt,
          payload: JSON.stringify({ fiscalYear: data.fiscalYear, departments: data.departments.length }),
          targetIds: [],
          existing,
        },
        async () => {
          // Rendered only once the delivery is ours, so a replica that lost the claim does no work.
          const chart = await chartAttachment(logger, data, locale, options.renderChart ?? renderDigestChart, key);
          const messages = buildWeeklyDigest(data, locale, { chart: chart !== null });
          const posted = await postDigest({ slack, queue, logger, channel, messages, chart, key });
          logger.event(posted.problems.length > 0 ? 'error' : 'info', 'weekly digest posted', {
            key,
            channel,
            messages: messages.length,
            threadReplies: posted.threadReplies,
            chart: posted.chartUploaded,
            problems: posted.problems,
          });
          return { channel, ts: posted.ts };
        },
      );
      return outcomeResult(outcome);
    },
  };
}
