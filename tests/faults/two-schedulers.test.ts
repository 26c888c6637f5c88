import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FANOUT_TICK } from '../../bench/seed-reminder-owners.js';
import { countDuplicates } from '../../bench/throttled-slack.js';
import { instantAt } from '../../src/calendar/time-zone.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from '../helpers/fake-slack.js';
import { buildOrganization, cacheLocales } from '../helpers/reminder-fixtures.js';
import { fanoutFixture } from './fanout-fixture.js';
import {
  assertBuilt,
  botEnvironment,
  type Child,
  cli,
  driver,
  jobsRun,
  logLines,
  startChild,
  waitForLine,
} from './processes.js';

// Two scheduler processes (tests/faults/scheduler-driver.ts: the bot's scheduler core over
// allJobs(), from source) on one PostgreSQL database step through the same simulated week in lock
// step: every 30 minutes from Monday 2026-11-16 00:00 to Sunday 11-22 23:30 (Tokyo), each instant
// given to both at the same moment, the next only when both are done. The week holds a biweekly
// check-in (Mon 11/16), two countdown reminders of a review window opening Tue 11/24 (7 days before:
// Tue 11/17; 1 day before falls on the 11/23 holiday: Fri 11/20, threaded on the 11/17 message),
// the managers' escalations (Wed 11/18 for the check-in, Thu 11/19 for the 11/17 countdown),
// headquarters' (Fri 11/20) and the Monday digests.

const TZ = 'Asia/Tokyo';
const LEADERSHIP = 'C0LEAD0001';
const DEPARTMENTS = 10;
const TARGETS_PER_DEPARTMENT = 8;
const dept = (d: number) => `d${d}`;
const manager = (d: number) => `UMGR0${d}`;
const owner = (d: number, t: number) => `UOWN${d}${t}`;
const deptChannel = (d: number) => `C0DEPT000${d}`;

/** Simulated instants: every 30 minutes over the week. */
function weekInstants(): Date[] {
  const from = instantAt('2026-11-16', '00:00', TZ).getTime();
  return Array.from({ length: 7 * 48 }, (_, i) => new Date(from + i * 30 * 60_000));
}

const dayOf = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(at);

/** Targets by when they were last reported: t % 4 == 0 on 11/05, == 1 on 11/16 at 12:00, others never. */
const reportedEarly = (t: number) => t % 4 === 0;
const reportedMidWeek = (t: number) => t % 4 === 1;
const REPORTED_MID_WEEK_AT = instantAt('2026-11-16', '12:00', TZ);

function expectedKeys(): { sent: string[]; skipped: string[] } {
  const sent: string[] = ['weekly-digest:2026-11-16'];
  const skipped: string[] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    // Each reminder escalates on its own schedule: the 11/16 check-in on Wed 11/18, the 11/17
    // countdown on Thu 11/19 (its headquarters' step falls after the week).
    sent.push(
      `department-digest:2026-11-16:${dept(d)}`,
      `escalation-manager:2026-11-18:${manager(d)}`,
      `escalation-manager:2026-11-19:${manager(d)}`,
    );
    for (let t = 0; t < TARGETS_PER_DEPARTMENT; t++) {
      if (reportedEarly(t)) continue;
      // Not reported since the check-in period (from 11/02) nor the countdown cycle (from 10/23).
      sent.push(`reminder:2026-11-16:${owner(d, t)}`);
      // The 14-days-before reminder (Tue 11/10) was missed long before the week: recorded as skipped.
      skipped.push(`reminder:2026-11-10:${owner(d, t)}`);
      if (reportedMidWeek(t)) continue;
      sent.push(`reminder:2026-11-17:${owner(d, t)}`, `reminder:2026-11-20:${owner(d, t)}`);
    }
  }
  sent.push(`escalation-hq:2026-11-20:${LEADERSHIP}`);
  return { sent: sent.sort(), skipped: skipped.sort() };
}

describe('two scheduler processes on one PostgreSQL database over a simulated week', () => {
  let database: TestDatabase;
  let slack: FakeSlack;
  const drivers: Child[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    const org = await buildOrganization(database.db, {
      leadershipChannel: LEADERSHIP,
      windows: [{ name: '中間評価', opens: '2026-11-24', closes: '2026-12-04' }],
      departments: Array.from({ length: DEPARTMENTS }, (_, d) => ({
        code: dept(d),
        managers: [manager(d)],
        members: Array.from({ length: TARGETS_PER_DEPARTMENT }, (_, t) => owner(d, t)),
        targets: Array.from({ length: TARGETS_PER_DEPARTMENT }, (_, t) => ({
          code: `${dept(d)}-${t}`,
          owner: owner(d, t),
        })),
      })),
    });
    for (let d = 0; d < DEPARTMENTS; d++) {
      await database.db.department.update({ where: { code: dept(d) }, data: { channelId: deptChannel(d) } });
      for (let t = 0; t < TARGETS_PER_DEPARTMENT; t++) {
        if (!reportedEarly(t)) continue;
        await database.db.progressUpdate.create({
          data: {
            targetId: org.targetIds[`${dept(d)}-${t}`] as number,
            reporterId: owner(d, t),
            reportedAt: instantAt('2026-11-05', '10:00', TZ),
            status: 'on_track',
          },
        });
      }
    }
    const everyone: Record<string, string> = {};
    for (let d = 0; d < DEPARTMENTS; d++) {
      everyone[manager(d)] = 'ja-JP';
      for (let t = 0; t < TARGETS_PER_DEPARTMENT; t++) everyone[owner(d, t)] = 'ja-JP';
    }
    await cacheLocales(database.db, everyone, new Date('2100-01-01T00:00:00Z'));
    slack = await startFakeSlack();
  });

  afterAll(async () => {
    for (const d of drivers) d.process.kill('SIGTERM');
    await slack?.close();
    await database?.destroy();
  });

  it('sends every expected message exactly once: one Delivery row per key and one Slack message per key', async () => {
    const env = botEnvironment({
      DATABASE_URL: database.url,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'info',
      // Pacing is not under test here: let both processes send as fast as they can.
      TRACKER_SLACK_CHANNEL_INTERVAL_MS: '0',
      TRACKER_SLACK_WORKSPACE_RATE: '1000',
      TRACKER_SLACK_WORKSPACE_BURST: '1000',
      TRACKER_SLACK_CONCURRENCY: '8',
    });
    for (let i = 0; i < 2; i++) drivers.push(startChild(['--import', 'tsx', driver, '--mode', 'step'], env));
    await Promise.all(drivers.map((d) => waitForLine(d, /^ready$/)));

    const instants = weekInstants();
    const sentBy = [0, 0];
    let errors = 0;
    // Slack calls by the simulated day of the tick they were made in.
    const callsByDay = new Map<string, FakeSlackCall[]>();
    const started = Date.now();
    for (const [index, at] of instants.entries()) {
      if (at.getTime() === REPORTED_MID_WEEK_AT.getTime()) {
        // Owners of t % 4 == 1 report at 12:00 on Monday: after the check-in, before the escalations.
        const targets = await database.db.target.findMany({ select: { id: true, code: true, ownerId: true } });
        for (const target of targets) {
          if (!reportedMidWeek(Number(target.code.split('-')[1]))) continue;
          await database.db.progressUpdate.create({
            data: { targetId: target.id, reporterId: target.ownerId ?? '', reportedAt: at, status: 'on_track' },
          });
        }
      }
      const before = slack.calls.length;
      const iso = at.toISOString();
      for (const d of drivers) d.process.stdin?.write(`tick ${iso}\n`);
      const done = await Promise.all(
        drivers.map((d) => waitForLine(d, new RegExp(`^done ${iso.replace(/[.]/g, '\\.')} `), 60_000)),
      );
      for (const [i, line] of done.entries()) {
        const totals = JSON.parse(line.slice(line.indexOf('{'))) as { sent: number; errors: number };
        sentBy[i] = (sentBy[i] ?? 0) + totals.sent;
        errors += totals.errors;
      }
      const day = dayOf(at);
      callsByDay.set(day, [...(callsByDay.get(day) ?? []), ...slack.calls.slice(before)]);
      if (index === instants.length - 1) for (const d of drivers) d.process.stdin?.write('exit\n');
    }
    const exits = await Promise.all(drivers.map((d) => d.exited));
    const seconds = (Date.now() - started) / 1000;

    const rows = await database.db.delivery.findMany({ select: { key: true, status: true, claimedBy: true } });
    const expected = expectedKeys();
    const keysOf = (status: string) =>
      rows
        .filter((r) => r.status === status)
        .map((r) => r.key)
        .sort();

    // Per simulated day and channel: what Slack received.
    type Tally = { top: number; replies: number; updates: number };
    const tally = new Map<string, Tally>();
    let posts = 0;
    let updates = 0;
    for (const [day, calls] of callsByDay) {
      for (const call of calls) {
        if (call.method !== 'chat.postMessage' && call.method !== 'chat.update') continue;
        const key = `${day} ${String(call.params.channel)}`;
        const entry = tally.get(key) ?? { top: 0, replies: 0, updates: 0 };
        if (call.method === 'chat.update') {
          entry.updates++;
          updates++;
        } else {
          posts++;
          if (call.params.thread_ts) entry.replies++;
          else entry.top++;
        }
        tally.set(key, entry);
      }
    }
    // The (day, channel) each expected delivery lands in, and how: a new message, or (the second
    // countdown reminder of the cycle) an update of the first one plus a nudge in its thread.
    const expectedSlack = new Map<string, 'top' | 'threaded'>();
    for (const key of expected.sent) {
      const [kind, day, who] = key.split(':') as [string, string, string | undefined];
      const channel =
        kind === 'weekly-digest'
          ? LEADERSHIP
          : kind === 'department-digest'
            ? deptChannel(Number(who?.slice(1)))
            : (who as string);
      expectedSlack.set(`${day} ${channel}`, kind === 'reminder' && day === '2026-11-20' ? 'threaded' : 'top');
    }
    const digestChannels = new Set([LEADERSHIP, ...Array.from({ length: DEPARTMENTS }, (_, d) => deptChannel(d))]);
    const wrong: string[] = [];
    for (const key of new Set([...tally.keys(), ...expectedSlack.keys()])) {
      const got = tally.get(key) ?? { top: 0, replies: 0, updates: 0 };
      const want = expectedSlack.get(key);
      const channel = key.split(' ')[1] as string;
      const ok =
        want === 'top'
          ? got.top === 1 && got.updates === 0 && (digestChannels.has(channel) || got.replies === 0)
          : want === 'threaded'
            ? got.top === 0 && got.updates === 1 && got.replies === 1
            : false;
      if (!ok) wrong.push(`${key}: expected ${want ?? 'nothing'}, got ${JSON.stringify(got)}`);
    }

    const figures = {
      simulatedInstants: instants.length,
      seconds,
      deliveryRows: rows.length,
      sent: keysOf('sent').length,
      skipped: keysOf('skipped').length,
      sentByProcess: sentBy,
      claimedByProcesses: new Set(rows.map((r) => r.claimedBy)).size,
      slackPosts: posts,
      slackUpdates: updates,
      slackTopLevelPerDay: Object.fromEntries(
        [...callsByDay].map(([day, calls]) => [
          day,
          calls.filter((c) => c.method === 'chat.postMessage' && !c.params.thread_ts).length,
        ]),
      ),
      chartUploads: slack.callsTo('files.completeUploadExternal').length,
      jobErrors: errors,
    };
    console.log(`two schedulers figures: ${JSON.stringify(figures, null, 2)}`);

    expect(exits.map((e) => e.code)).toEqual([0, 0]);
    expect(errors).toBe(0);
    // One Delivery row per key (the unique index would refuse a second), none left half-done.
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(rows.filter((r) => r.status !== 'sent' && r.status !== 'skipped')).toEqual([]);
    // Exactly the expected deliveries, sent or (missed before the week) skipped.
    expect(keysOf('sent')).toEqual(expected.sent);
    expect(keysOf('skipped')).toEqual(expected.skipped);
    // The jobs of both processes together count each delivery once.
    expect((sentBy[0] ?? 0) + (sentBy[1] ?? 0)).toBe(expected.sent.length);
    // Slack got exactly one message per key, where and when expected, and nothing else.
    expect(wrong).toEqual([]);
    // The weekly digest's chart was uploaded once.
    expect(slack.callsTo('files.completeUploadExternal').length).toBe(1);
  });
});

// A second process starting a reminders run while another one's fan-out has been going on for
// longer than the claim lease (a replica starting, or `tracker jobs run reminders` by an operator,
// during a long fan-out). The first process is alive and sending: none of its claims is abandoned,
// so none may be taken over. Both run on the wall clock, as the bot does (the second one's --at is
// the first one's plus the time elapsed), with a 6 s lease standing for the default 10 minutes and
// a fan-out of 300 owners at 20 messages/s (about 15 s) standing for one of more than 10 minutes.
describe('a second reminders run starting during a fan-out longer than the claim lease', () => {
  const OWNERS = 300;
  const LEASE_SECONDS = 6;
  const LIMITS = { perSecondPerChannel: 1, workspaceRate: 20, workspaceBurst: 10 };
  const fx = fanoutFixture(OWNERS, LIMITS);
  beforeAll(assertBuilt);

  it('does not take over the live claims of the running fan-out (no duplicate without a crash)', async () => {
    const env = fx.environment({
      TRACKER_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
    });
    const startedAt = Date.now();
    const first = startChild([cli, 'jobs', 'run', 'reminders', '--at', FANOUT_TICK.toISOString()], env);
    // Two thirds through, well past the lease since the first run began.
    await new Promise<void>((resolve) =>
      fx.slack.onPost((_post, count) => {
        if (count === 200) resolve();
      }),
    );
    const elapsedMs = Date.now() - startedAt;
    const second = await jobsRun('reminders', new Date(FANOUT_TICK.getTime() + elapsedMs), env);
    const firstExit = await first.exited;

    const takenOver = logLines(second.output, 'abandoned delivery taken over');
    const figures = {
      owners: OWNERS,
      leaseSeconds: LEASE_SECONDS,
      secondRunStartedAfterSeconds: elapsedMs / 1000,
      messages: fx.slack.stats.posts,
      distinctRecipients: fx.slack.stats.byChannel.size,
      duplicates: countDuplicates(fx.slack.stats.byChannel),
      liveClaimsTakenOver: takenOver.length,
    };
    console.log(`long fan-out + second run figures: ${JSON.stringify(figures, null, 2)}`);

    expect(firstExit.code, first.output()).toBe(0);
    expect(second.code, second.output).toBe(0);
    expect(fx.owners.filter((o) => !fx.slack.stats.byChannel.has(o))).toEqual([]);
    expect(takenOver.map((l) => l.key)).toEqual([]);
    expect(countDuplicates(fx.slack.stats.byChannel)).toBe(0);
  });
});
