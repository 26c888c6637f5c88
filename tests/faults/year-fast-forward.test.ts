import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import holidayJp from '@holiday-jp/holiday_jp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allJobs } from '../../jobs/index.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { Config } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { parseOrganizationBytes } from '../../src/import/read-organization-file.js';
import type { ReviewStepKind } from '../../src/review/workflow.js';
import { createSchedulerCore, type SchedulerCore } from '../../src/scheduler/scheduler.js';
import { importOrganization } from '../../src/services/organization/import-organization.js';
import { recordProgressUpdate } from '../../src/services/progress/record-progress-update.js';
import { recordReviewStep } from '../../src/services/review/record-review-step.js';
import { createJobSlackClient } from '../../src/slack/job-client.js';
import { captureLogger, testConfig } from '../helpers/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from '../helpers/fake-slack.js';
import { wiring } from '../helpers/wiring.js';

// A fiscal year in fast forward: FY2026 (令和8年度) from 2026-04-01, its review season until
// 2027-07-31, and the April 2027 import of FY2027 with people moved, a department renamed, two
// merged and one split (tests/fixtures/reorganization). The scheduler core of the running bot and
// `tracker jobs run` (createSchedulerCore over allJobs) ticks at 09:00 and 09:30 Tokyo on every
// day; a fake Slack Web API answers and records every call.

const FIXTURES = join(import.meta.dirname, '../fixtures/reorganization');
/** The managers FY2027's file names by e-mail address, and the Slack ids users.lookupByEmail gives. */
const NEW_MANAGERS = [
  ['U0KANM0001', 'kankyo.bucho@example.jp'],
  ['U0TKEIM001', 'toshi-keikaku.bucho@example.jp'],
] as const;
const HQ = 'U0HQ000001';
const FIRST_DAY = '2026-04-01';
const LAST_DAY = '2027-07-31';
/** 09:00 and 09:30 in Tokyo: the digests' and the reminders' minutes. */
const TICK_TIMES_UTC = ['00:00', '00:30'];

function organization(name: string) {
  const result = parseOrganizationBytes(readFileSync(join(FIXTURES, name)), 'yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.organization;
}

function* days(first: string, last: string): Generator<string> {
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

/** The city hall's closed days, read independently of src/calendar: weekends, holidays, 12/29–1/3. */
function isClosed(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay();
  const monthDay = day.slice(5);
  return (
    weekday === 0 ||
    weekday === 6 ||
    holidayJp.isHoliday(new Date(`${day}T12:00:00+09:00`)) ||
    monthDay >= '12-29' ||
    monthDay <= '01-03'
  );
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The n-th open day after day. */
function addOpenDays(day: string, n: number): string {
  let result = day;
  for (let i = 0; i < n; i++) {
    result = nextDay(result);
    while (isClosed(result)) result = nextDay(result);
  }
  return result;
}

interface SentCall extends FakeSlackCall {
  /** The simulated day (Tokyo) of the tick that made the call. */
  day: string;
}

/** What the scripted staff do, by day (before that day's ticks). */
type Script = Record<string, (run: YearRun) => Promise<void>>;

interface YearRun {
  database: TestDatabase;
  config: Config;
  slack: FakeSlack;
  sent: SentCall[];
  /** Calls a second scheduler made when it ran each tick again (a replica, `tracker jobs run`). */
  replicaCalls: SentCall[];
  refusals: string[];
  ticks: number;
  seconds: number;
  target(code: string): Promise<number>;
  step(code: string, actorId: string, step: ReviewStepKind, at: Date, grade?: string): Promise<void>;
  report(code: string, reporterId: string, at: Date): Promise<void>;
}

async function tickYear(cores: [SchedulerCore, SchedulerCore], run: YearRun, script: Script): Promise<void> {
  const started = performance.now();
  for (const day of days(FIRST_DAY, LAST_DAY)) {
    await script[day]?.(run);
    for (const time of TICK_TIMES_UTC) {
      const at = new Date(`${day}T${time}:00Z`);
      for (const [i, core] of cores.entries()) {
        const before = run.slack.calls.length;
        core.tick(at);
        await core.idle();
        const calls = run.slack.calls.slice(before).map((call) => ({ ...call, day }));
        (i === 0 ? run.sent : run.replicaCalls).push(...calls);
      }
      run.ticks++;
    }
  }
  run.seconds = (performance.now() - started) / 1000;
}

function sentDeliveries(run: YearRun, kind: string) {
  return run.database.db.delivery.findMany({
    where: { kind, status: 'sent' },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  });
}

describe('a fiscal year and its review season in fast forward', () => {
  let run: YearRun;
  const logged = captureLogger('info');

  beforeAll(async () => {
    const database = await createTestDatabase('sqlite');
    const slack = await startFakeSlack();
    slack.keepParams = true;
    const config = testConfig({
      databaseUrl: database.url,
      hqUsers: [HQ],
      slack: { ...testConfig().slack, apiUrl: slack.apiUrl },
      delivery: { channelIntervalMs: 0, workspacePerSecond: 1000, workspaceBurst: 1000 },
    });
    const codes = new Map<string, number>();
    run = {
      database,
      config,
      slack,
      sent: [],
      replicaCalls: [],
      refusals: [],
      ticks: 0,
      seconds: 0,
      async target(code) {
        const known = codes.get(code);
        if (known) return known;
        const id = (await database.db.target.findFirstOrThrow({ where: { code } })).id;
        codes.set(code, id);
        return id;
      },
      async step(code, actorId, step, at, grade) {
        try {
          await recordReviewStep(database.db, {
            targetId: await run.target(code),
            actorId,
            step,
            grade: grade ?? null,
            comment: step === 'self' ? '目標を達成した' : null,
            now: at,
            timeZone: config.timeZone,
            hqUsers: config.hqUsers,
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          run.refusals.push(`${code} ${actorId} ${step}: ${error.code}`);
        }
      },
      async report(code, reporterId, at) {
        await recordProgressUpdate(database.db, {
          targetId: await run.target(code),
          reporterId,
          status: 'on_track',
          value: null,
          percent: 50,
          comment: null,
          milestoneIds: [],
          reportedAt: at,
        });
      },
    };
    const at = (day: string) => new Date(`${day}T08:00:00+09:00`);
    const script: Script = {
      [FIRST_DAY]: async (r) => {
        await importOrganization(r.database.db, organization('fy2026.yaml'), { now: at(FIRST_DAY) });
      },
      '2026-05-08': (r) => r.report('SM-1', 'U0SOMU0001', at('2026-05-08')),
      // Headquarters imports FY2027 with `tracker import`, naming the two new managers by e-mail.
      '2027-04-01': async (r) => {
        const dir = mkdtempSync(join(tmpdir(), 'tracker-fy2027-'));
        const file = join(dir, 'fy2027.yaml');
        let text = readFileSync(join(FIXTURES, 'fy2027.yaml'), 'utf8');
        for (const [id, address] of NEW_MANAGERS) {
          r.slack.usersByEmail.set(address, { id });
          text = text.replaceAll(`managers: [${id}]`, `managers: [${address}]`);
        }
        writeFileSync(file, text);
        const lines: string[] = [];
        const env = {
          DATABASE_URL: r.database.url,
          SLACK_BOT_TOKEN: 'xoxb-fast-forward',
          SLACK_API_URL: r.slack.apiUrl,
          LOG_LEVEL: 'error',
        };
        const code = await runCli(
          ['import', file],
          { env, out: (l) => lines.push(l), err: (l) => lines.push(l) },
          wiring,
        );
        rmSync(dir, { recursive: true, force: true });
        if (code !== 0) throw new Error(`tracker import FY2027 failed:\n${lines.join('\n')}`);
      },
      '2027-05-19': (r) => r.report('SM-1', 'U0SOMU0001', at('2027-05-19')),
      '2027-06-02': async (r) => {
        for (const [code, owner] of [
          ['SM-1', 'U0SOMU0001'],
          ['KK-1', 'U0KIKA0001'],
          ['KA-1', 'U0KANA0001'],
          ['KB-1', 'U0KANB0001'],
          ['TS-1', 'U0TOSH0001'],
          ['TS-3', 'U0TOSH0001'],
        ] as const) {
          await r.step(code, owner, 'self', at('2027-06-02'), 'B');
        }
      },
      // The one owner who self-assesses after the window's last day (the review period is still open).
      '2027-06-21': (r) => r.step('TS-2', 'U0TOSH0002', 'self', at('2027-06-21'), 'B'),
      '2027-06-22': async (r) => {
        // The former managers of the merged and split departments may no longer approve.
        await r.step('KA-1', 'U0KANAM001', 'approve', at('2027-06-22'));
        await r.step('TS-2', 'U0TOSHM001', 'approve', at('2027-06-22'));
        for (const [code, manager] of [
          ['SM-1', 'U0SOMUM001'],
          ['KK-1', 'U0KIKAM001'],
          ['KA-1', 'U0KANM0001'],
          ['KB-1', 'U0KANM0001'],
          ['TS-1', 'U0TOSHM001'],
          ['TS-2', 'U0TKEIM001'],
        ] as const) {
          await r.step(code, manager, 'approve', at('2027-06-22'));
        }
      },
      // TS-3 is approved late (after the last-day reminder of 所属長評価), KK-1 checked late.
      '2027-07-05': (r) => r.step('TS-3', 'U0TOSHM001', 'approve', at('2027-07-05')),
      '2027-07-06': async (r) => {
        for (const code of ['SM-1', 'KA-1', 'KB-1', 'TS-1', 'TS-2', 'TS-3']) {
          await r.step(code, HQ, 'check', at('2027-07-06'));
        }
      },
      '2027-07-14': async (r) => {
        for (const code of ['SM-1', 'KA-1', 'KB-1', 'TS-1', 'TS-2', 'TS-3']) {
          await r.step(code, HQ, 'confirm', at('2027-07-14'));
        }
      },
      '2027-07-20': async (r) => {
        await r.step('KK-1', HQ, 'check', at('2027-07-20'));
        await r.step('KK-1', HQ, 'confirm', at('2027-07-20'));
      },
    };
    const scheduler = () =>
      createSchedulerCore(
        {
          db: database.db,
          config,
          logger: logged.logger,
          now: () => new Date(),
          slack: createJobSlackClient(config, logged.logger),
        },
        allJobs(config),
      );
    const cores: [SchedulerCore, SchedulerCore] = [scheduler(), scheduler()];
    await tickYear(cores, run, script);
    for (const core of cores) core.dispose();
  }, 600_000);

  afterAll(async () => {
    await run?.slack.close();
    await run?.database.destroy();
  });

  it('sends nothing on a closed day (weekends, holidays, 年末年始)', () => {
    expect(run.sent.length).toBeGreaterThan(500);
    expect(run.sent.filter((c) => isClosed(c.day)).map((c) => `${c.day} ${c.method}`)).toEqual([]);
  });

  it('sends nothing new when a second scheduler runs every tick again', () => {
    expect(run.replicaCalls).toEqual([]);
  });

  it('reminds each window’s role on the exact countdown days, and lists what is still to do', async () => {
    const windows = await run.database.db.reviewWindow.findMany({ include: { fiscalYear: true } });
    const windowName = new Map(windows.map((w) => [String(w.id), `${w.fiscalYear.year} ${w.name}`]));
    const reminders = await sentDeliveries(run, 'reminder');
    const countdown = new Map<string, Set<string>>();
    for (const r of reminders) {
      for (const reason of (JSON.parse(r.payload ?? '{}') as { reasons: string[] }).reasons) {
        const [kind, id] = reason.split(':');
        if (kind === 'checkin') continue;
        const key = `${windowName.get(id ?? '')} ${r.key.split(':')[1]} ${kind}`;
        countdown.set(key, (countdown.get(key) ?? new Set()).add(r.recipient));
      }
    }
    const owners2026 = ['U0SOMU0001', 'U0KIKA0001', 'U0KANA0001', 'U0KANB0001', 'U0TOSH0001', 'U0TOSH0002'];
    const managers = ['U0SOMUM001', 'U0KIKAM001', 'U0KANM0001', 'U0TOSHM001', 'U0TKEIM001'];
    const withoutSm1 = owners2026.filter((u) => u !== 'U0SOMU0001');
    // 30, 14, 7 and 1 days before opening, moved back to a business day, and the last day:
    // 自己評価 6/1–6/18: 5/2 (Sun, Golden Week) → 4/30, 5/18, 5/25, 5/31, last day 6/18.
    // 所属長評価 6/21–7/2: 5/22 (Sat) → 5/21, 6/7, 6/14, 6/20 (Sun) → 6/18, last day 7/2.
    // 本部確認 7/5–7/16: 6/5 (Sat) → 6/4, 6/21, 6/28, 7/4 (Sun) → 7/2, last day 7/16.
    // Owners hear about targets without a report in the cycle (SM-1 was reported on 5/19) and not
    // yet self-assessed (all but TS-2 on 6/2);
    // managers about targets not yet approved (all but TS-3 on 6/22); headquarters about targets
    // not yet checked (all but KK-1 on 7/6).
    expect(Object.fromEntries([...countdown].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      '2026 自己評価 2027-04-30 countdown': [...owners2026].sort(),
      '2026 自己評価 2027-05-18 countdown': [...owners2026].sort(),
      '2026 自己評価 2027-05-25 countdown': [...withoutSm1].sort(),
      '2026 自己評価 2027-05-31 countdown': [...withoutSm1].sort(),
      '2026 自己評価 2027-06-18 last-day': ['U0TOSH0002'],
      '2026 所属長評価 2027-05-21 countdown': [...managers].sort(),
      '2026 所属長評価 2027-06-07 countdown': [...managers].sort(),
      '2026 所属長評価 2027-06-14 countdown': [...managers].sort(),
      '2026 所属長評価 2027-06-18 countdown': [...managers].sort(),
      '2026 所属長評価 2027-07-02 last-day': ['U0TOSHM001'],
      '2026 本部確認 2027-06-04 countdown': [HQ],
      '2026 本部確認 2027-06-21 countdown': [HQ],
      '2026 本部確認 2027-06-28 countdown': [HQ],
      '2026 本部確認 2027-07-02 countdown': [HQ],
      '2026 本部確認 2027-07-16 last-day': [HQ],
    });
  });

  it('holds the check-ins every other Monday, moved to the next business day, for the year’s owners', async () => {
    const reminders = await sentDeliveries(run, 'reminder');
    const checkins = new Map<string, string[]>();
    for (const r of reminders) {
      if (!(JSON.parse(r.payload ?? '{}') as { reasons: string[] }).reasons.some((x) => x.startsWith('checkin')))
        continue;
      const day = r.key.split(':')[1] ?? '';
      checkins.set(day, [...(checkins.get(day) ?? []), r.recipient].sort());
    }
    // Every other Monday from the fiscal year's first Monday (2026-04-06, 2027-04-05); a closed
    // Monday moves to the next business day.
    const expected: string[] = [];
    for (const [first, last] of [
      ['2026-04-06', '2027-03-31'],
      ['2027-04-05', LAST_DAY],
    ] as const) {
      for (let t = Date.parse(first); t <= Date.parse(last); t += 14 * 86_400_000) {
        let day = new Date(t).toISOString().slice(0, 10);
        while (isClosed(day)) day = nextDay(day);
        expected.push(day);
      }
    }
    expect([...checkins.keys()].sort()).toEqual(expected);
    expect(expected).toContain('2026-05-07');
    expect(expected).toContain('2027-01-12');
    // Until March the FY2026 owners (SM-1 reported on 5/8, so not on 2026-05-18); from April the
    // FY2027 owners, among them the clerk who moved to 企画経営部.
    expect(checkins.get('2026-04-06')).toEqual([
      'U0KANA0001',
      'U0KANB0001',
      'U0KIKA0001',
      'U0SOMU0001',
      'U0TOSH0001',
      'U0TOSH0002',
    ]);
    expect(checkins.get('2027-04-05')).toEqual(['U0KANA0001', 'U0SOMU0001', 'U0SOMU0002', 'U0TOSH0001', 'U0TOSH0002']);
  });

  it('sends each person one top-level reminder per cycle; later reminders of the cycle go in its thread', async () => {
    const reminders = await sentDeliveries(run, 'reminder');
    const perDay = new Map<string, number>();
    const topLevel = new Map<string, number>();
    for (const r of reminders) {
      const day = r.key.split(':')[1];
      perDay.set(`${day} ${r.recipient}`, (perDay.get(`${day} ${r.recipient}`) ?? 0) + 1);
      const cycle = (JSON.parse(r.payload ?? '{}') as { cycle: string }).cycle;
      if (r.threadTs === null)
        topLevel.set(`${cycle} ${r.recipient}`, (topLevel.get(`${cycle} ${r.recipient}`) ?? 0) + 1);
    }
    expect([...perDay.values()].every((n) => n === 1)).toBe(true);
    expect([...topLevel].filter(([, n]) => n !== 1)).toEqual([]);
    // The 自己評価 cycle (4/30–6/18) opened one message per owner and threaded the four later ones.
    const selfCycle = reminders.filter(
      (r) => (JSON.parse(r.payload ?? '{}') as { cycle: string }).cycle === 'countdown:1',
    );
    expect(
      selfCycle.filter((r) => r.recipient === 'U0TOSH0002').map((r) => [r.key.split(':')[1], r.threadTs !== null]),
    ).toEqual([
      ['2027-04-30', false],
      ['2027-05-18', true],
      ['2027-05-25', true],
      ['2027-05-31', true],
      ['2027-06-18', true],
    ]);
  });

  it('escalates every unanswered progress reminder to managers after 2 business days, then to headquarters after 4', async () => {
    const db = run.database.db;
    const reminders = await db.delivery.findMany({
      where: { kind: 'reminder', status: 'sent' },
      include: { targets: { include: { target: { include: { updates: true, reviewSteps: true } } } } },
      orderBy: { id: 'asc' },
    });
    const escalations = await db.delivery.findMany({
      where: { kind: { in: ['escalation-manager', 'escalation-hq'] }, status: { in: ['sent', 'skipped'] } },
      orderBy: { id: 'asc' },
    });
    const chased = new Set<string>();
    for (const e of escalations) {
      const payload = JSON.parse(e.payload ?? '{}') as { day: string; targets: { id: number; since: string }[] };
      for (const t of payload.targets) chased.add(`${e.kind} ${payload.day} ${t.id} ${t.since}`);
    }
    const expected = new Set<string>();
    for (const r of reminders) {
      const day = r.key.split(':')[1] ?? '';
      const reasons = (JSON.parse(r.payload ?? '{}') as { reasons: string[] }).reasons;
      const about = r.targets.filter(({ target }) => target.ownerId === r.recipient);
      if (!reasons.some((x) => x.startsWith('checkin') || x === 'countdown:1' || x === 'last-day:1')) continue;
      const since = (r.sentAt ?? r.dueAt).toISOString();
      for (const level of ['escalation-manager', 'escalation-hq'] as const) {
        const on = addOpenDays(day, level === 'escalation-manager' ? 2 : 4);
        if (on > LAST_DAY) continue;
        for (const { target } of about) {
          // Answered: a report, or the self-assessment, after the reminder and before the escalation's
          // morning (scripted at 08:00 Tokyo, the previous day in UTC).
          const answersIt = (t: Date) => t >= (r.sentAt ?? r.dueAt) && t.toISOString().slice(0, 10) < on;
          const answered =
            target.updates.some((u) => answersIt(u.reportedAt)) ||
            target.reviewSteps.some((st) => st.step === 'self' && answersIt(st.createdAt));
          if (!answered) expected.add(`${level} ${on} ${target.id} ${since}`);
        }
      }
    }
    expect(expected.size).toBeGreaterThan(300);
    expect([...expected].filter((e) => !chased.has(e))).toEqual([]);
    expect([...chased].filter((e) => !expected.has(e))).toEqual([]);
  });

  it('sends the leadership digest every week, through the review season, naming departments as they are now', async () => {
    const digests = await sentDeliveries(run, 'weekly-digest');
    const expected: string[] = [];
    for (let t = Date.parse('2026-04-06'); t <= Date.parse(LAST_DAY); t += 7 * 86_400_000) {
      let day = new Date(t).toISOString().slice(0, 10);
      while (isClosed(day)) day = nextDay(day);
      expected.push(day);
    }
    expect(digests.map((d) => d.key.split(':')[1])).toEqual(expected);
    const posted = (channel: string, day: string) =>
      JSON.stringify(
        run.sent.filter((c) => c.method === 'chat.postMessage' && c.params.channel === channel && c.day === day),
      );
    expect(posted('C0KIKA0001', '2027-03-29')).toContain('企画部');
    expect(posted('C0KIKA0001', '2027-04-05')).toContain('企画経営部');
    expect(posted('C0LEAD0001', '2027-06-07')).toContain('環境部');
    expect(posted('C0LEAD0001', '2027-06-07')).not.toContain('環境政策部');
  });

  it('completes FY2026’s review by the current managers after the moves; the former ones are refused', async () => {
    expect(run.refusals).toEqual([
      'KA-1 U0KANAM001 approve: review_not_allowed',
      'TS-2 U0TOSHM001 approve: review_not_allowed',
    ]);
    const steps = await run.database.db.reviewStep.findMany({ include: { target: true }, orderBy: { id: 'asc' } });
    const by = (step: string) =>
      Object.fromEntries(steps.filter((s) => s.step === step).map((s) => [s.target.code, s.actorId]));
    expect(by('approve')).toEqual({
      'SM-1': 'U0SOMUM001',
      'KK-1': 'U0KIKAM001',
      'KA-1': 'U0KANM0001',
      'KB-1': 'U0KANM0001',
      'TS-1': 'U0TOSHM001',
      'TS-2': 'U0TKEIM001',
      'TS-3': 'U0TOSHM001',
    });
    expect(Object.keys(by('confirm')).sort()).toEqual(['KA-1', 'KB-1', 'KK-1', 'SM-1', 'TS-1', 'TS-2', 'TS-3']);
  });

  it('reports what the year sent', async () => {
    const rows = await run.database.db.delivery.groupBy({ by: ['kind', 'status'], _count: true });
    const calls = new Map<string, number>();
    for (const c of run.sent) calls.set(c.method, (calls.get(c.method) ?? 0) + 1);
    // The April import resolved the two managers named by e-mail, once each.
    const lookups = run.slack.callsTo('users.lookupByEmail');
    expect(lookups.map((c) => c.params.email).sort()).toEqual(NEW_MANAGERS.map(([, address]) => address).sort());
    calls.set('users.lookupByEmail (the April import)', lookups.length);
    console.log(
      `year in fast forward: ${run.ticks} ticks in ${(run.seconds).toFixed(1)} s; deliveries ${JSON.stringify(
        Object.fromEntries(rows.map((r) => [`${r.kind}:${r.status}`, r._count])),
      )}; Web API calls ${JSON.stringify(Object.fromEntries(calls))}`,
    );
    expect(rows.filter((r) => r.status === 'failed')).toEqual([]);
  });
});
