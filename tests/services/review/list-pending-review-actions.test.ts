import { describe, expect, it } from 'vitest';
import { listPendingReviewActions } from '../../../src/services/review/list-pending-review-actions.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';
import { PEOPLE, replayReviewSteps, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('listPendingReviewActions on %s', (provider) => {
  const env = seededTestDatabase(provider, async (db) => {
    const org = await seedReviewOrg(db);
    // SK-1 awaits approval, SK-2 awaits HQ check, KM-1 is confirmed, SK-3 was returned.
    await replayReviewSteps(db, org, [
      ['SK-1', PEOPLE.memberA1, 'self', { grade: 'B', comment: 'c' }],
      ['SK-2', PEOPLE.memberA2, 'self', { grade: 'D', comment: 'c' }],
      ['SK-2', PEOPLE.managerA, 'approve'],
      ['KM-1', PEOPLE.memberB1, 'self', { grade: 'S', comment: 'c' }],
      ['KM-1', PEOPLE.managerB, 'approve'],
      ['KM-1', PEOPLE.hq, 'check'],
      ['KM-1', PEOPLE.hq, 'confirm'],
      ['SK-3', PEOPLE.memberA2, 'self', { grade: 'C', comment: 'c' }],
      ['SK-3', PEOPLE.managerA, 'return', { comment: 'r' }],
    ]);
    return org;
  });

  it('names the next step and its holders for every unconfirmed target, in sheet order', async () => {
    const pending = await listPendingReviewActions(env.db, { fiscalYear: 2026, hqUsers: ['U0CONFIGHQ'] });
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
    await env.db.setting.create({ data: { key: 'hq_department', value: 'kumin' } });
    try {
      const pending = await listPendingReviewActions(env.db, { fiscalYear: 2026 });
      expect(pending.find((p) => p.code === 'SK-2')?.holders).toEqual(
        [PEOPLE.hq, PEOPLE.managerB, PEOPLE.memberB1].sort(),
      );
    } finally {
      await env.db.setting.delete({ where: { key: 'hq_department' } });
    }
    expect(await listPendingReviewActions(env.db, { fiscalYear: 2019 })).toEqual([]);
  });
});
