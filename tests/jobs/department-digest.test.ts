import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentDigestJob, departmentDigestKey } from '../../jobs/department-digest.js';
import { allJobs } from '../../jobs/index.js';
import type { JobDeps } from '../../src/scheduler/job.js';
import { captureLogger } from '../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import {
  applyHistory,
  type SeededOrganization,
  scriptExampleHistory,
  seedExampleOrganization,
} from '../helpers/digest-fixtures.js';
import { allText, expectWithinSlackLimits } from '../helpers/digest-limits.js';
import { digestTestConfig, jobSlackClient, recordPosts } from '../helpers/digest-slack.js';

function depsFor(database: TestDatabase, now: Date) {
  const { logger, lines } = captureLogger();
  const config = digestTestConfig(database.url);
  const deps: JobDeps = { db: database.db, slack: jobSlackClient(), logger, now, config };
  return { deps, lines, config };
}

describe.each(PROVIDERS)('department-digest job on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrganization;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedExampleOrganization(database.db);
    await applyHistory(database.db, scriptExampleHistory(org));
  });
  afterAll(async () => database?.destroy());

  it('is registered in jobs/index.ts', () => {
    expect(allJobs(digestTestConfig(database.url)).map((j) => j.id)).toContain('department-digest');
  });

  it('posts one digest to each department channel at Monday 09:00, and none on a rerun', async () => {
    const posts = recordPosts({ times: 20 });
    const { deps, config } = depsFor(database, new Date('2026-11-30T00:00:00Z'));
    expect(await departmentDigestJob(config).run(deps)).toEqual({ sent: 20, skipped: 0, failed: 0 });
    expect(nock.pendingMocks()).toEqual([]);
    expect(posts.map((p) => p.channel).sort()).toEqual(org.departments.map((d) => d.channelId).sort());
    for (const department of org.departments) {
      const post = posts.find((p) => p.channel === department.channelId);
      if (!post) throw new Error(`no post for ${department.code}`);
      expect(post.threadTs).toBeUndefined();
      expect(post.text).toContain(`${department.name} 週次ダイジェスト（11月30日）`);
      expectWithinSlackLimits([{ text: post.text, blocks: post.blocks }]);
      const text = allText([{ text: post.text, blocks: post.blocks }]);
      // Only the department's own targets appear.
      const own = org.targets.filter((t) => t.departmentId === department.id).map((t) => t.code);
      const mentioned = [...text.matchAll(/`([A-Z]+-\d+)`/g)].map((m) => m[1]);
      for (const code of mentioned) expect(own).toContain(code);
    }
    const seisaku = posts.find((p) => p.channel === 'C0SEISAK01');
    const text = allText(seisaku ? [{ text: seisaku.text, blocks: seisaku.blocks }] : []);
    expect(text).toContain('*🔴 新たに遅延*（1件）');
    expect(text).toContain('`SK-1`');
    const keys = await database.db.delivery.findMany({
      where: { kind: 'department-digest' },
      select: { key: true, status: true },
    });
    expect(keys).toHaveLength(20);
    expect(keys.every((k) => k.status === 'sent')).toBe(true);
    expect(keys.map((k) => k.key)).toContain(departmentDigestKey('2026-11-30', 'seisaku'));

    const again = depsFor(database, new Date('2026-11-30T03:00:00Z'));
    expect(await departmentDigestJob(config).run(again.deps)).toEqual({ sent: 0, skipped: 20, failed: 0 });
  });

  it('records one failing channel and still sends the others; the rerun sends nothing more', async () => {
    const posts = recordPosts({ times: 20, fail: { C0SEISAK01: 'not_in_channel' } });
    const { deps, lines, config } = depsFor(database, new Date('2026-12-07T00:00:00Z'));
    expect(await departmentDigestJob(config).run(deps)).toEqual({ sent: 19, skipped: 0, failed: 1 });
    expect(posts).toHaveLength(19);
    const failed = await database.db.delivery.findUnique({
      where: { key: departmentDigestKey('2026-12-07', 'seisaku') },
    });
    expect(failed).toMatchObject({ status: 'failed', error: '[permanent] not_in_channel', recipient: 'C0SEISAK01' });
    expect(lines.some((l) => l.includes('delivery failed') && l.includes('not_in_channel'))).toBe(true);
    const again = depsFor(database, new Date('2026-12-07T01:00:00Z'));
    expect(await departmentDigestJob(config).run(again.deps)).toEqual({ sent: 0, skipped: 20, failed: 0 });
  });

  it('leaves out departments without a channel', async () => {
    const somu = org.departments.find((d) => d.code === 'somu');
    if (!somu) throw new Error('fixture changed');
    await database.db.department.update({ where: { id: somu.id }, data: { channelId: null } });
    try {
      const posts = recordPosts({ times: 19 });
      const { deps, config } = depsFor(database, new Date('2026-12-14T00:00:00Z'));
      expect(await departmentDigestJob(config).run(deps)).toEqual({ sent: 19, skipped: 0, failed: 0 });
      expect(posts.map((p) => p.channel)).not.toContain(somu.channelId);
    } finally {
      await database.db.department.update({ where: { id: somu.id }, data: { channelId: somu.channelId } });
    }
  });

  it('follows its own schedule, or none when off', async () => {
    const friday = digestTestConfig(database.url, { digest: { department: { weekday: 5, time: '16:00' } } });
    const { deps } = depsFor(database, new Date('2026-11-30T00:00:00Z'));
    expect(await departmentDigestJob(friday).run({ ...deps, config: friday })).toEqual({
      sent: 0,
      skipped: 0,
      failed: 0,
    });
    const off = digestTestConfig(database.url, { digest: { department: null } });
    expect(departmentDigestJob(off).schedule).toBe('off');
    const late = depsFor(database, new Date('2026-12-21T00:00:00Z'));
    expect(await departmentDigestJob(off).run({ ...late.deps, config: off })).toEqual({
      sent: 0,
      skipped: 0,
      failed: 0,
    });
  });
});
