import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { listEvaluationRows } from '../../src/services/list-evaluation-rows.js';
import { recordReviewStep } from '../../src/services/record-review-step.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { IN_REVIEW, PEOPLE, type SeededOrg, seedReviewOrg } from '../review/fixtures.js';

describe.each(PROVIDERS)('listEvaluationRows on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedReviewOrg(database.db);
    const common = { timeZone: 'Asia/Tokyo', hqUsers: [] };
    let t = 0;
    const at = () => new Date(IN_REVIEW.getTime() + ++t * 1000);
    const id = (code: string) => org.targets[code] as number;
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('KM-1'),
      actorId: PEOPLE.memberB1,
      step: 'self',
      grade: 'S',
      comment: '利用者が増加',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('KM-1'),
      actorId: PEOPLE.managerB,
      step: 'approve',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('KM-1'),
      actorId: PEOPLE.hq,
      step: 'check',
      grade: 'A',
      comment: '目標超過だが外部要因あり',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('KM-1'),
      actorId: PEOPLE.hq,
      step: 'confirm',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('SK-1'),
      actorId: PEOPLE.memberA1,
      step: 'self',
      grade: 'B',
      comment: '素案作成済み',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('SK-2'),
      actorId: PEOPLE.memberA2,
      step: 'self',
      grade: 'C',
      comment: '一部改善',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('SK-2'),
      actorId: PEOPLE.managerA,
      step: 'return',
      comment: '実績を再確認',
    });
  });
  afterAll(async () => database?.destroy());

  it('lists one row per target in evaluation-sheet order', async () => {
    const rows = await listEvaluationRows(database.db, { fiscalYear: 2026, timeZone: 'Asia/Tokyo' });
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
    const rows = await listEvaluationRows(database.db, { fiscalYear: 2026, timeZone: 'Asia/Tokyo' });
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('SK-1')).toEqual({
      departmentCode: 'seisaku',
      department: '政策経営部',
      category: '施策',
      code: 'SK-1',
      title: '実現プランの改訂',
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
    expect(byCode.get('SK-4')).toMatchObject({ actual: 0, achievementPercent: null, suggestedGrade: 'A' });
    expect(byCode.get('SK-3')).toMatchObject({
      indicatorKind: null,
      actual: null,
      suggestedGrade: null,
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
    const error = await listEvaluationRows(database.db, { fiscalYear: 2031, timeZone: 'Asia/Tokyo' }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'fiscal_year_unknown', userMessage: 'export.error.fiscal_year_unknown' });
  });
});
