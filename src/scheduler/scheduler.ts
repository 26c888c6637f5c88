import type { WebClient } from '@slack/web-api';
import { hoursToMilliseconds } from 'date-fns';
import cron from 'node-cron';
import type { AppContext } from '../context.js';
import { type CronMatcher, createCronMatcher, minuteOf } from './cron-matcher.js';
import type { Job, JobResult } from './job.js';

// One node-cron task ticks every minute (explicit time zone); each tick asks every job whether its
// cron matches that minute. Jobs work out what is due from the database and claim each delivery
// by key before sending, so replicas, reruns and catch-up runs never send anything twice.

export type SchedulerContext = Pick<AppContext, 'db' | 'config' | 'logger' | 'now'> & { slack: WebClient };

export interface SchedulerCore {
  /** Starts every job whose cron matches the minute of `at` (a job still running is left alone). */
  tick(at: Date): void;
  /**
   * On start: every-minute jobs run once now (they catch up by themselves); any other job whose
   * latest scheduled minute lies within the catch-up bound runs once as of that minute.
   */
  catchUp(at: Date): void;
  /** Resolves when no job is running. */
  idle(): Promise<void>;
  dispose(): void;
}

const EVERY_MINUTE = '* * * * *';

export function createSchedulerCore(ctx: SchedulerContext, jobs: Job[]): SchedulerCore {
  const { logger } = ctx;
  const matchers = new Map<string, CronMatcher>(jobs.map((j) => [j.id, createCronMatcher(j.cron, j.timeZone)]));
  const running = new Map<string, Promise<void>>();

  const run = (job: Job, at: Date, reason: 'scheduled' | 'start' | 'catch-up') => {
    if (running.has(job.id)) {
      logger.event('debug', 'job still running; tick left to it', { job: job.id, at: at.toISOString() });
      return;
    }
    const started = Date.now();
    const promise = job
      .run({ db: ctx.db, slack: ctx.slack, logger, now: at, config: ctx.config })
      .then((result: JobResult) => {
        const busy = result.sent > 0 || result.failed > 0 || reason !== 'scheduled';
        logger.event(result.failed > 0 ? 'warn' : busy ? 'info' : 'debug', 'job run', {
          job: job.id,
          reason,
          at: at.toISOString(),
          ms: Date.now() - started,
          ...result,
        });
      })
      .catch((error: unknown) => {
        logger.event('error', 'job failed', { job: job.id, reason, at: at.toISOString(), error });
      })
      .finally(() => running.delete(job.id));
    running.set(job.id, promise);
  };

  return {
    tick(at) {
      for (const job of jobs) if (matchers.get(job.id)?.matches(at)) run(job, at, 'scheduled');
    },
    catchUp(at) {
      const bound = hoursToMilliseconds(ctx.config.delivery.catchUpHours);
      const now = minuteOf(at).getTime();
      for (const job of jobs) {
        if (job.cron.trim() === EVERY_MINUTE) {
          run(job, at, 'start');
          continue;
        }
        const matcher = matchers.get(job.id);
        for (let t = now; t >= now - bound; t -= 60_000) {
          if (matcher?.matches(new Date(t))) {
            logger.event('info', 'running a job missed while the bot was down', {
              job: job.id,
              scheduled: new Date(t).toISOString(),
            });
            run(job, new Date(t), 'catch-up');
            break;
          }
        }
      }
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
    dispose() {
      for (const m of matchers.values()) m.dispose();
    },
  };
}

/**
 * Starts the scheduler: catch-up at once, then one tick per minute. stop() stops ticking and waits
 * for runs in progress (their deliveries are recorded before the process exits).
 */
export function startScheduler(ctx: SchedulerContext, jobs: Job[]): { stop(): Promise<void> } {
  const core = createSchedulerCore(ctx, jobs);
  ctx.logger.event('info', 'scheduler started', {
    timeZone: ctx.config.timeZone,
    jobs: jobs.map((j) => ({ id: j.id, cron: j.cron, timeZone: j.timeZone, schedule: j.schedule })),
  });
  core.catchUp(ctx.now());
  const task = cron.schedule(EVERY_MINUTE, () => core.tick(ctx.now()), {
    name: 'tracker-scheduler',
    timezone: ctx.config.timeZone,
    logger: ctx.logger,
  });
  let stopped = false;
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      await task.stop();
      await task.destroy();
      await core.idle();
      core.dispose();
      ctx.logger.event('info', 'scheduler stopped');
    },
  };
}
