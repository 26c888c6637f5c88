import { afterAll, describe, expect, it } from 'vitest';
import { FANOUT_TICK } from '../../bench/seed-reminder-owners.js';
import { countDuplicates } from '../../bench/throttled-slack.js';
import { fanoutFixture } from './fanout-fixture.js';
import { type Child, driver, logLines, sleep, startChild, waitForLine } from './processes.js';

// A reminders fan-out to 300 owners through a fake Slack that keeps Slack's limits (1 message/s per
// channel, 20/s per workspace). After the 50th message Slack answers every call with a 500 or a 429
// (Retry-After: 5 s), alternately, for 60 s, then recovers. The sender is one scheduler process
// (tests/faults/scheduler-driver.ts --mode clock: the bot's scheduler core over allJobs(), ticking
// each simulated minute without waiting for runs) whose clock runs 10× faster than the wall clock,
// so that a delivery recorded as failed is retried by a later tick (5 simulated minutes later =
// 30 s) within the test's time. The jobs' WebClient retries a call 4 times, about 1, 2, 4 and 8 s
// apart (randomised), and each 429 costs one of them besides its Retry-After, so deliveries tried
// during the outage fail and are picked up again.

const OWNERS = 300;
const OUTAGE_AFTER_POSTS = 50;
const OUTAGE_MS = 60_000;
const RETRY_AFTER_S = 5;
const SPEED = 10;
const LIMITS = { perSecondPerChannel: 1, workspaceRate: 20, workspaceBurst: 10 };
const TODAY = { key: { startsWith: 'reminder:2027-05-25:' } };

describe('Slack answering 500s and 429s for a minute during a reminders fan-out', () => {
  const fx = fanoutFixture(OWNERS, LIMITS);
  let bot: Child | undefined;
  afterAll(() => {
    bot?.process.kill('SIGTERM');
  });

  it('delivers every reminder exactly once, stays up, and logs its backoff', async () => {
    const env = fx.environment();
    let outageStartedAt = 0;
    let outageEndedAt = 0;
    fx.slack.onPost((_post, count) => {
      if (count !== OUTAGE_AFTER_POSTS) return;
      fx.slack.startOutage({ retryAfterSeconds: RETRY_AFTER_S });
      outageStartedAt = Date.now();
      setTimeout(() => {
        fx.slack.endOutage();
        outageEndedAt = Date.now();
      }, OUTAGE_MS);
    });
    const started = Date.now();
    const child = startChild(
      ['--import', 'tsx', driver, '--mode', 'clock', '--start', FANOUT_TICK.toISOString(), '--speed', String(SPEED)],
      env,
    );
    bot = child;
    await waitForLine(child, /^ready$/);

    // Until every owner has a message and every delivery of the day is recorded as sent.
    let allDeliveredAt = 0;
    for (;;) {
      const reached = new Set(fx.slack.posts.map((p) => p.channel));
      if (outageEndedAt && fx.owners.every((o) => reached.has(o))) {
        const notSent = await fx.database.db.delivery.count({ where: { ...TODAY, status: { not: 'sent' } } });
        const rows = await fx.database.db.delivery.count({ where: TODAY });
        if (rows === OWNERS && notSent === 0) {
          allDeliveredAt = Math.max(...fx.slack.posts.map((p) => p.at));
          break;
        }
      }
      expect(child.process.exitCode, child.output()).toBeNull();
      if (Date.now() - started > 170_000) throw new Error(`not drained in time:\n${child.output().slice(-4000)}`);
      await sleep(200);
    }
    // Still running (no crash) until told to stop; then a clean exit.
    expect(child.process.exitCode).toBeNull();
    child.process.stdin?.write('exit\n');
    const exit = await child.exited;
    const output = child.output();

    const paused = logLines(output, 'slack rate limited; client paused');
    const failed = logLines(output, 'delivery failed');
    const sentLines = logLines(output, 'delivery sent');
    const failedKeys = new Set(failed.map((l) => String(l.key)));
    // The OUTAGE_AFTER_POSTS-th message itself was accepted: the outage began right after it.
    const postedDuringOutage = fx.slack.posts.slice(OUTAGE_AFTER_POSTS).filter((p) => p.at < outageEndedAt).length;
    const figures = {
      owners: OWNERS,
      messages: fx.slack.stats.posts,
      distinctRecipients: new Set(fx.slack.posts.map((p) => p.channel)).size,
      duplicates: countDuplicates(fx.slack.stats.byChannel),
      answered429InOutage: fx.slack.stats.outage429,
      answered500InOutage: fx.slack.stats.outage500,
      answered429ForLimits: fx.slack.stats.rateLimited,
      postedBeforeOutage: OUTAGE_AFTER_POSTS,
      postedDuringOutage,
      postedAfterOutage: fx.slack.posts.filter((p) => p.at >= outageEndedAt).length,
      outageSeconds: (outageEndedAt - outageStartedAt) / 1000,
      drainSecondsAfterRecovery: (allDeliveredAt - outageEndedAt) / 1000,
      // The same without the deliveries that failed and waited for a later tick: the queue alone.
      queueDrainSecondsAfterRecovery:
        (Math.max(
          ...fx.slack.posts.filter((p) => !failedKeys.has(`reminder:2027-05-25:${p.channel}`)).map((p) => p.at),
        ) -
          outageEndedAt) /
        1000,
      // What the limits allow for the messages still to send at recovery (bucket empty after the 429s).
      drainFloorSeconds: (OWNERS - OUTAGE_AFTER_POSTS) / LIMITS.workspaceRate,
      totalSeconds: (allDeliveredAt - started) / 1000,
      logClientPaused429: paused.length,
      logDeliveryFailed: failed.length,
      deliveriesFailedThenRetried: failedKeys.size,
      maxTriesOfASentDelivery: Math.max(...sentLines.map((l) => Number(l.attempts))),
      exit: exit.code,
    };
    console.log(`Slack outage figures: ${JSON.stringify(figures, null, 2)}`);

    expect(exit.code).toBe(0);
    // The outage was real: both kinds of error were answered, and nothing got through meanwhile.
    expect(fx.slack.stats.outage429).toBeGreaterThan(0);
    expect(fx.slack.stats.outage500).toBeGreaterThan(0);
    expect(postedDuringOutage).toBe(0);
    // Nothing lost, nothing twice.
    expect(fx.owners.filter((o) => !fx.slack.stats.byChannel.has(o))).toEqual([]);
    expect(countDuplicates(fx.slack.stats.byChannel)).toBe(0);
    expect(fx.slack.stats.posts).toBe(OWNERS);
    // The waits are in the log: one client pause per 429 answered, with Slack's Retry-After (the
    // outage's, and any for the limits themselves).
    expect(paused.length).toBeGreaterThan(0);
    expect(paused.filter((l) => l.retryAfterMs === RETRY_AFTER_S * 1000).length).toBe(fx.slack.stats.outage429);
    expect(paused.length).toBe(fx.slack.stats.outage429 + fx.slack.stats.rateLimited);
    // Deliveries that failed during the outage (after the client's retries) were recorded as
    // retryable and sent by a later tick.
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((l) => l.retryable === true)).toBe(true);
    expect(sentLines.filter((l) => failedKeys.has(String(l.key))).length).toBe(failedKeys.size);
  });
});
