/**
 * One scheduler process under a simulated clock, for the fault tests. It runs the bot's own
 * scheduler core (createSchedulerCore: cron matching, one run per job at a time) over allJobs(),
 * configured from the environment like the bot (DATABASE_URL, SLACK_API_URL, TRACKER_*…), so that
 * a week of ticks, or retries minutes apart, take seconds.
 *
 *   node --import tsx tests/faults/scheduler-driver.ts --mode step
 *     stdin  `tick <ISO>`: runs the jobs due in that minute and waits for them; `exit`: stops.
 *     stdout `ready`, then `done <ISO> {"sent":…,"skipped":…,"failed":…,"errors":…}` per tick.
 *   node --import tsx tests/faults/scheduler-driver.ts --mode clock --start <ISO> --speed 10
 *     The clock starts at --start and runs --speed times faster than the wall clock; like the
 *     scheduler it catches up at start and then ticks each (simulated) minute without waiting
 *     for runs (a job still running skips the tick). stdin `exit`: waits for runs, then exits 0.
 *
 * The log (JSON lines) goes to stderr as the bot's does.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { allJobs } from '../../jobs/index.js';
import { loadOfflineConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import type { Job, JobResult } from '../../src/scheduler/job.js';
import { createSchedulerCore } from '../../src/scheduler/scheduler.js';
import { createJobSlackClient } from '../../src/slack/job-client.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'step' },
    start: { type: 'string' },
    speed: { type: 'string', default: '1' },
  },
});

const config = loadOfflineConfig(process.env);
const logger = createLogger({ level: config.logLevel, secrets: [config.slack.botToken] });
const database = await openDatabase(config.databaseUrl);

// Totals of this process's job runs since the last report, to tell the driving test who sent what.
const zero = () => ({ sent: 0, skipped: 0, failed: 0, errors: 0 });
let totals = zero();
const overall = zero();
const add = (result: JobResult | null) => {
  for (const t of [totals, overall]) {
    if (!result) t.errors++;
    else {
      t.sent += result.sent;
      t.skipped += result.skipped;
      t.failed += result.failed;
    }
  }
};
const counted = (job: Job): Job => ({
  ...job,
  run: async (deps) => {
    try {
      const result = await job.run(deps);
      add(result);
      return result;
    } catch (error) {
      add(null);
      throw error;
    }
  },
});

let simulatedNow = () => new Date();
const core = createSchedulerCore(
  { db: database.db, config, logger, now: () => simulatedNow(), slack: createJobSlackClient(config, logger) },
  allJobs(config).map(counted),
);

const lines = createInterface({ input: process.stdin });
const say = (line: string) => process.stdout.write(`${line}\n`);

async function stop(): Promise<never> {
  await core.idle();
  core.dispose();
  await database.close();
  say(`stopped ${JSON.stringify(overall)}`);
  process.exit(0);
}

if (values.mode === 'clock') {
  const start = new Date(values.start ?? '');
  const speed = Number(values.speed);
  if (Number.isNaN(start.getTime()) || !(speed > 0))
    throw new Error('--mode clock needs --start <ISO> and --speed > 0');
  const wallStart = Date.now();
  simulatedNow = () => new Date(start.getTime() + (Date.now() - wallStart) * speed);
  core.catchUp(simulatedNow());
  // Each simulated minute boundary, as node-cron would fire it.
  let nextMinute = Math.floor(start.getTime() / 60_000) * 60_000 + 60_000;
  const timer = setInterval(
    () => {
      while (simulatedNow().getTime() >= nextMinute) {
        const at = new Date(nextMinute);
        say(`tick ${at.toISOString()}`);
        core.tick(at);
        nextMinute += 60_000;
      }
    },
    Math.max(5, Math.floor(1000 / speed)),
  );
  lines.on('line', (line) => {
    if (line.trim() === 'exit') {
      clearInterval(timer);
      void stop();
    }
  });
  say('ready');
} else {
  // Lines are handled one after the other: a tick's runs finish before the next tick starts.
  let chain = Promise.resolve();
  lines.on('line', (line) => {
    chain = chain.then(async () => {
      const [command, arg] = line.trim().split(/\s+/);
      if (command === 'exit') await stop();
      if (command !== 'tick' || !arg) return;
      const at = new Date(arg);
      simulatedNow = () => at;
      totals = zero();
      core.tick(at);
      await core.idle();
      say(`done ${at.toISOString()} ${JSON.stringify(totals)}`);
    });
  });
  say('ready');
}
