import cron from 'node-cron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindersJob } from '../../jobs/reminders.js';
import type { Job, JobDeps } from '../../src/scheduler/job.js';
import { createSchedulerCore, startScheduler } from '../../src/scheduler/scheduler.js';
import { captureLogger, testConfig } from '../helpers/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import {
  buildOrganization,
  cacheLocales,
  FAST_DELIVERY,
  fakeSlack,
  logged,
  testSlackClient,
} from '../helpers/reminder-fixtures.js';
import { waitFor } from '../helpers/slack-driver.js';

/** A promise the test settles when it chooses: a job run that lasts until the test lets it end. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

function fakeJob(
  id: string,
  cronExpression: string,
  timeZone: string,
  options: { until?: Promise<void>; fail?: boolean } = {},
) {
  const runs: Date[] = [];
  const job: Job = {
    id,
    cron: cronExpression,
    schedule: id,
    timeZone,
    async run(deps: JobDeps) {
      runs.push(deps.now);
      if (options.until) await options.until;
      if (options.fail) throw new Error(`${id} broke`);
      return { sent: 1, skipped: 0, failed: 0 };
    },
  };
  return { job, runs };
}

describe('the scheduler', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database?.destroy());

  function context(now = new Date('2027-05-24T00:30:00Z')) {
    const { logger, lines } = captureLogger();
    return { ctx: { db: database.db, config: testConfig(), logger, now: () => now, slack: testSlackClient() }, lines };
  }

  it('runs each job whose cron matches the tick minute in the job time zone', async () => {
    const { ctx } = context();
    const tokyo = fakeJob('tokyo', '30 9 * * 1', 'Asia/Tokyo');
    const london = fakeJob('london', '0 9 * * *', 'Europe/London');
    const core = createSchedulerCore(ctx, [tokyo.job, london.job]);
    core.tick(new Date('2027-05-24T00:30:05Z'));
    core.tick(new Date('2027-05-24T00:31:00Z'));
    await core.idle();
    expect(tokyo.runs.map((d) => d.toISOString())).toEqual(['2027-05-24T00:30:05.000Z']);
    expect(london.runs).toHaveLength(0);
    core.tick(new Date('2027-05-24T08:00:00Z'));
    await core.idle();
    expect(london.runs).toHaveLength(1);
    core.dispose();
  });

  it('does not start a job again while its previous run is still going', async () => {
    const { ctx, lines } = context();
    const held = gate();
    const slow = fakeJob('slow', '* * * * *', 'Asia/Tokyo', { until: held.opened });
    const core = createSchedulerCore(ctx, [slow.job]);
    core.tick(new Date('2027-05-24T00:30:00Z'));
    core.tick(new Date('2027-05-24T00:31:00Z'));
    expect(slow.runs).toHaveLength(1);
    expect(logged(lines, 'job still running; tick left to it')).toHaveLength(1);
    held.open();
    await core.idle();
    expect(slow.runs).toHaveLength(1);
    core.tick(new Date('2027-05-24T00:32:00Z'));
    await core.idle();
    expect(slow.runs).toHaveLength(2);
    core.dispose();
  });

  it('logs a failing job and keeps ticking', async () => {
    const { ctx, lines } = context();
    const broken = fakeJob('broken', '* * * * *', 'Asia/Tokyo', { fail: true });
    const core = createSchedulerCore(ctx, [broken.job]);
    core.tick(new Date('2027-05-24T00:30:00Z'));
    await core.idle();
    core.tick(new Date('2027-05-24T00:31:00Z'));
    await core.idle();
    expect(broken.runs).toHaveLength(2);
    expect(logged(lines, 'job failed')[0]).toMatchObject({ job: 'broken', error: { message: 'broken broke' } });
    core.dispose();
  });

  it('on start, runs every-minute jobs at once and catches up a missed run within 24 hours only', async () => {
    const { ctx, lines } = context();
    const everyMinute = fakeJob('every-minute', '* * * * *', 'Asia/Tokyo');
    const daily = fakeJob('daily', '0 9 * * *', 'Asia/Tokyo'); // due 3.5 h before the start
    const weekly = fakeJob('weekly', '0 9 * * 5', 'Asia/Tokyo'); // last due Friday: 3 days before
    const core = createSchedulerCore(ctx, [everyMinute.job, daily.job, weekly.job]);
    core.catchUp(new Date('2027-05-24T03:30:00Z')); // Monday 12:30 Tokyo
    await core.idle();
    expect(everyMinute.runs.map((d) => d.toISOString())).toEqual(['2027-05-24T03:30:00.000Z']);
    expect(daily.runs.map((d) => d.toISOString())).toEqual(['2027-05-24T00:00:00.000Z']);
    expect(weekly.runs).toHaveLength(0);
    expect(logged(lines, 'running a job missed while the bot was down')).toHaveLength(1);
    core.dispose();
  });

  it('starts on node-cron with an explicit zone and stops cleanly, waiting for a run in progress', async () => {
    const { ctx, lines } = context();
    const held = gate();
    const slow = fakeJob('slow', '* * * * *', 'Asia/Tokyo', { until: held.opened });
    const scheduler = startScheduler(ctx, [slow.job]);
    const ticking = () => [...cron.getTasks().values()].some((t) => t.name === 'tracker-scheduler');
    expect(ticking()).toBe(true);
    expect(slow.runs).toHaveLength(1); // the start-up run, held until the test lets it end
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    // Ticking has stopped, but stop() waits for the run in progress.
    await waitFor(() => !ticking());
    expect(stopped).toBe(false);
    expect(logged(lines, 'job run')).toHaveLength(0);
    held.open();
    await stopping;
    expect(logged(lines, 'job run')[0]).toMatchObject({ job: 'slow', reason: 'start', sent: 1 });
    expect(logged(lines, 'scheduler stopped')).toHaveLength(1);
    expect(ticking()).toBe(false);
    await scheduler.stop();
  });
});

describe('the scheduler driving the reminders job', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    await buildOrganization(database.db, {
      windows: [{ name: '自己評価', opens: '2027-06-01', closes: '2027-06-20' }],
      departments: [
        {
          code: 'a',
          members: ['U1', 'U2'],
          targets: [
            { code: 'A-1', owner: 'U1' },
            { code: 'A-2', owner: 'U2' },
          ],
        },
      ],
    });
    await cacheLocales(database.db, { U1: 'ja-JP', U2: 'ja-JP' }, new Date('2100-01-01T00:00:00Z'));
  });
  afterAll(async () => database?.destroy());

  it('sends at 09:30 on the tick and nothing more on the following ticks', async () => {
    const { logger } = captureLogger();
    const config = testConfig({ databaseUrl: database.url, delivery: FAST_DELIVERY });
    const slack = fakeSlack();
    const ctx = { db: database.db, config, logger, now: () => new Date(), slack: testSlackClient() };
    const core = createSchedulerCore(ctx, [remindersJob(config)]);
    core.tick(new Date('2027-05-25T00:29:00Z'));
    await core.idle();
    expect(slack.posts()).toHaveLength(0);
    for (const minute of ['30', '31', '32']) {
      core.tick(new Date(`2027-05-25T00:${minute}:00Z`));
      await core.idle();
    }
    expect(
      slack
        .posts()
        .map((p) => p.body.channel)
        .sort(),
    ).toEqual(['U1', 'U2']);
    core.dispose();
  });
});
