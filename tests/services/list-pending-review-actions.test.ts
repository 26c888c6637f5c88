import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPendingReviewActions } from '../../src/services/list-pending-review-actions.js';
import { recordReviewStep } from '../../src/services/record-review-step.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { IN_REVIEW, PEOPLE, type SeededOrg, seedReviewOrg } from '../review/fixtures.js';

describe.each(PROVIDERS)('listPendingReviewActions on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedReviewOrg(database.db);
    const common = { timeZone: 'Asia/Tokyo', hqUsers: [] };
    let t = 0;
    const at = () => new Date(IN_REVIEW.getTime() + ++t * 1000);
    const id = (code: string) => org.targets[code] as number;
    // SK-1 awaits approval, SK-2 awaits HQ check, KM-1 is confirmed, SK-3 was returned.
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('SK-1'),
      actorId: PEOPLE.memberA1,
      step: 'self',
      grade: 'B',
      comment: 'c',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('SK-2'),
      actorId: PEOPLE.memberA2,
      step: 'self',
      grade: 'D',
      comment: 'c',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('SK-2'),
      actorId: PEOPLE.managerA,
      step: 'approve',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('KM-1'),
      actorId: PEOPLE.memberB1,
      step: 'self',
      grade: 'S',
      comment: 'c',
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
      targetId: id('SK-3'),
      actorId: PEOPLE.memberA2,
      step: 'self',
      grade: 'C',
      comment: 'c',
    });
    await recordReviewStep(database.db, {
      ...common,
      now: at(),
      targetId: id('SK-3'),
      actorId: PEOPLE.managerA,
      step: 'return',
      comment: 'r',
    });
  });
  afterAll(async () => database?.destroy());

  it('names the next step and its holders for every unconfirmed target, in sheet order', async () => {
    const pending = await listPendingReviewActions(database.db, { fiscalYear: 2026, hqUsers: ['U0CONFIGHQ'] });
    expect(pending.map((p) => [p.code, p.state, p.step, p.holderKind, p.holders])).toEqual([
      ['SK-1', 'self_assessed', 'approve', 'managers', [PEOPLE.managerA]],
      ['SK-4', 'not_started', 'self', 'department', [PEOPLE.managerA, PEOPLE.memberA1, PEOPLE.memberA2].sort()],
      ['SK-2', 'approved', 'check', 'hq', [PEOPLE.hq, 'U0CONFIGHQ'].sort()],
      ['SK-3', 'returned', 'self', 'owner', [PEOPLE.memberA2]],
      ['SK-5', 'not_started', 'self', 'owner', [PEOPLE.memberA1]],
    ]);
    expect(pending[0]?.department).toMatchObject({ code: 'seisaku', name: '政策経営部' });
  });

  it('includes members of the hq_department among HQ holders, and is empty for an unknown year', async () => {
    await database.db.setting.create({ data: { key: 'hq_department', value: 'kumin' } });
    try {
      const pending = await listPendingReviewActions(database.db, { fiscalYear: 2026 });
      expect(pending.find((p) => p.code === 'SK-2')?.holders).toEqual(
        [PEOPLE.hq, PEOPLE.managerB, PEOPLE.memberB1].sort(),
      );
    } finally {
      await database.db.setting.delete({ where: { key: 'hq_department' } });
    }
    expect(await listPendingReviewActions(database.db, { fiscalYear: 2019 })).toEqual([]);
  });
});
