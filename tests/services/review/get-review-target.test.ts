import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReviewTarget } from '../../../src/services/review/get-review-target.js';
import { recordReviewStep } from '../../../src/services/review/record-review-step.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { AFTER_REVIEW, IN_REVIEW, PEOPLE, type SeededOrg, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('getReviewTarget on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;
  const get = (code: string, slackUserId: string, now = IN_REVIEW, hqUsers: string[] = []) =>
    getReviewTarget(database.db, {
      targetId: org.targets[code] as number,
      slackUserId,
      hqUsers,
      now,
      timeZone: 'Asia/Tokyo',
    });

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedReviewOrg(database.db);
    await recordReviewStep(database.db, {
      targetId: org.targets['SK-1'] as number,
      actorId: PEOPLE.memberA1,
      step: 'self',
      grade: 'B',
      comment: '素案作成',
      now: IN_REVIEW,
      timeZone: 'Asia/Tokyo',
      hqUsers: [],
    });
  });
  afterAll(async () => database?.destroy());

  it('returns the target, its indicator facts, history, state and what the person may do', async () => {
    const detail = await get('SK-1', PEOPLE.managerA);
    expect(detail).toMatchObject({
      code: 'SK-1',
      fiscalYear: 2026,
      department: { name: '政策経営部' },
      indicatorBaseline: 0,
      indicatorTarget: 100,
      latestValue: 85,
      lastReportedAt: new Date('2027-03-30T16:00:00Z'),
      available: ['approve', 'self', 'return'],
      period: { phase: 'open', currentWindow: '自己評価' },
    });
    expect(detail?.roles.sort()).toEqual(['assessor', 'manager']);
    expect(detail?.steps.map((s) => s.step)).toEqual(['self']);
    expect(detail?.summary).toMatchObject({ state: 'self_assessed', selfGrade: 'B', selfComment: '素案作成' });
  });

  it('lets headquarters look at any target, and offers nothing outside the period', async () => {
    expect((await get('SK-1', PEOPLE.hq))?.available).toEqual(['return']);
    expect((await get('SK-1', PEOPLE.managerA, AFTER_REVIEW))?.available).toEqual([]);
    expect((await get('KM-1', 'U0CONFIGHQ', IN_REVIEW, ['U0CONFIGHQ']))?.roles).toEqual(['hq']);
  });

  it('is null for people with no part in it and for unknown targets', async () => {
    expect(await get('KM-1', PEOPLE.memberA1)).toBeNull();
    expect(await get('KM-1', PEOPLE.outsider)).toBeNull();
    expect(
      await getReviewTarget(database.db, {
        targetId: 987654,
        slackUserId: PEOPLE.hq,
        hqUsers: [],
        now: IN_REVIEW,
        timeZone: 'Asia/Tokyo',
      }),
    ).toBeNull();
  });
});
