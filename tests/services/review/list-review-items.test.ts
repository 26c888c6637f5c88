import { describe, expect, it } from 'vitest';
import { listReviewItems } from '../../../src/services/review/list-review-items.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';
import { PEOPLE, replayReviewSteps, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('listReviewItems on %s', (provider) => {
  const env = seededTestDatabase(provider, async (db) => {
    const org = await seedReviewOrg(db);
    await replayReviewSteps(db, org, [
      ['SK-2', PEOPLE.memberA2, 'self', { grade: 'D', comment: 'c' }],
      ['KM-1', PEOPLE.memberB1, 'self', { grade: 'S', comment: 'c' }],
      ['KM-1', PEOPLE.managerB, 'approve'],
    ]);
    return org;
  });

  const list = (slackUserId: string, phase: 'open' | 'after' | 'before' = 'open') =>
    listReviewItems(env.db, { fiscalYear: 2026, slackUserId, hqUsers: [], phase });

  it('shows a manager their department, their turn first', async () => {
    const { items, isHq } = await list(PEOPLE.managerA);
    expect(isHq).toBe(false);
    // The manager holds the approval of SK-2 and, being in the department, may self-assess the
    // rest: all theirs, so in sheet order.
    expect(items.map((i) => [i.code, i.state, i.yourTurn, i.available])).toEqual([
      ['SK-1', 'not_started', true, ['self']],
      ['SK-4', 'not_started', true, ['self']],
      ['SK-2', 'self_assessed', true, ['approve', 'self', 'return']],
      ['SK-3', 'not_started', true, ['self']],
      ['SK-5', 'not_started', true, ['self']],
    ]);
    // A member's turn comes first for them: SK-2 waits for the manager, not for the member.
    const member = await list(PEOPLE.memberA2);
    expect(member.items.at(-1)?.code).toBe('SK-2');
    expect(items.find((i) => i.code === 'SK-1')).toMatchObject({
      latestValue: 85,
      indicatorBaseline: 0,
      indicatorTarget: 100,
    });
  });

  it('shows a member the state of a self-assessed target without making it their turn', async () => {
    const { items } = await list(PEOPLE.memberA2);
    expect(items.find((i) => i.code === 'SK-2')).toMatchObject({
      selfGrade: 'D',
      yourTurn: false,
      available: ['self'],
    });
    expect(items.some((i) => i.code === 'KM-1')).toBe(false);
  });

  it('shows headquarters only what waits for headquarters outside its own departments', async () => {
    const { items, isHq } = await list(PEOPLE.hq);
    expect(isHq).toBe(true);
    expect(items.map((i) => [i.code, i.state, i.available, i.yourTurn])).toEqual([
      ['KM-1', 'approved', ['check', 'return'], true],
    ]);
  });

  it('respects the period: nothing to do before it, only HQ steps after it', async () => {
    expect((await list(PEOPLE.managerA, 'before')).items.every((i) => i.available.length === 0 && !i.yourTurn)).toBe(
      true,
    );
    expect((await list(PEOPLE.managerA, 'after')).items.every((i) => i.available.length === 0)).toBe(true);
    expect((await list(PEOPLE.hq, 'after')).items[0]?.available).toEqual(['check', 'return']);
  });

  it('is empty for someone with no department', async () => {
    expect((await list(PEOPLE.outsider)).items).toEqual([]);
  });
});
