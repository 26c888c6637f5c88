import { describe, expect, it } from 'vitest';
import { roundPercent } from '../../../src/domain/achievement.js';
import { AppError } from '../../../src/errors.js';
import { buildDigestData } from '../../../src/services/digest/build-digest-data.js';
import { listEvaluationRows } from '../../../src/services/review/list-evaluation-rows.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';
import { PEOPLE, replayReviewSteps, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('listEvaluationRows on %s', (provider) => {
  const env = seededTestDatabase(provider, async (db) => {
    const org = await seedReviewOrg(db);
    await replayReviewSteps(db, org, [
      ['KM-1', PEOPLE.memberB1, 'self', { grade: 'S', comment: '利用者が増加' }],
      ['KM-1', PEOPLE.managerB, 'approve'],
      ['KM-1', PEOPLE.hq, 'check', { grade: 'A', comment: '目標超過だが外部要因あり' }],
      ['KM-1', PEOPLE.hq, 'confirm'],
      ['SK-1', PEOPLE.memberA1, 'self', { grade: 'B', comment: '素案作成済み' }],
      ['SK-2', PEOPLE.memberA2, 'self', { grade: 'C', comment: '一部改善' }],
      ['SK-2', PEOPLE.managerA, 'return', { comment: '実績を再確認' }],
    ]);
    // Comments on progress reports: the sheet shows the latest one that says something.
    const comment = (code: string, reportedAt: string, status: string, text: string) =>
      db.progressUpdate.create({
        data: {
          targetId: org.targets[code] as number,
          reporterId: PEOPLE.memberA1,
          reportedAt: new Date(reportedAt),
          status,
          comment: text,
        },
      });
    await comment('SK-1', '2027-03-10T01:00:00Z', 'on_track', '素案を作成');
    await comment('SK-1', '2027-03-25T01:00:00Z', 'on_track', '');
    await comment('SK-4', '2027-03-01T01:00:00Z', 'at_risk', '前倒しで完了見込み');
    return org;
  });

  it('lists one row per target in evaluation-sheet order', async () => {
    const rows = await listEvaluationRows(env.db, { fiscalYear: 2026, timeZone: 'Asia/Tokyo' });
    expect(rows.map((r) => `${r.department}/${r.category}/${r.code}`)).toEqual([
      '政策経営部/施策/SK-1',
      '政策経営部/施策/SK-4',
      '政策経営部/改革/SK-2',
      '政策経営部/人材育成・活用/SK-3',
      '政策経営部/その他/SK-5',
      '区民文化部/施策/KM-1',
    ]);
  });

  it('carries the indicator, latest value, achievement, suggested and given grades, comments and last update', async () => {
    const rows = await listEvaluationRows(env.db, { fiscalYear: 2026, timeZone: 'Asia/Tokyo' });
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('SK-1')).toEqual({
      departmentCode: 'seisaku',
      department: '政策経営部',
      category: '施策',
      code: 'SK-1',
      title: '実現プランの改訂',
      ownerId: PEOPLE.memberA1,
      indicatorKind: 'activity',
      unit: '%',
      baseline: 0,
      target: 100,
      actual: 85,
      achievementPercent: 85,
      suggestedGrade: 'B',
      selfGrade: 'B',
      hqGrade: null,
      selfComment: '素案作成済み',
      hqComment: null,
      returnComment: null,
      reviewState: 'self_assessed',
      // The latest report is a status-only 注意; the comment is the latest non-empty one.
      progressStatus: 'at_risk',
      latestComment: '素案を作成',
      // Reported 2027-03-30T16:00Z, which is already March 31 in Tokyo.
      lastUpdate: '2027-03-31',
    });
    expect(byCode.get('SK-2')).toMatchObject({
      actual: 52.5,
      achievementPercent: 50,
      suggestedGrade: 'D',
      selfGrade: null,
      reviewState: 'returned',
      returnComment: '実績を再確認',
    });
    expect(byCode.get('SK-4')).toMatchObject({
      actual: 0,
      achievementPercent: null,
      suggestedGrade: 'A',
      ownerId: null,
      progressStatus: 'done',
      latestComment: '前倒しで完了見込み',
    });
    expect(byCode.get('SK-3')).toMatchObject({
      indicatorKind: null,
      actual: null,
      suggestedGrade: null,
      ownerId: PEOPLE.memberA2,
      progressStatus: null,
      latestComment: null,
      lastUpdate: null,
    });
    expect(byCode.get('KM-1')).toMatchObject({
      achievementPercent: 120,
      suggestedGrade: 'S',
      selfGrade: 'S',
      hqGrade: 'A',
      selfComment: '利用者が増加',
      hqComment: '目標超過だが外部要因あり',
      reviewState: 'confirmed',
      lastUpdate: '2027-03-01',
    });
  });

  it('refuses a fiscal year that is not loaded', async () => {
    const error = await listEvaluationRows(env.db, { fiscalYear: 2031, timeZone: 'Asia/Tokyo' }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'fiscal_year_unknown', userMessage: 'export.error.fiscal_year_unknown' });
  });
});

describe.each(PROVIDERS)('the evaluation sheet and the digest on %s', (provider) => {
  const REPORTED_AT = new Date('2027-03-01T01:00:00Z');
  const indicators: [string, number | null, number | null, number | null][] = [
    // code, baseline, target, latest value
    ['UP', 0, 100, 85],
    ['BEYOND', 400, 500, 520],
    ['DOWN', 60, 45, 48],
    ['WRONG-WAY', 60, 45, 66],
    ['NEGATIVE', -10, -4, -7],
    ['THIRDS', 0, 3, 1],
    ['NO-BASELINE', null, 50, 25],
    ['KEEP', 0, 0, 0],
    ['SILENT', 0, 100, null],
  ];
  const env = seededTestDatabase(provider, async (db) => {
    const fy = await db.fiscalYear.create({ data: { year: 2026, leadershipChannel: 'C0LEAD0001' } });
    const department = await db.department.create({ data: { code: 'seisaku', name: '政策経営部', sortOrder: 1 } });
    for (const [i, [code, baseline, target, value]] of indicators.entries()) {
      const created = await db.target.create({
        data: {
          fiscalYearId: fy.id,
          departmentId: department.id,
          code,
          category: '施策',
          title: code,
          sortOrder: i,
          indicatorKind: 'outcome',
          indicatorBaseline: baseline,
          indicatorTarget: target,
        },
      });
      if (value !== null) {
        await db.progressUpdate.create({
          data: { targetId: created.id, reporterId: 'U0MEMA0001', reportedAt: REPORTED_AT, status: 'on_track', value },
        });
      }
    }
  });

  it('gives the same achievement for every target', async () => {
    const rows = await listEvaluationRows(env.db, { fiscalYear: 2026, timeZone: 'Asia/Tokyo' });
    const digest = await buildDigestData(env.db, {
      now: new Date('2027-03-08T00:00:00Z'),
      timeZone: 'Asia/Tokyo',
      defaultCadence: 'biweekly',
    });
    const sheet = new Map(rows.map((r) => [r.code, r.achievementPercent]));
    const shown = new Map(
      (digest?.targets ?? []).map((t) => [t.code, t.achievement === null ? null : roundPercent(t.achievement)]),
    );
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(sheet));
    expect(Object.fromEntries(sheet)).toEqual({
      UP: 85,
      BEYOND: 120,
      DOWN: 80,
      'WRONG-WAY': -40,
      NEGATIVE: 50,
      THIRDS: 33.3,
      'NO-BASELINE': null,
      KEEP: null,
      SILENT: null,
    });
  });
});
