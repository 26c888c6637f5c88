/**
 * Home-tab burst: `--users` people (50 departments × 15 targets with weekly reports since April,
 * the first department being headquarters) open the Home tab of the compiled bot (HTTP mode,
 * SQLite) at `--rate` openings a second for `--seconds` seconds, each opening by a person drawn at
 * random (a fixed seed), so some open it more than once. The fake Slack (bench/throttled-slack.ts)
 * holds views.publish to `--publish-per-minute` (Slack's Tier 4: 100) and answers 429 beyond.
 *
 * Reports the acks (latency from when each opening was due, so a late sender hides nothing), the
 * views.publish calls against the openings and the people, 429s, when the last Home went out, the
 * bot's CPU per opening, and its event-loop delay during the burst and while the queued Homes are
 * published. Before the bot starts, the CPU one Home render costs (database reads and blocks, a
 * member's and a headquarters one) is measured in this process on the same database.
 *
 *   npx tsx bench/home-burst.ts [--users 500] [--rate 100] [--seconds 5] [--publish-per-minute 100]
 *                               [--drain-timeout 300 (s to wait for the queued Homes)]
 *                               [--render-cpu on|off (the in-process render measurement)]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { WebClient } from '@slack/web-api';
import { loadOfflineConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { createLogger } from '../src/logger.js';
import { seedSyntheticOrganization } from '../tests/helpers/digest-fixtures.js';
import { INSTALLATION, loadFixture, signedPost } from '../tests/helpers/slack-driver.js';
import {
  botEnvironment,
  buildBot,
  type EventLoopDelay,
  formatEventLoopDelay,
  QUIET_JOBS,
  readEventLoopDelay,
  startBot,
  waitForPort,
} from './bot-process.js';
import { processCpuMs } from './process-cpu.js';
import { percentile, printTable } from './stats.js';
import { startThrottledSlack } from './throttled-slack.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '500' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '5' },
    'publish-per-minute': { type: 'string', default: '100' },
    'drain-timeout': { type: 'string', default: '300' },
    'render-cpu': { type: 'string', default: 'on' },
  },
});
const USERS = Number(values.users);
const RATE = Number(values.rate);
const OPENINGS = Math.round(RATE * Number(values.seconds));
const PUBLISH_PER_MINUTE = Number(values['publish-per-minute']);
const DRAIN_TIMEOUT_MS = Number(values['drain-timeout']) * 1000;
const DEPARTMENTS = 50;
const TARGETS_PER_DEPARTMENT = 15;
/** Weekly reports from April 3 to late November. */
const WEEKS = 33;

const userId = (u: number) => `UBENCH${String(u).padStart(4, '0')}`;

/** A small seeded generator (mulberry32): the same people open in the same order on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Events API envelope Slack POSTs for an app_home_opened on the Home tab. */
function homeOpened(user: string, i: number): string {
  const event = loadFixture<Record<string, unknown>>('app_home_opened.event_docs_example.json');
  return JSON.stringify({
    token: 'verification-token',
    team_id: INSTALLATION.teamId,
    api_app_id: INSTALLATION.appId,
    event: { ...event, user, channel: `D${user.slice(1)}`, tab: 'home' },
    type: 'event_callback',
    event_id: `EvHOME${String(i).padStart(6, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
  });
}

/** CPU ms per render of each person's Home, rendered in turn in this process (their locale already cached). */
async function renderCpu(ctx: AppContext, client: WebClient, users: string[]): Promise<number> {
  const { renderHome } = await import('../commands/app-home.js');
  const before = process.cpuUsage();
  for (const user of users) await renderHome(ctx, client, user, { mine: 0, org: 0 });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / users.length;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-home-burst-'));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  await applyMigrations(databaseUrl);
  const database = await openDatabase(databaseUrl);
  const seeded = await seedSyntheticOrganization(database.db, {
    departments: DEPARTMENTS,
    targetsPerDepartment: TARGETS_PER_DEPARTMENT,
    weeks: WEEKS,
  });
  const departments = await database.db.department.findMany({ orderBy: { sortOrder: 'asc' } });
  await database.db.departmentPerson.createMany({
    data: Array.from({ length: USERS }, (_, u) => ({
      departmentId: (departments[u % departments.length] as { id: number }).id,
      slackUserId: userId(u),
      role: u % 10 === 1 ? 'manager' : 'member',
    })),
  });
  // The first department is headquarters: its people also see the organisation's overview.
  await database.db.setting.create({
    data: { key: 'hq_department', value: (departments[0] as { code: string }).code },
  });
  const hq = Array.from({ length: USERS }, (_, u) => u).filter((u) => u % departments.length === 0);
  console.log(
    `${seeded.departments} departments, ${seeded.targets} targets, ${seeded.updates} updates; ` +
      `${USERS} people, ${hq.length} of them headquarters`,
  );

  // Render CPU in this process: every Home once (caching each person's locale, as a running bot
  // has), then the members' and headquarters' Homes measured.
  const config = loadOfflineConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  const ctx: AppContext = {
    db: database.db,
    database,
    config,
    logger: createLogger({ level: 'warn' }),
    now: () => new Date(),
  };
  const stub = {
    users: { info: async () => ({ ok: true, user: { locale: 'ja-JP' } }) },
  } as unknown as WebClient;
  const everyone = Array.from({ length: USERS }, (_, u) => userId(u));
  const members = everyone.filter((_, u) => u % departments.length !== 0).slice(0, 200);
  const measureRender = values['render-cpu'] !== 'off';
  if (measureRender) await renderCpu(ctx, stub, everyone);
  const memberCpuMs = measureRender ? await renderCpu(ctx, stub, members) : Number.NaN;
  const hqCpuMs = measureRender
    ? await renderCpu(
        ctx,
        stub,
        hq.map((u) => userId(u)),
      )
    : Number.NaN;
  console.log(
    `render CPU (in-process, ${members.length} members, ${hq.length} headquarters): ` +
      `${memberCpuMs.toFixed(1)} ms per member's Home, ${hqCpuMs.toFixed(1)} ms per headquarters Home`,
  );
  await database.close();

  buildBot();
  const slack = await startThrottledSlack({
    perSecondPerChannel: 1,
    workspaceRate: 20,
    workspaceBurst: 20,
    viewsPublishPerMinute: PUBLISH_PER_MINUTE,
  });
  const bot = startBot({ ...botEnvironment(slack.url), ...QUIET_JOBS, LOG_LEVEL: 'warn' }, databaseUrl);
  try {
    const port = await waitForPort(bot);
    const post = signedPost(`http://127.0.0.1:${port}`);
    // A running bot has built Homes before: one member's and one headquarters Home first (the
    // database's query plans compiled, the code warm), then the burst.
    for (const [i, user] of [userId(1), userId(0)].entries()) {
      await post(homeOpened(user, OPENINGS + i), 'application/json');
      while (slack.stats.viewsPublished < i + 1) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const warmUpPublishes = slack.stats.viewsPublished;
    await readEventLoopDelay(bot);
    const pick = random(21);
    const openers = Array.from({ length: OPENINGS }, () => userId(Math.floor(pick() * USERS)));
    const latencies: number[] = [];
    let failures = 0;
    const cpuBefore = processCpuMs(bot.pid);
    const started = performance.now();
    const startedAt = Date.now();
    const sent: Promise<void>[] = [];
    for (let i = 0; i < OPENINGS; i += 1) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const body = homeOpened(openers[i] as string, i);
      sent.push(
        post(body, 'application/json').then(({ status }) => {
          latencies.push(performance.now() - due);
          if (status !== 200) failures += 1;
        }),
      );
    }
    await Promise.all(sent);
    const answeredAt = Date.now();
    const cpuAnswered = processCpuMs(bot.pid);
    const burstDelay = await readEventLoopDelay(bot);
    const publishedDuringBurst = slack.stats.viewsPublished - warmUpPublishes;
    // The queued Homes go out at the paced rate: wait until none came for 5 s (or the timeout).
    let seen = -1;
    let quietSince = Date.now();
    while (Date.now() - answeredAt < DRAIN_TIMEOUT_MS) {
      if (slack.stats.viewsPublished !== seen) {
        seen = slack.stats.viewsPublished;
        quietSince = Date.now();
      } else if (Date.now() - quietSince > 5000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const cpuDrained = processCpuMs(bot.pid);
    const drainDelay: EventLoopDelay = await readEventLoopDelay(bot);
    const people = new Set(openers).size;
    const stats = { ...slack.stats, viewsPublished: slack.stats.viewsPublished - warmUpPublishes };
    const lastPublishS = stats.viewsPublishLastAt ? (stats.viewsPublishLastAt - startedAt) / 1000 : Number.NaN;
    const perOpen = (ms: number | undefined, from: number | undefined) =>
      ms === undefined || from === undefined ? Number.NaN : (ms - from) / OPENINGS;
    printTable(
      ['measure', 'value'],
      [
        ['openings (people)', `${OPENINGS} at ${RATE}/s (${people} people)`],
        [
          'ack p50 / p99 / max',
          `${percentile(latencies, 50)} / ${percentile(latencies, 99)} / ${percentile(latencies, 100)} ms`,
        ],
        ['answers not 200', failures],
        ['answers over 3 s', latencies.filter((l) => l > 3000).length],
        [
          'views.publish calls',
          `${stats.viewsPublished} (${(stats.viewsPublished / OPENINGS).toFixed(2)} per opening; ${publishedDuringBurst} during the burst)`,
        ],
        [
          'people whose Home was published',
          `${openers.filter((u, i) => openers.indexOf(u) === i && stats.viewsPublishedByUser.has(u)).length} of ${people}`,
        ],
        ['views.publish 429s', stats.viewsPublish429],
        ['other messages sent (jobs are off: 0)', stats.posts],
        ['last Home published', `${lastPublishS.toFixed(1)} s after the first opening`],
        [
          'bot CPU per opening',
          `${perOpen(cpuAnswered, cpuBefore).toFixed(2)} ms during the burst, ${perOpen(cpuDrained, cpuBefore).toFixed(2)} ms in all`,
        ],
        ['event-loop delay, burst', formatEventLoopDelay(burstDelay)],
        ['event-loop delay, publishing', formatEventLoopDelay(drainDelay)],
        ['render CPU (in-process)', `${memberCpuMs.toFixed(1)} ms member, ${hqCpuMs.toFixed(1)} ms headquarters`],
      ],
    );
    const result = {
      bench: 'home-burst',
      openings: OPENINGS,
      people,
      ackP50: percentile(latencies, 50),
      ackP99: percentile(latencies, 99),
      ackMax: percentile(latencies, 100),
      non200: failures,
      over3s: latencies.filter((l) => l > 3000).length,
      publishes: stats.viewsPublished,
      publishedPeople: new Set(openers.filter((u) => stats.viewsPublishedByUser.has(u))).size,
      publish429: stats.viewsPublish429,
      lastPublishS,
      eventLoopBurst: burstDelay,
      eventLoopPublishing: drainDelay,
      renderMemberCpuMs: Math.round(memberCpuMs * 10) / 10,
      renderHqCpuMs: Math.round(hqCpuMs * 10) / 10,
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    bot.kill('SIGTERM');
    await slack.close();
  }
}

await main();
