import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentDigestJob } from '../../jobs/department-digest.js';
import { weeklyDigestJob } from '../../jobs/weekly-digest.js';
import type { DigestMessage } from '../../src/blocks/digest-pack.js';
import { addDays } from '../../src/calendar/days.js';
import type { Db } from '../../src/db/client.js';
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
import { digestTestConfig, jobSlackClient, type PostedMessage, recordPosts } from '../helpers/digest-slack.js';

// The review season: FY2026 (令和8年度) ends on 2027-03-31, its review windows run
// 自己評価 2027-06-01..06-20 and 本部確認 2027-06-21..07-10 (examples/itabashi-fy2026.yaml).

/** The chart has its own tests; here it is not drawn, and the digest goes out without it. */
const noChart = () => {
  throw new Error('chart not drawn in this test');
};

function depsFor(database: TestDatabase, now: Date) {
  const { logger, lines } = captureLogger();
  const config = digestTestConfig(database.url);
  const deps: JobDeps = { db: database.db, slack: jobSlackClient(), logger, now, config };
  return { deps, lines, config };
}

const asMessages = (posts: PostedMessage[]): DigestMessage[] => posts.map((p) => ({ text: p.text, blocks: p.blocks }));

/** The seisaku department's targets: self-assessed on 6/3, two approved on 6/4, one checked on 6/22. */
async function reviewSomeTargets(db: Db, org: SeededOrganization): Promise<{ seisaku: number }> {
  const seisaku = org.targets.filter((t) => t.departmentCode === 'seisaku');
  for (const [i, t] of seisaku.entries()) {
    await db.reviewStep.create({
      data: {
        targetId: t.id,
        step: 'self',
        grade: 'B',
        actorId: 'U0SEISAK01',
        createdAt: new Date('2027-06-03T01:00:00Z'),
      },
    });
    if (i < 2) {
      await db.reviewStep.create({
        data: { targetId: t.id, step: 'approve', actorId: 'U0SEISAKM1', createdAt: new Date('2027-06-04T01:00:00Z') },
      });
    }
    if (i === 0) {
      await db.reviewStep.create({
        data: { targetId: t.id, step: 'check', actorId: 'U0HQ000001', createdAt: new Date('2027-06-22T01:00:00Z') },
      });
    }
  }
  return { seisaku: seisaku.length };
}

describe.each(PROVIDERS)('digests in the review season on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrganization;
  let seisakuTargets: number;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedExampleOrganization(database.db);
    await applyHistory(database.db, scriptExampleHistory(org));
    seisakuTargets = (await reviewSomeTargets(database.db, org)).seisaku;
  });
  afterAll(async () => database?.destroy());

  it('sends the leadership digest every week from April until the last review window closes (7/10)', async () => {
    const posts = recordPosts({ times: 100 });
    const sentOn: string[] = [];
    // Every morning at 09:00 Tokyo, as the scheduler would: the job decides whether a digest is due.
    for (let day = '2027-04-01'; day <= '2027-07-31'; day = addDays(day, 1)) {
      const { deps, config } = depsFor(database, new Date(`${day}T00:00:00Z`));
      const result = await weeklyDigestJob(config, { renderChart: noChart }).run(deps);
      if (result.sent > 0) sentOn.push(day);
    }
    nock.cleanAll();
    // 5/3–5/5 are holidays (Golden Week): that week's digest goes out on Thursday 5/6.
    expect(sentOn).toEqual([
      '2027-04-05',
      '2027-04-12',
      '2027-04-19',
      '2027-04-26',
      '2027-05-06',
      '2027-05-10',
      '2027-05-17',
      '2027-05-24',
      '2027-05-31',
      '2027-06-07',
      '2027-06-14',
      '2027-06-21',
      '2027-06-28',
      '2027-07-05',
    ]);
    expect(new Set(posts.filter((p) => !p.threadTs).map((p) => p.channel))).toEqual(new Set(['C0LEAD0001']));

    // 6/28: the review's progress, overall and per department, with who holds the next step.
    const key = 'weekly-digest:2027-06-28';
    const delivery = await database.db.delivery.findUniqueOrThrow({ where: { key } });
    const first = posts.findIndex((p) => p.ts === delivery.ts);
    const digest = posts.slice(first).filter((p, i) => i === 0 || p.threadTs === delivery.ts);
    expectWithinSlackLimits(asMessages(digest));
    const text = allText(asMessages(digest));
    expect(text).toContain('週次進捗ダイジェスト 令和8年度');
    expect(text).toContain(
      `📋 *令和8年度の行政評価*（重点目標 ${org.targets.length}件）: 自己評価 *${seisakuTargets}* · 承認 *2* · 確認 *1* · 確定 *0*`,
    );
    // Not started since the review opened on 6/1 (27 days); self-assessed on 6/3 10:00 (24 whole
    // days) and waiting for a manager; approved on 6/4 10:00 (23 days) and waiting for headquarters.
    expect(text).toContain(
      `担当者 ${org.targets.length - seisakuTargets}件（最長 27日）・管理職 ${seisakuTargets - 2}件（最長 24日）・本部 2件（最長 23日）`,
    );
    expect(text).toContain('*令和8年度の行政評価（部別）*');
    expect(text).toContain(`*政策経営部*　自己評価 ${seisakuTargets}/${seisakuTargets} · 承認 2 · 確認 1 · 確定 0`);
  });

  it('sends each department its own digest in the review season, with its review line', async () => {
    const posts = recordPosts({ times: 20 });
    const { deps, config } = depsFor(database, new Date('2027-06-14T00:00:00Z'));
    expect(await departmentDigestJob(config).run(deps)).toEqual({ sent: 20, skipped: 0, failed: 0 });
    const seisaku = posts.find((p) => p.channel === 'C0SEISAK01');
    const text = allText(seisaku ? [{ text: seisaku.text, blocks: seisaku.blocks }] : []);
    expect(text).toContain(`自己評価 *${seisakuTargets}* · 承認 *2* · 確認 *0* · 確定 *0*`);
    expect(text).toContain(`管理職 ${seisakuTargets - 2}件（最長 10日）・本部 2件（最長 9日）`);
  });

  it('shows the new year’s progress beside last year’s review once the new year is imported', async () => {
    const fy2027 = await database.db.fiscalYear.create({ data: { year: 2027, leadershipChannel: 'C0LEAD2027' } });
    const seisaku = org.departments.find((d) => d.code === 'seisaku');
    await database.db.target.create({
      data: {
        fiscalYearId: fy2027.id,
        departmentId: seisaku?.id ?? 0,
        code: 'SK-N1',
        category: '施策',
        title: '新年度の目標',
      },
    });
    await database.db.delivery.deleteMany({ where: { key: 'weekly-digest:2027-07-05' } });
    const posts = recordPosts({ times: 10 });
    const { deps, config } = depsFor(database, new Date('2027-07-05T00:00:00Z'));
    expect(await weeklyDigestJob(config, { renderChart: noChart }).run(deps)).toMatchObject({ sent: 1 });
    expect(posts[0]?.channel).toBe('C0LEAD2027');
    const text = allText(asMessages(posts));
    expect(text).toContain('週次進捗ダイジェスト 令和9年度');
    expect(text).toContain('*全体の状況*（重点目標 1件）');
    expect(text).toContain('📋 *令和8年度の行政評価*');
    await database.db.target.deleteMany({ where: { fiscalYearId: fy2027.id } });
    await database.db.fiscalYear.delete({ where: { id: fy2027.id } });
  });
});
