import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RetryOptions, WebClient } from '@slack/web-api';
import nock from 'nock';
import { parse } from 'yaml';
import { dateFromCalendar } from '../../src/calendar/days.js';
import type { DeliveryConfig } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { runReminders } from '../../src/reminders/run-reminders.js';
import { createJobSlackClient } from '../../src/slack/job-client.js';
import { captureLogger, type TestConfigOverrides, testConfig } from './context.js';

// Test data for reminders. Not an importer: it copies the example file's rows into the database
// with Prisma (fiscal year, review windows, hq_users, departments, people, targets), which is all
// the reminder rules read.

interface ExampleFile {
  fiscal_year: number;
  leadership_channel?: string;
  hq_users?: string[];
  review: { name: string; opens: string; closes: string; role?: string }[];
  departments: {
    code: string;
    name: string;
    name_en?: string;
    channel?: string;
    managers?: string[];
    members?: string[];
    targets: { code: string; category: string; title: string; owner?: string }[];
  }[];
}

export interface LoadedExample {
  fiscalYearId: number;
  targetCount: number;
  owners: string[];
  managers: string[];
  targetIdsByCode: Map<string, number>;
  ownerByCode: Map<string, string>;
}

/** Inserts examples/itabashi-fy2026.yaml (20 departments, 279 targets) into an empty database. */
export async function loadExampleOrganization(db: Db): Promise<LoadedExample> {
  const file = parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'itabashi-fy2026.yaml'), 'utf8'),
  ) as ExampleFile;
  const fy = await db.fiscalYear.create({
    data: {
      year: file.fiscal_year,
      leadershipChannel: file.leadership_channel ?? null,
      reviewWindows: {
        create: file.review.map((w) => ({
          name: w.name,
          role: w.role ?? 'self',
          opensOn: dateFromCalendar(String(w.opens)),
          closesOn: dateFromCalendar(String(w.closes)),
        })),
      },
    },
  });
  if (file.hq_users) await db.setting.create({ data: { key: 'hq_users', value: JSON.stringify(file.hq_users) } });
  const targetIdsByCode = new Map<string, number>();
  const ownerByCode = new Map<string, string>();
  const managers: string[] = [];
  for (const [index, d] of file.departments.entries()) {
    const department = await db.department.create({
      data: {
        code: d.code,
        name: d.name,
        nameEn: d.name_en ?? null,
        channelId: d.channel ?? null,
        sortOrder: index,
        people: {
          create: [
            ...(d.managers ?? []).map((id) => ({ slackUserId: id, role: 'manager' })),
            ...(d.members ?? []).map((id) => ({ slackUserId: id, role: 'member' })),
          ],
        },
      },
    });
    managers.push(...(d.managers ?? []));
    await db.target.createMany({
      data: d.targets.map((t, i) => ({
        fiscalYearId: fy.id,
        departmentId: department.id,
        code: t.code,
        category: t.category,
        title: t.title,
        ownerId: t.owner ?? null,
        sortOrder: i,
      })),
    });
    for (const t of d.targets) if (t.owner) ownerByCode.set(t.code, t.owner);
  }
  for (const t of await db.target.findMany({ select: { id: true, code: true } })) targetIdsByCode.set(t.code, t.id);
  return {
    fiscalYearId: fy.id,
    targetCount: targetIdsByCode.size,
    owners: [...new Set(ownerByCode.values())].sort(),
    managers,
    targetIdsByCode,
    ownerByCode,
  };
}

export interface SmallOrg {
  fiscalYearId: number;
  departmentIds: Record<string, number>;
  targetIds: Record<string, number>;
}

/**
 * A hand-sized organisation: departments with managers and members, targets with owners, and
 * review windows, for one fiscal year.
 */
export async function buildOrganization(
  db: Db,
  spec: {
    fiscalYear?: number;
    leadershipChannel?: string | null;
    windows?: { name: string; opens: string; closes: string; role?: string }[];
    departments: {
      code: string;
      name?: string;
      cadence?: string;
      managers?: string[];
      members?: string[];
      targets: { code: string; owner?: string; title?: string }[];
    }[];
  },
): Promise<SmallOrg> {
  const fy = await db.fiscalYear.create({
    data: {
      year: spec.fiscalYear ?? 2026,
      leadershipChannel: spec.leadershipChannel === undefined ? 'C0LEAD0001' : spec.leadershipChannel,
      reviewWindows: {
        create: (spec.windows ?? []).map((w) => ({
          name: w.name,
          role: w.role ?? 'self',
          opensOn: dateFromCalendar(w.opens),
          closesOn: dateFromCalendar(w.closes),
        })),
      },
    },
  });
  const departmentIds: Record<string, number> = {};
  const targetIds: Record<string, number> = {};
  for (const [index, d] of spec.departments.entries()) {
    const department = await db.department.create({
      data: {
        code: d.code,
        name: d.name ?? `${d.code}部`,
        nameEn: `${d.code} department`,
        sortOrder: index,
        cadence: d.cadence ?? null,
        people: {
          create: [
            ...(d.managers ?? []).map((id) => ({ slackUserId: id, role: 'manager' })),
            ...(d.members ?? []).map((id) => ({ slackUserId: id, role: 'member' })),
          ],
        },
      },
    });
    departmentIds[d.code] = department.id;
    for (const [i, t] of d.targets.entries()) {
      const target = await db.target.create({
        data: {
          fiscalYearId: fy.id,
          departmentId: department.id,
          code: t.code,
          category: '施策',
          title: t.title ?? `${t.code}の取組`,
          ownerId: t.owner ?? null,
          sortOrder: i,
        },
      });
      targetIds[t.code] = target.id;
    }
  }
  return { fiscalYearId: fy.id, departmentIds, targetIds };
}

/** Caches Slack locales so that no users.info call is needed (or made) for these people. */
export async function cacheLocales(db: Db, locales: Record<string, string>, now: Date): Promise<void> {
  for (const [id, locale] of Object.entries(locales)) {
    await db.slackUser.upsert({
      where: { id },
      create: { id, locale, localeFetchedAt: now },
      update: { locale, localeFetchedAt: now },
    });
  }
}

/** Appends a progress update (as the /progress modal would). */
export async function reportProgress(db: Db, targetId: number, reporterId: string, at: Date): Promise<void> {
  await db.progressUpdate.create({ data: { targetId, reporterId, reportedAt: at, status: 'on_track', comment: 'ok' } });
}

export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
}

/** A Web API request body (form-encoded, some fields JSON) decoded. */
export function decodeBody(body: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> =
    typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : { ...(body as Record<string, unknown>) };
  for (const key of ['blocks', 'attachments']) {
    const value = fields[key];
    if (typeof value === 'string') fields[key] = JSON.parse(value);
  }
  return fields;
}

/**
 * Slack's Web API intercepted with nock at the HTTP level: chat.postMessage, chat.update and
 * users.info answer like Slack (a DM to U… lands in D…), every call is recorded.
 */
export function fakeSlack(options: { names?: Record<string, string>; locales?: Record<string, string> } = {}) {
  const calls: SlackCall[] = [];
  let seq = 0;
  const scope = nock('https://slack.com').persist();
  scope.post('/api/chat.postMessage').reply(200, (_uri, raw) => {
    const body = decodeBody(raw);
    calls.push({ method: 'chat.postMessage', body, at: Date.now() });
    const channel = String(body.channel);
    seq++;
    return {
      ok: true,
      channel: channel.startsWith('U') ? `D${channel.slice(1)}` : channel,
      ts: `1800000000.${String(seq).padStart(6, '0')}`,
    };
  });
  scope.post('/api/chat.update').reply(200, (_uri, raw) => {
    const body = decodeBody(raw);
    calls.push({ method: 'chat.update', body, at: Date.now() });
    return { ok: true, channel: body.channel, ts: body.ts };
  });
  scope.post('/api/users.info').reply(200, (_uri, raw) => {
    const id = String(decodeBody(raw).user);
    calls.push({ method: 'users.info', body: { user: id }, at: Date.now() });
    return {
      ok: true,
      user: {
        id,
        name: id.toLowerCase(),
        locale: options.locales?.[id] ?? 'ja-JP',
        profile: { display_name: options.names?.[id] ?? '', real_name: options.names?.[id] ?? `Name ${id}` },
      },
    };
  });
  return {
    calls,
    posts: () => calls.filter((c) => c.method === 'chat.postMessage'),
    updates: () => calls.filter((c) => c.method === 'chat.update'),
    postsTo: (channel: string) => calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel),
  };
}

/** Delivery settings that keep tests fast (the send queue's pacing has its own tests). */
export const FAST_DELIVERY: DeliveryConfig = {
  catchUpHours: 24,
  channelIntervalMs: 0,
  workspacePerSecond: 1000,
  workspaceBurst: 1000,
  concurrency: 8,
  claimLeaseMs: 600_000,
};

/** The WebClient's own retries in tests: three attempts in all, without waiting between them. */
export const FAST_RETRIES: RetryOptions = { retries: 2, minTimeout: 0, maxTimeout: 0 };

/** One tick of the reminders job at `at`, with a captured log. */
export async function runTick(
  database: { db: Db; url: string },
  at: string,
  options: { slack?: WebClient; config?: TestConfigOverrides; claimedBy?: string } = {},
) {
  const { logger, lines } = captureLogger();
  const config = testConfig({
    databaseUrl: database.url,
    ...options.config,
    delivery: { ...FAST_DELIVERY, ...options.config?.delivery },
  });
  const slack = options.slack ?? createJobSlackClient(config, logger, FAST_RETRIES);
  const result = await runReminders({
    db: database.db,
    slack,
    logger,
    now: new Date(at),
    config,
    claimedBy: options.claimedBy,
  });
  return { result, lines, slack };
}

/** A job Slack client for a test (FAST_RETRIES). */
export function testSlackClient(): WebClient {
  const { logger } = captureLogger();
  return createJobSlackClient(testConfig(), logger, FAST_RETRIES);
}

/** Button values (target ids) of a reminder message's "Report" buttons. */
export function buttonValues(body: Record<string, unknown>): string[] {
  const blocks = (body.blocks ?? []) as { accessory?: { action_id?: string; value?: string } }[];
  return blocks.filter((b) => b.accessory?.action_id === 'open_progress').map((b) => b.accessory?.value ?? '');
}

/** Log lines (JSON) with a given msg. */
export function logged(lines: string[], msg: string): Record<string, unknown>[] {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
}
