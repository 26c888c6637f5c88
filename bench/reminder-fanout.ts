/**
 * Reminder fan-out bench: `--people` owners (one target each) are all due a countdown reminder at
 * the same tick; the reminders job sends them through the send queue to a fake Slack on 127.0.0.1
 * that enforces Slack-like limits (`--channel-rate` messages per second per channel, a workspace
 * token bucket of `--server-rate`/s with bursts of `--server-burst`) and answers 429 + Retry-After
 * when they are broken. Reports the time to deliver all of them against the floor those limits
 * allow (the slowest channel or the workspace bucket, whichever is longer) and against a baseline
 * measured in the same run (bench/bare-fanout.ts: a bare WebClient paced to the same limits, no
 * database), messages lost, duplicates and 429s.
 *
 *   npx tsx bench/reminder-fanout.ts [--people 1000] [--scenario matched|aggressive|both]
 *                                    [--channel-rate 1] [--server-rate 20] [--server-burst 20]
 *                                    [--provider sqlite|postgresql] [--replicas 1|2]
 *                                    [--runs 1] [--baseline on|off]
 *
 * Scenario "matched": the queue is configured for the fake's limits through the same variables an
 * operator sets (TRACKER_SLACK_WORKSPACE_RATE, TRACKER_SLACK_WORKSPACE_BURST,
 * TRACKER_SLACK_CHANNEL_INTERVAL_MS). Scenario "aggressive": the queue is set 4× too fast (burst
 * 5×), so the fake Slack answers 429s and the jobs' WebClient waits them out. --replicas 2 runs two
 * job instances on two database clients at once (use --provider postgresql).
 */
import { parseArgs } from 'node:util';
import { remindersJob } from '../jobs/reminders.js';
import { loadOfflineConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { createJobSlackClient } from '../src/slack/job-client.js';
import { createTestDatabase, type TestProvider } from '../tests/helpers/databases.js';
import { bareFanout } from './bare-fanout.js';
import type { EventLoopDelay } from './bot-process.js';
import { monitorEventLoop } from './event-loop.js';
import { FANOUT_TICK, seedReminderOwners } from './seed-reminder-owners.js';
import { median, printTable } from './stats.js';
import { countDuplicates, floorSeconds, startThrottledSlack, type ThrottledSlackLimits } from './throttled-slack.js';

type Scenario = 'matched' | 'aggressive';

interface RunResult {
  scenario: Scenario;
  seconds: number;
  floorSeconds: number;
  baselineSeconds: number | null;
  delivered: number;
  lost: number;
  duplicates: number;
  failed: number;
  http429: number;
  baseline429: number | null;
  deliveryRowsSent: number;
  /** This process's event loop while the job ran (the job, and the fake Slack beside it). */
  eventLoop: EventLoopDelay;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The queue's settings as an operator would set them for a workspace with these limits. */
function queueEnvironment(limits: ThrottledSlackLimits, scenario: Scenario): Record<string, string> {
  const factor = scenario === 'aggressive' ? 4 : 1;
  return {
    TRACKER_SLACK_WORKSPACE_RATE: String(limits.workspaceRate * factor),
    TRACKER_SLACK_WORKSPACE_BURST: String(limits.workspaceBurst * (scenario === 'aggressive' ? 5 : 1)),
    TRACKER_SLACK_CHANNEL_INTERVAL_MS: String(Math.ceil(1000 / limits.perSecondPerChannel)),
  };
}

async function runOnce(
  scenario: Scenario,
  options: {
    people: number;
    provider: TestProvider;
    replicas: number;
    limits: ThrottledSlackLimits;
    baseline: boolean;
  },
): Promise<RunResult> {
  let baselineSeconds: number | null = null;
  let baseline429: number | null = null;
  const testDb = await createTestDatabase(options.provider);
  const slack = await startThrottledSlack(options.limits);
  try {
    const owners = await seedReminderOwners(testDb.url, options.people);
    if (options.baseline) {
      // Its own fake workspace, so the bot starts with a full bucket as the baseline did.
      const bare = await startThrottledSlack(options.limits);
      try {
        const measured = await bareFanout(bare.url, owners, options.limits);
        baselineSeconds = measured.seconds;
        baseline429 = bare.stats.rateLimited;
      } finally {
        await bare.close();
      }
    }
    const logger = createLogger({ level: 'error' });
    const config = loadOfflineConfig({
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slack.url,
      DATABASE_URL: testDb.url,
      LOG_LEVEL: 'error',
      ...queueEnvironment(options.limits, scenario),
    });
    const clients = await Promise.all(Array.from({ length: options.replicas }, () => openDatabase(testDb.url)));
    const started = Date.now();
    const loop = monitorEventLoop();
    const results = await Promise.all(
      clients.map((c) =>
        remindersJob(config).run({
          db: c.db,
          slack: createJobSlackClient(config, logger),
          logger,
          now: FANOUT_TICK,
          config,
        }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const eventLoop = loop.stop();
    for (const c of clients) await c.close();
    const deliveryRowsSent = await testDb.db.delivery.count({ where: { status: 'sent' } });
    return {
      scenario,
      seconds,
      floorSeconds: floorSeconds(
        owners.map(() => 1),
        options.limits,
      ),
      baselineSeconds,
      delivered: slack.stats.posts,
      lost: owners.filter((o) => !slack.stats.byChannel.has(o)).length,
      duplicates: countDuplicates(slack.stats.byChannel),
      failed: results.reduce((n, r) => n + r.failed, 0),
      http429: slack.stats.rateLimited,
      baseline429,
      deliveryRowsSent,
      eventLoop,
    };
  } finally {
    await slack.close();
    await testDb.destroy();
  }
}

const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    count: { type: 'string' },
    scenario: { type: 'string', default: 'matched' },
    'channel-rate': { type: 'string', default: '1' },
    'server-rate': { type: 'string', default: '20' },
    'server-burst': { type: 'string', default: '20' },
    provider: { type: 'string', default: 'sqlite' },
    replicas: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    baseline: { type: 'string', default: 'on' },
  },
});
const people = Number(values.people ?? values.count ?? 1000);
const limits: ThrottledSlackLimits = {
  perSecondPerChannel: Number(values['channel-rate']),
  workspaceRate: Number(values['server-rate']),
  workspaceBurst: Number(values['server-burst']),
};
const provider: TestProvider = values.provider === 'postgresql' ? 'postgresql' : 'sqlite';
const replicas = Number(values.replicas);
const runs = Math.max(1, Number(values.runs));
const scenarios: Scenario[] =
  values.scenario === 'both'
    ? ['matched', 'aggressive']
    : values.scenario === 'aggressive'
      ? ['aggressive']
      : ['matched'];
if (!Number.isInteger(people) || people < 1) throw new Error('--people must be a positive integer');

console.log(
  `reminder fan-out: ${people} people, ${provider}, ${replicas} replica(s); fake Slack ${limits.perSecondPerChannel}/s per channel, ` +
    `${limits.workspaceRate}/s per workspace (burst ${limits.workspaceBurst}); ${runs} run(s) per scenario`,
);
const rows: (string | number)[][] = [];
const all: RunResult[] = [];
for (const scenario of scenarios) {
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(scenario, { people, provider, replicas, limits, baseline: values.baseline !== 'off' });
    results.push(r);
    console.log(JSON.stringify({ run: i + 1, people, provider, replicas, limits, ...r }));
  }
  all.push(...results);
  const seconds = median(results.map((r) => r.seconds));
  const floor = results[0]?.floorSeconds ?? Number.NaN;
  const baselines = results.flatMap((r) => (r.baselineSeconds === null ? [] : [r.baselineSeconds]));
  const baseline = baselines.length ? median(baselines) : Number.NaN;
  rows.push([
    scenario,
    people,
    round(floor),
    seconds,
    round(seconds / floor, 2),
    Number.isNaN(baseline) ? '-' : baseline,
    Number.isNaN(baseline) ? '-' : round(seconds / baseline, 2),
    results.reduce((n, r) => n + r.lost, 0),
    results.reduce((n, r) => n + r.duplicates, 0),
    results.reduce((n, r) => n + r.http429, 0),
  ]);
}
printTable(
  [
    'scenario',
    'people',
    'floor s',
    'median s',
    'time/floor',
    'baseline s',
    'time/baseline',
    'lost',
    'duplicates',
    'http 429',
  ],
  rows,
);
// One machine-readable line for bench/run-all.ts.
console.log(`RESULT ${JSON.stringify({ bench: 'reminder-fanout', people, provider, replicas, limits, runs: all })}`);
