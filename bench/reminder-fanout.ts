/**
 * Reminder fan-out bench: 1,000 owners (one target each) are all due a countdown reminder at the
 * same tick; the reminders job sends them through the send queue to a fake Slack on 127.0.0.1
 * that enforces Slack-like limits (1 message per second per channel, a workspace token bucket)
 * and answers 429 + Retry-After when they are broken. Reports the time to deliver all of them,
 * 429s seen, and duplicates (a channel receiving more than one message).
 *
 *   npx tsx bench/reminder-fanout.ts [--count 1000] [--scenario defaults|aggressive|both]
 *                                    [--server-rate 5] [--server-burst 20]
 *                                    [--provider sqlite|postgresql] [--replicas 1|2]
 *
 * Scenario "defaults": the queue runs at the shipped defaults (5 msg/s, burst 20), which match
 * the fake workspace limit. Scenario "aggressive": the queue is set 4× too fast (20 msg/s, burst
 * 100), so the fake Slack answers 429s and the queue has to wait them out. --replicas 2 runs two
 * job instances on two database clients at once (use --provider postgresql).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { remindersJob } from '../jobs/reminders.js';
import type { DeliveryConfig, OfflineConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { dateFromCalendar } from '../src/domain/calendar.js';
import { createLogger } from '../src/logger.js';
import { createJobSlackClient } from '../src/slack/job-client.js';
import { createTestDatabase, type TestProvider } from '../tests/helpers/databases.js';

const TICK = new Date('2027-05-25T00:30:00Z'); // 09:30 Tokyo, 7 days before the window opens

interface FakeSlackStats {
  posts: number;
  rateLimited: number;
  perChannel429: number;
  workspace429: number;
  byChannel: Map<string, number>;
  firstAt: number;
  lastAt: number;
}

/** A Slack Web API stand-in with Slack's posting limits. */
function startFakeSlack(limits: { perSecondPerChannel: number; workspaceRate: number; workspaceBurst: number }) {
  const stats: FakeSlackStats = {
    posts: 0,
    rateLimited: 0,
    perChannel429: 0,
    workspace429: 0,
    byChannel: new Map(),
    firstAt: 0,
    lastAt: 0,
  };
  const lastPost = new Map<string, number>();
  let tokens = limits.workspaceBurst;
  let tokensAt = Date.now();
  let seq = 0;
  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const body = Object.fromEntries(new URLSearchParams(raw));
      const method = (req.url ?? '').replace(/^\/api\//, '');
      if (method === 'users.info') return reply(res, 200, { ok: true, user: { id: body.user, locale: 'ja-JP' } });
      if (method === 'chat.update') return reply(res, 200, { ok: true, channel: body.channel, ts: body.ts });
      if (method !== 'chat.postMessage') return reply(res, 200, { ok: false, error: 'unknown_method' });
      const now = Date.now();
      const channel = String(body.channel);
      const last = lastPost.get(channel);
      const gap = 1000 / limits.perSecondPerChannel;
      if (last !== undefined && now - last < gap) {
        stats.rateLimited++;
        stats.perChannel429++;
        return reply(
          res,
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(Math.ceil((gap - (now - last)) / 1000)) },
        );
      }
      tokens = Math.min(limits.workspaceBurst, tokens + ((now - tokensAt) / 1000) * limits.workspaceRate);
      tokensAt = now;
      if (tokens < 1) {
        stats.rateLimited++;
        stats.workspace429++;
        const wait = Math.max(1, Math.ceil((1 - tokens) / limits.workspaceRate));
        return reply(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
      }
      tokens -= 1;
      lastPost.set(channel, now);
      stats.posts++;
      stats.byChannel.set(channel, (stats.byChannel.get(channel) ?? 0) + 1);
      if (!stats.firstAt) stats.firstAt = now;
      stats.lastAt = now;
      seq++;
      return reply(res, 200, {
        ok: true,
        channel: `D${channel.slice(1)}`,
        ts: `1800000000.${String(seq).padStart(6, '0')}`,
      });
    });
  });
  return new Promise<{ url: string; stats: FakeSlackStats; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/api/`,
        stats,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

async function seed(url: string, count: number) {
  const database = await openDatabase(url);
  const fy = await database.db.fiscalYear.create({
    data: {
      year: 2026,
      reviewWindows: {
        create: [
          { name: '自己評価', opensOn: dateFromCalendar('2027-06-01'), closesOn: dateFromCalendar('2027-06-20') },
        ],
      },
    },
  });
  const owners = Array.from({ length: count }, (_, i) => `U${String(i + 1).padStart(7, '0')}`);
  const department = await database.db.department.create({ data: { code: 'bench', name: 'ベンチ部', cadence: 'off' } });
  await database.db.departmentPerson.createMany({
    data: owners.map((id) => ({ departmentId: department.id, slackUserId: id, role: 'member' })),
  });
  await database.db.target.createMany({
    data: owners.map((owner, i) => ({
      fiscalYearId: fy.id,
      departmentId: department.id,
      code: `B-${i + 1}`,
      category: '施策',
      title: `ベンチマーク目標 ${i + 1}`,
      ownerId: owner,
      sortOrder: i,
    })),
  });
  // Locales cached so users.info is not part of what is measured.
  const far = new Date('2100-01-01T00:00:00Z');
  await database.db.slackUser.createMany({ data: owners.map((id) => ({ id, locale: 'ja-JP', localeFetchedAt: far })) });
  await database.close();
  return owners;
}

async function scenario(
  name: string,
  options: {
    count: number;
    provider: TestProvider;
    replicas: number;
    queue: Partial<DeliveryConfig>;
    server: { rate: number; burst: number };
  },
) {
  const slack = await startFakeSlack({
    perSecondPerChannel: 1,
    workspaceRate: options.server.rate,
    workspaceBurst: options.server.burst,
  });
  const testDb = await createTestDatabase(options.provider);
  try {
    const owners = await seed(testDb.url, options.count);
    const logger = createLogger({ level: 'error' });
    const config: OfflineConfig = {
      slack: { botToken: 'xoxb-bench', apiUrl: slack.url },
      port: 0,
      databaseUrl: testDb.url,
      timeZone: 'Asia/Tokyo',
      logLevel: 'error',
      hqUsers: [],
      delivery: {
        catchUpHours: 24,
        channelIntervalMs: 1000,
        workspacePerSecond: 5,
        workspaceBurst: 20,
        maxAttempts: 5,
        retryBaseMs: 1000,
        concurrency: 4,
        claimLeaseMs: 600_000,
        ...options.queue,
      },
    };
    const clients = await Promise.all(Array.from({ length: options.replicas }, () => openDatabase(testDb.url)));
    const started = Date.now();
    const results = await Promise.all(
      clients.map((c) =>
        remindersJob(config).run({ db: c.db, slack: createJobSlackClient(config, logger), logger, now: TICK, config }),
      ),
    );
    const elapsed = (Date.now() - started) / 1000;
    for (const c of clients) await c.close();
    const duplicates = [...slack.stats.byChannel.values()].reduce((n, v) => n + Math.max(0, v - 1), 0);
    const missing = owners.filter((o) => !slack.stats.byChannel.has(o)).length;
    const sent = results.reduce((n, r) => n + r.sent, 0);
    const failed = results.reduce((n, r) => n + r.failed, 0);
    console.log(
      JSON.stringify(
        {
          scenario: name,
          provider: options.provider,
          replicas: options.replicas,
          reminders: options.count,
          queue: {
            rate: config.delivery?.workspacePerSecond,
            burst: config.delivery?.workspaceBurst,
            channelIntervalMs: config.delivery?.channelIntervalMs,
          },
          fakeSlack: {
            perChannelPerSecond: 1,
            workspaceRate: options.server.rate,
            workspaceBurst: options.server.burst,
          },
          seconds: Math.round(elapsed * 10) / 10,
          messagesPerSecond: Math.round((slack.stats.posts / elapsed) * 100) / 100,
          delivered: slack.stats.posts,
          sentByJob: sent,
          failed,
          missing,
          duplicates,
          http429: slack.stats.rateLimited,
          perChannel429: slack.stats.perChannel429,
          workspace429: slack.stats.workspace429,
        },
        null,
        2,
      ),
    );
  } finally {
    await slack.close();
    await testDb.destroy();
  }
}

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    scenario: { type: 'string', default: 'both' },
    'server-rate': { type: 'string', default: '5' },
    'server-burst': { type: 'string', default: '20' },
    provider: { type: 'string', default: 'sqlite' },
    replicas: { type: 'string', default: '1' },
  },
});
const common = {
  count: Number(values.count),
  provider: (values.provider === 'postgresql' ? 'postgresql' : 'sqlite') as TestProvider,
  replicas: Number(values.replicas),
  server: { rate: Number(values['server-rate']), burst: Number(values['server-burst']) },
};
if (values.scenario === 'defaults' || values.scenario === 'both') await scenario('defaults', { ...common, queue: {} });
if (values.scenario === 'aggressive' || values.scenario === 'both') {
  await scenario('aggressive', { ...common, queue: { workspacePerSecond: 20, workspaceBurst: 100 } });
}
