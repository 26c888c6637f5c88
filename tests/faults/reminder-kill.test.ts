import { beforeAll, describe, expect, it } from 'vitest';
import { FANOUT_TICK } from '../../bench/seed-reminder-owners.js';
import { countDuplicates } from '../../bench/throttled-slack.js';
import { fanoutFixture } from './fanout-fixture.js';
import { assertBuilt, cli, jobsRun, logLines, sleep, startChild } from './processes.js';

// A reminders fan-out (`tracker jobs run reminders --at …`, the built CLI: the same run() the
// scheduler calls each minute) to 300 owners through a fake Slack that paces it to 30 messages/s,
// killed with SIGKILL at the 120th message Slack accepted; the kill happens inside the fake's
// handler before it answers, so at least that message reached Slack without the bot recording it.
// The run is then repeated as a restarted bot would run it, on the first run's clock: at the
// instant of its last claim, within the claim lease (in-flight claims must be left alone), then
// once the lease has passed since that claim (they are taken over and re-sent). Claims are
// stamped with the run's clock (the tick's instant + time into the run), so the lease counts from
// the claim, not from the start of the fan-out; the restart instants are read from the claims
// themselves, so however long a loaded machine takes to start a process, they stay inside and
// outside the lease.

const OWNERS = 300;
const KILL_AT_POST = 120;
/** The claim lease: long enough for the restart within it to reach the in-flight claims. */
const LEASE_SECONDS = 10;
const LIMITS = { perSecondPerChannel: 1, workspaceRate: 30, workspaceBurst: 10 };
/** The reminders of the tick's day (the run also records the week's missed, stale ones as skipped). */
const TODAY = { key: { startsWith: 'reminder:2027-05-25:' } };

describe('a reminders fan-out killed with SIGKILL mid-run', () => {
  const fx = fanoutFixture(OWNERS, LIMITS);
  beforeAll(assertBuilt);

  it('reaches every owner after a restart, with duplicates only among the claims in flight at the kill', async () => {
    const env = fx.environment({
      TRACKER_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
    });

    // 1. The fan-out, killed at the KILL_AT_POST-th accepted message.
    const started = Date.now();
    const first = startChild([cli, 'jobs', 'run', 'reminders', '--at', FANOUT_TICK.toISOString()], env);
    fx.slack.onPost((_post, count) => {
      if (count === KILL_AT_POST) first.process.kill('SIGKILL');
    });
    const exit = await first.exited;
    const killedAfterMs = Date.now() - started;
    // Requests already in the fake's socket buffers are still answered (to nobody): let them land.
    await sleep(300);
    const postedAtKill = new Set(fx.slack.posts.map((p) => p.channel));
    const deliveredBeforeKill = fx.slack.stats.posts;
    const rowsAtKill = await fx.database.db.delivery.findMany({
      where: TODAY,
      select: { key: true, recipient: true, status: true, claimedAt: true },
    });
    const claimedAtKill = rowsAtKill.filter((r) => r.status === 'claimed');
    const sentAtKill = rowsAtKill.filter((r) => r.status === 'sent');
    // A claimed delivery whose message Slack accepted: the bot died before recording it.
    const inFlightAndDelivered = claimedAtKill.filter((r) => postedAtKill.has(r.recipient));

    expect(exit.signal).toBe('SIGKILL');
    expect(deliveredBeforeKill).toBeGreaterThanOrEqual(KILL_AT_POST);
    expect(deliveredBeforeKill).toBeLessThan(OWNERS);
    expect(claimedAtKill.length).toBeGreaterThan(0);
    expect(inFlightAndDelivered.length).toBeGreaterThan(0);
    // Every row the bot recorded as sent did reach Slack.
    expect(sentAtKill.filter((r) => !postedAtKill.has(r.recipient))).toEqual([]);

    // 2. Restarted within the lease: the rest is sent, the in-flight claims are left alone.
    // The last claim before the kill, on the first run's clock.
    const lastClaimAt = new Date(Math.max(...claimedAtKill.map((r) => r.claimedAt.getTime())));
    const withinLease = await jobsRun('reminders', lastClaimAt, env);
    expect(withinLease.code, withinLease.output).toBe(0);
    expect(logLines(withinLease.output, 'abandoned delivery taken over')).toEqual([]);
    const stillClaimed = await fx.database.db.delivery.findMany({
      where: { ...TODAY, status: 'claimed' },
      select: { key: true },
    });
    expect(stillClaimed.map((r) => r.key).sort()).toEqual(claimedAtKill.map((r) => r.key).sort());

    // 3. Restarted once the lease has passed (still well within the 24 h catch-up bound): taken over.
    const recoveredFrom = Date.now();
    const afterLease = await jobsRun('reminders', new Date(lastClaimAt.getTime() + LEASE_SECONDS * 1000), env);
    expect(afterLease.code, afterLease.output).toBe(0);
    const takenOver = logLines(afterLease.output, 'abandoned delivery taken over').map((l) => l.key);
    const recoverMs = Date.now() - recoveredFrom;

    const recipients = new Set(fx.slack.posts.map((p) => p.channel));
    const duplicates = countDuplicates(fx.slack.stats.byChannel);
    const duplicated = [...fx.slack.stats.byChannel].filter(([, n]) => n > 1).map(([channel]) => channel);
    const rows = await fx.database.db.delivery.groupBy({ by: ['status'], where: TODAY, _count: { _all: true } });
    const figures = {
      owners: OWNERS,
      killedAfterMs,
      claimsInFlightSpanMs: lastClaimAt.getTime() - Math.min(...claimedAtKill.map((r) => r.claimedAt.getTime())),
      deliveredBeforeKill,
      recordedSentAtKill: sentAtKill.length,
      inFlightAtKill: claimedAtKill.length,
      inFlightWhoseMessageHadReachedSlack: inFlightAndDelivered.length,
      notYetClaimedAtKill: OWNERS - rowsAtKill.length,
      sentByRestartWithinLease: withinLease.output.match(/sent (\d+)/)?.[1],
      takenOverAfterLease: takenOver.length,
      restartAfterLeaseMs: recoverMs,
      distinctRecipients: recipients.size,
      messages: fx.slack.stats.posts,
      duplicates,
      deliveryRows: Object.fromEntries(rows.map((r) => [r.status, r._count._all])),
    };
    console.log(`reminder kill figures: ${JSON.stringify(figures, null, 2)}`);

    // Every owner got their reminder.
    expect(fx.owners.filter((o) => !recipients.has(o))).toEqual([]);
    // Duplicates: at most the claims in flight at the kill, and exactly those of them whose
    // message had already reached Slack (the others were sent once, by the takeover).
    expect(duplicates).toBeLessThanOrEqual(claimedAtKill.length);
    expect(duplicated.sort()).toEqual(inFlightAndDelivered.map((r) => r.recipient).sort());
    expect(duplicates).toBe(inFlightAndDelivered.length);
    expect(takenOver.sort()).toEqual(claimedAtKill.map((r) => r.key).sort());
    // Each owner has exactly one delivery, recorded as sent.
    expect(await fx.database.db.delivery.count({ where: TODAY })).toBe(OWNERS);
    expect(await fx.database.db.delivery.count({ where: { ...TODAY, status: 'sent' } })).toBe(OWNERS);
  });
});
