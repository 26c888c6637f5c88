import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allJobs } from '../../jobs/index.js';
import { weeklyDigestJob } from '../../jobs/weekly-digest.js';
import type { DigestMessage } from '../../src/blocks/digest-pack.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { JobDeps } from '../../src/scheduler/job.js';
import { captureLogger } from '../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import {
  applyHistory,
  type SeededOrganization,
  scriptExampleHistory,
  seedExampleOrganization,
  seedSyntheticOrganization,
} from '../helpers/digest-fixtures.js';
import { allText, expectWithinSlackLimits } from '../helpers/digest-limits.js';
import {
  digestTestConfig,
  jobSlackClient,
  type PostedMessage,
  recordPosts,
  recordUpload,
} from '../helpers/digest-slack.js';
import { wiring } from '../helpers/wiring.js';

const MONDAY_0900_JST = new Date('2026-11-30T00:00:00Z');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function depsFor(database: TestDatabase, now: Date) {
  const { logger, lines } = captureLogger();
  const config = digestTestConfig(database.url);
  const deps: JobDeps = { db: database.db, slack: jobSlackClient(), logger, now, config };
  return { deps, lines, config };
}

const asMessages = (posts: PostedMessage[]): DigestMessage[] => posts.map((p) => ({ text: p.text, blocks: p.blocks }));

describe.each(PROVIDERS)('weekly-digest job on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrganization;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedExampleOrganization(database.db);
    await applyHistory(database.db, scriptExampleHistory(org));
  });
  afterAll(async () => database?.destroy());

  it('is registered in jobs/index.ts for the configured time zone', () => {
    const job = allJobs(digestTestConfig(database.url)).find((j) => j.id === 'weekly-digest');
    expect(job?.timeZone).toBe('Asia/Tokyo');
    expect(job?.schedule).toContain('Monday at 09:00');
  });

  it('does nothing before 09:00 on Monday', async () => {
    const { deps, config } = depsFor(database, new Date('2026-11-29T23:59:00Z'));
    expect(await weeklyDigestJob(config).run(deps)).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(await database.db.delivery.count()).toBe(0);
  });

  it('posts to the leadership channel once at Monday 09:00 with the chart in the thread, and not again', async () => {
    const posts = recordPosts();
    const upload = recordUpload();
    const { deps, lines, config } = depsFor(database, MONDAY_0900_JST);
    const result = await weeklyDigestJob(config).run(deps);
    expect(result).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(nock.pendingMocks()).toEqual([]);

    expect(posts).toHaveLength(1);
    const [first] = posts;
    expect(first?.channel).toBe('C0LEAD0001');
    expect(first?.threadTs).toBeUndefined();
    expect(first?.text).toContain('週次進捗ダイジェスト 令和8年度（11月30日）');
    expectWithinSlackLimits(asMessages(posts));
    const text = allText(asMessages(posts));
    for (const d of org.departments) expect(text).toContain(`*${d.name}*`);
    expect(text).toContain('`SK-1`');
    expect(text).toContain('スレッドにあります（1件）');

    // The chart: a real PNG, shared into the digest's thread.
    expect(upload.signature?.equals(PNG_SIGNATURE)).toBe(true);
    expect(upload.bytes).toBeGreaterThan(20_000);
    expect(upload.filename).toBe('digest-2026-11-30.png');
    expect(upload.complete?.channel_id).toBe('C0LEAD0001');
    expect(upload.complete?.thread_ts).toBe(first?.ts);
    expect(upload.complete?.initial_comment).toContain('部別の進捗と年度内の推移');
    // Its alt text states the headline figures (the scripted year leaves 78 of 279 behind).
    expect(upload.altText).toMatch(
      /^遅延・注意・未報告 78件 \/ 279件（28%）。最も遅れている部: 選挙管理委員会事務局 \(3\/7\)、/,
    );

    const delivery = await database.db.delivery.findUnique({ where: { key: 'weekly-digest:2026-11-30' } });
    expect(delivery).toMatchObject({ status: 'sent', channel: 'C0LEAD0001', ts: first?.ts, kind: 'weekly-digest' });
    expect(lines.some((l) => l.includes('weekly digest posted'))).toBe(true);

    // A second run (next tick, or a replica, or `jobs run --at` again) sends nothing.
    const again = depsFor(database, new Date('2026-11-30T00:15:00Z'));
    expect(await weeklyDigestJob(config).run(again.deps)).toEqual({ sent: 0, skipped: 1, failed: 0 });
    const rerun = depsFor(database, MONDAY_0900_JST);
    expect(await weeklyDigestJob(config).run(rerun.deps)).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(await database.db.delivery.count({ where: { kind: 'weekly-digest' } })).toBe(1);
  });

  it('moves a holiday Monday to the next business day (2026-09-21 → 2026-09-24)', async () => {
    const { deps, config } = depsFor(database, new Date('2026-09-21T00:00:00Z'));
    expect(await weeklyDigestJob(config).run(deps)).toEqual({ sent: 0, skipped: 0, failed: 0 });
    const posts = recordPosts();
    recordUpload();
    const thursday = depsFor(database, new Date('2026-09-24T00:05:00Z'));
    expect(await weeklyDigestJob(config).run(thursday.deps)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(posts[0]?.text).toContain('9月24日');
    expect(await database.db.delivery.findUnique({ where: { key: 'weekly-digest:2026-09-24' } })).toMatchObject({
      status: 'sent',
    });
    expect(await database.db.delivery.findUnique({ where: { key: 'weekly-digest:2026-09-21' } })).toBeNull();
  });

  it('still posts the digest when the chart cannot be rendered, and logs the failure', async () => {
    const posts = recordPosts();
    const { deps, lines, config } = depsFor(database, new Date('2026-12-07T00:00:00Z'));
    const job = weeklyDigestJob(config, {
      renderChart: () => {
        throw new Error('font file unreadable');
      },
    });
    expect(await job.run(deps)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(posts).toHaveLength(1);
    expect(allText(asMessages(posts))).not.toContain('スレッド');
    const logged = lines.map((l) => JSON.parse(l) as { level: string; msg: string; error?: { message?: string } });
    const failure = logged.find((l) => l.msg.includes('chart rendering failed'));
    expect(failure?.level).toBe('error');
    expect(failure?.error?.message).toBe('font file unreadable');
  });

  it('still posts the digest when the chart upload fails, and logs it', async () => {
    const posts = recordPosts();
    nock('https://slack.com')
      .post('/api/files.getUploadURLExternal')
      .reply(200, { ok: false, error: 'not_allowed_token_type' });
    const { deps, lines, config } = depsFor(database, new Date('2026-12-14T00:00:00Z'));
    expect(await weeklyDigestJob(config).run(deps)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(posts).toHaveLength(1);
    expect(lines.some((l) => l.includes('chart upload failed') && l.includes('not_allowed_token_type'))).toBe(true);
  });

  it('records a failed delivery when Slack refuses the message, and does not retry it on the next tick', async () => {
    recordPosts({ fail: { C0LEAD0001: 'channel_not_found' } });
    const { deps, lines, config } = depsFor(database, new Date('2026-12-21T00:00:00Z'));
    const job = weeklyDigestJob(config, { renderChart: () => Buffer.from('png') });
    expect(await job.run(deps)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    const delivery = await database.db.delivery.findUnique({ where: { key: 'weekly-digest:2026-12-21' } });
    expect(delivery).toMatchObject({ status: 'failed', error: '[permanent] channel_not_found' });
    expect(lines.some((l) => l.includes('delivery failed') && l.includes('channel_not_found'))).toBe(true);
    // A permanent error is not retried on later ticks.
    const next = depsFor(database, new Date('2026-12-21T00:15:00Z'));
    expect(await job.run(next.deps)).toEqual({ sent: 0, skipped: 1, failed: 0 });
  });

  it('retries a transient Slack failure on a later tick of the same day', async () => {
    nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: false, error: 'internal_error' });
    const { deps, config } = depsFor(database, new Date('2026-12-28T00:00:00Z'));
    const job = weeklyDigestJob(config, { renderChart: () => Buffer.from('png') });
    expect(await job.run(deps)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect(await database.db.delivery.findUnique({ where: { key: 'weekly-digest:2026-12-28' } })).toMatchObject({
      status: 'failed',
      error: '[retryable] internal_error',
    });
    // Too soon: the retry waits a few minutes.
    const soon = depsFor(database, new Date('2026-12-28T00:01:00Z'));
    expect(await job.run(soon.deps)).toEqual({ sent: 0, skipped: 1, failed: 0 });
    const posts = recordPosts();
    recordUpload();
    const later = depsFor(database, new Date('2026-12-28T00:15:00Z'));
    expect(await job.run(later.deps)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(posts).toHaveLength(1);
    const delivery = await database.db.delivery.findUnique({ where: { key: 'weekly-digest:2026-12-28' } });
    expect(delivery).toMatchObject({ status: 'sent', ts: posts[0]?.ts, attempts: 2 });
  });

  it('skips (and says why) when the fiscal year has no leadership channel', async () => {
    await database.db.fiscalYear.update({ where: { year: 2026 }, data: { leadershipChannel: null } });
    try {
      const { deps, lines, config } = depsFor(database, new Date('2027-01-04T00:00:00Z'));
      expect(await weeklyDigestJob(config).run(deps)).toEqual({ sent: 0, skipped: 1, failed: 0 });
      expect(lines.some((l) => l.includes('no leadership channel'))).toBe(true);
      expect(await database.db.delivery.findUnique({ where: { key: 'weekly-digest:2027-01-04' } })).toBeNull();
    } finally {
      await database.db.fiscalYear.update({ where: { year: 2026 }, data: { leadershipChannel: 'C0LEAD0001' } });
    }
  });

  it('does nothing when the digest is switched off', async () => {
    const { deps } = depsFor(database, new Date('2027-01-11T00:00:00Z'));
    const config = digestTestConfig(database.url, { digest: { weekly: null, department: null } });
    expect(await weeklyDigestJob(config).run({ ...deps, config })).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });
});

describe('weekly-digest job for 200 departments × 30 targets', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedSyntheticOrganization(database.db, {
      departments: 200,
      targetsPerDepartment: 30,
      weeks: 3,
      longNames: true,
    });
  });
  afterAll(async () => database?.destroy());

  it('continues in thread replies within Slack limits, naming every department', async () => {
    const posts = recordPosts({ times: 30 });
    const upload = recordUpload();
    const { logger } = captureLogger();
    const config = digestTestConfig(database.url);
    const now = new Date('2026-04-20T00:00:00Z');
    const result = await weeklyDigestJob(config).run({ db: database.db, slack: jobSlackClient(), logger, now, config });
    expect(result).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(posts.length).toBeGreaterThan(1);
    const [first, ...rest] = posts;
    expect(first?.threadTs).toBeUndefined();
    for (const reply of rest) {
      expect(reply.threadTs).toBe(first?.ts);
      expect(reply.channel).toBe('C0LEAD0001');
    }
    expect(upload.complete?.thread_ts).toBe(first?.ts);
    expectWithinSlackLimits(asMessages(posts));
    const text = allText(asMessages(posts));
    const departments = await database.db.department.findMany({ select: { name: true } });
    expect(departments).toHaveLength(200);
    for (const d of departments) {
      const escaped = d.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(text).toContain(`*${escaped}*`);
    }
    expect(first?.text.length).toBeLessThanOrEqual(300);
  });
});

describe('weekly-digest through `tracker jobs run`', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    // PostgreSQL: `jobs run` applies migrations, which cannot lock an SQLite file this test holds open.
    database = await createTestDatabase('postgresql');
    await applyHistory(database.db, scriptExampleHistory(await seedExampleOrganization(database.db)));
  });
  afterAll(async () => database?.destroy());

  it('posts once for --at 2026-11-30T00:00:00Z and not on a second run', async () => {
    const posts = recordPosts();
    const upload = recordUpload();
    const out: string[] = [];
    const io = {
      env: { DATABASE_URL: database.url, SLACK_BOT_TOKEN: 'xoxb-test-token', LOG_LEVEL: 'error', TRACKER_LANG: 'en' },
      out: (l: string) => out.push(l),
      err: (l: string) => out.push(l),
    };
    const args = ['jobs', 'run', 'weekly-digest', '--at', '2026-11-30T00:00:00Z'];
    expect(await runCli(args, io, wiring)).toBe(0);
    expect(out.join('\n')).toContain('weekly-digest at 2026-11-30T00:00:00.000Z: sent 1, skipped 0, failed 0');
    expect(posts.map((p) => p.channel)).toEqual(['C0LEAD0001']);
    expect(upload.complete?.thread_ts).toBe(posts[0]?.ts);
    expect(await runCli(args, io, wiring)).toBe(0);
    expect(out.at(-1)).toContain('sent 0, skipped 1, failed 0');
    expect(posts).toHaveLength(1);
  });
});
