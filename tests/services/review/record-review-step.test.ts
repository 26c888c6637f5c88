import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { type ReviewStepInput, recordReviewStep } from '../../../src/services/review/record-review-step.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import {
  AFTER_REVIEW,
  BEFORE_REVIEW,
  IN_REVIEW,
  PEOPLE,
  type SeededOrg,
  seedReviewOrg,
} from '../../review/fixtures.js';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(PROVIDERS)('recordReviewStep on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;
  let minute = 0;
  /** Each step one minute after the previous, inside the review window. */
  const step = (input: Omit<ReviewStepInput, 'now' | 'timeZone' | 'hqUsers'> & Partial<ReviewStepInput>) =>
    recordReviewStep(database.db, {
      now: new Date(IN_REVIEW.getTime() + ++minute * 60_000),
      timeZone: 'Asia/Tokyo',
      hqUsers: [],
      ...input,
    });
  const stepsOf = (code: string) =>
    database.db.reviewStep.findMany({ where: { targetId: org.targets[code] as number }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedReviewOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('runs the whole workflow: self → approve → check → confirm, each step recorded with who and when', async () => {
    const targetId = org.targets['SK-1'] as number;
    const self = await step({
      targetId,
      actorId: PEOPLE.memberA1,
      step: 'self',
      grade: 'B',
      comment: '  改訂素案を作成  ',
    });
    expect(self).toMatchObject({ step: 'self', state: 'self_assessed', grade: 'B' });
    const approve = await step({ targetId, actorId: PEOPLE.managerA, step: 'approve', comment: null });
    expect(approve).toMatchObject({ state: 'approved', grade: 'B' });
    const check = await step({ targetId, actorId: PEOPLE.hq, step: 'check', grade: 'A', comment: '成果を評価' });
    expect(check).toMatchObject({ state: 'checked', grade: 'A' });
    const confirm = await step({ targetId, actorId: PEOPLE.hq, step: 'confirm' });
    // Confirm without a grade keeps the grade proposed at check.
    expect(confirm).toMatchObject({ state: 'confirmed', grade: 'A' });
    const rows = await stepsOf('SK-1');
    expect(rows.map((r) => [r.step, r.grade, r.actorId])).toEqual([
      ['self', 'B', PEOPLE.memberA1],
      ['approve', 'B', PEOPLE.managerA],
      ['check', 'A', PEOPLE.hq],
      ['confirm', 'A', PEOPLE.hq],
    ]);
    expect(rows[0]?.comment).toBe('改訂素案を作成');
    expect(rows.every((r, i) => i === 0 || r.createdAt > (rows[i - 1]?.createdAt as Date))).toBe(true);
  });

  it('refuses any step after confirmation: the review is final', async () => {
    const targetId = org.targets['SK-1'] as number;
    const again = await refusal(step({ targetId, actorId: PEOPLE.memberA1, step: 'self', grade: 'A', comment: 'x' }));
    expect(again.code).toBe('review_invalid_transition');
    expect(again.userMessage).toBe('review.error.invalid_transition');
    expect((await refusal(step({ targetId, actorId: PEOPLE.hq, step: 'return', comment: 'oops' }))).code).toBe(
      'review_invalid_transition',
    );
    expect(await stepsOf('SK-1')).toHaveLength(4);
  });

  it('follows the return path: manager returns, owner resubmits, HQ returns, and the round starts over', async () => {
    const targetId = org.targets['SK-2'] as number;
    await step({ targetId, actorId: PEOPLE.memberA2, step: 'self', grade: 'A', comment: '待ち時間が短縮' });
    const back = await step({ targetId, actorId: PEOPLE.managerA, step: 'return', comment: '実績値と合いません' });
    expect(back).toMatchObject({ state: 'returned', grade: null });
    // Approval of a returned review is not a valid transition.
    expect((await refusal(step({ targetId, actorId: PEOPLE.managerA, step: 'approve' }))).code).toBe(
      'review_invalid_transition',
    );
    await step({ targetId, actorId: PEOPLE.memberA2, step: 'self', grade: 'D', comment: '目標に届かず' });
    await step({ targetId, actorId: PEOPLE.managerA, step: 'approve' });
    const hqBack = await step({ targetId, actorId: PEOPLE.hq, step: 'return', comment: '根拠資料を添付してください' });
    expect(hqBack.state).toBe('returned');
    await step({ targetId, actorId: PEOPLE.memberA2, step: 'self', grade: 'D', comment: '資料を追加' });
    const approved = await step({ targetId, actorId: PEOPLE.managerA, step: 'approve', comment: '確認済み' });
    expect(approved).toMatchObject({ state: 'approved', grade: 'D' });
    expect((await stepsOf('SK-2')).map((r) => r.step)).toEqual([
      'self',
      'return',
      'self',
      'approve',
      'return',
      'self',
      'approve',
    ]);
  });

  it('checks permissions on the server for every step', async () => {
    const targetId = org.targets['KM-1'] as number;
    // Someone from another department cannot self-assess.
    const outsider = await refusal(
      step({ targetId, actorId: PEOPLE.memberA1, step: 'self', grade: 'S', comment: 'x' }),
    );
    expect(outsider).toMatchObject({ code: 'review_not_allowed', userMessage: 'review.error.not_allowed.self' });
    await step({ targetId, actorId: PEOPLE.memberB1, step: 'self', grade: 'S', comment: '目標を上回った' });
    // A member, another department's manager and HQ cannot approve.
    for (const actorId of [PEOPLE.memberB1, PEOPLE.managerA, PEOPLE.hq]) {
      const e = await refusal(step({ targetId, actorId, step: 'approve' }));
      expect(e, actorId).toMatchObject({ code: 'review_not_allowed', userMessage: 'review.error.not_allowed.approve' });
    }
    // Returning before approval needs the manager or HQ.
    expect(await refusal(step({ targetId, actorId: PEOPLE.memberB1, step: 'return', comment: 'x' }))).toMatchObject({
      userMessage: 'review.error.not_allowed.return',
    });
    await step({ targetId, actorId: PEOPLE.managerB, step: 'approve' });
    // The department's manager cannot check or confirm.
    expect(await refusal(step({ targetId, actorId: PEOPLE.managerB, step: 'check', grade: 'S' }))).toMatchObject({
      code: 'review_not_allowed',
      userMessage: 'review.error.not_allowed.hq',
    });
    // HQ configured through config.hqUsers counts as well as the hq_users setting.
    const check = await step({ targetId, actorId: 'U0CONFIGHQ', hqUsers: ['U0CONFIGHQ'], step: 'check' });
    expect(check).toMatchObject({ state: 'checked', grade: 'S' });
    // An unknown target is refused as such.
    expect(await refusal(step({ targetId: 999_999, actorId: PEOPLE.hq, step: 'confirm' }))).toMatchObject({
      code: 'review_target_unknown',
    });
  });

  it('validates grades and comments', async () => {
    const targetId = org.targets['SK-3'] as number;
    const base = { targetId, actorId: PEOPLE.memberA2, step: 'self' as const };
    expect((await refusal(step({ ...base, grade: 'B', comment: '   ' }))).code).toBe('review_comment_required');
    expect((await refusal(step({ ...base, grade: null, comment: 'ok' }))).code).toBe('review_grade_required');
    const unknown = await refusal(step({ ...base, grade: 'Z', comment: 'ok' }));
    expect(unknown).toMatchObject({ code: 'review_grade_unknown', params: { grades: 'S / A / B / C / D' } });
    expect((await refusal(step({ ...base, grade: 'B', comment: 'あ'.repeat(2001) }))).code).toBe(
      'review_comment_too_long',
    );
    // A lone surrogate (possible in JSON) is kept as one replacement character: SQLite stored it as
    // three, which broke the limit.
    await step({ ...base, grade: 'B', comment: `\ud800${'あ'.repeat(1999)}` });
    expect((await refusal(step({ targetId, actorId: PEOPLE.managerA, step: 'return', comment: '' }))).code).toBe(
      'review_comment_required',
    );
    expect((await stepsOf('SK-3')).map((r) => r.comment)).toEqual([`\ufffd${'あ'.repeat(1999)}`]);
  });

  it('counts a comment of invisible characters as none, and stores comments without control or bidi characters', async () => {
    const targetId = org.targets['SK-4'] as number;
    const base = { targetId, actorId: PEOPLE.memberA1, step: 'self' as const, grade: 'B' };
    for (const comment of ['\u200B', '\u200B\u200C\u200D\uFEFF \u3000', '\u202E\u2066', '\u0007\u0085']) {
      expect((await refusal(step({ ...base, comment }))).code, JSON.stringify(comment)).toBe('review_comment_required');
    }
    await step({ ...base, comment: '\u202Egnp.exe\u202C 進捗\u0000\u009B良好\r\n次へ' });
    expect((await stepsOf('SK-4')).map((r) => r.comment)).toEqual(['gnp.exe 進捗良好\n次へ']);
  });

  it('uses the organisation ladder from the grade_ladder setting', async () => {
    await database.db.setting.create({ data: { key: 'grade_ladder', value: 'A/B/C' } });
    try {
      const targetId = org.targets['SK-5'] as number;
      const e = await refusal(step({ targetId, actorId: PEOPLE.memberA1, step: 'self', grade: 'S', comment: 'x' }));
      expect(e.params).toEqual({ grades: 'A / B / C' });
      expect(await step({ targetId, actorId: PEOPLE.memberA1, step: 'self', grade: 'A', comment: 'x' })).toMatchObject({
        grade: 'A',
      });
    } finally {
      await database.db.setting.delete({ where: { key: 'grade_ladder' } });
    }
  });

  it('refuses a step based on a stale view of the review', async () => {
    const targetId = org.targets['SK-5'] as number;
    const [latest] = await database.db.reviewStep.findMany({ where: { targetId }, orderBy: { id: 'desc' }, take: 1 });
    const stale = await refusal(
      step({ targetId, actorId: PEOPLE.managerA, step: 'approve', expectedLastStepId: null }),
    );
    expect(stale).toMatchObject({ code: 'review_stale', userMessage: 'review.error.stale' });
    expect(
      await step({ targetId, actorId: PEOPLE.managerA, step: 'approve', expectedLastStepId: latest?.id }),
    ).toMatchObject({
      state: 'approved',
    });
  });

  it('enforces the review period: nothing before it, only HQ and returns after it', async () => {
    const targetId = org.targets['SK-4'] as number;
    const early = await refusal(
      step({ targetId, actorId: PEOPLE.memberA1, step: 'self', grade: 'A', comment: 'x', now: BEFORE_REVIEW }),
    );
    expect(early).toMatchObject({ code: 'review_not_open', params: { opens: '2027-06-01', closes: '2027-07-10' } });
    await step({ targetId, actorId: PEOPLE.memberA1, step: 'self', grade: 'A', comment: '事故ゼロを継続' });
    const late = await refusal(step({ targetId, actorId: PEOPLE.managerA, step: 'approve', now: AFTER_REVIEW }));
    expect(late).toMatchObject({ code: 'review_closed', userMessage: 'review.error.closed' });
    // HQ can still return after the period, and the department can then answer the return.
    await step({
      targetId,
      actorId: PEOPLE.hq,
      step: 'return',
      comment: '期間内に承認がありません',
      now: AFTER_REVIEW,
    });
    const later = new Date(AFTER_REVIEW.getTime() + 3_600_000);
    await step({ targetId, actorId: PEOPLE.memberA1, step: 'self', grade: 'A', comment: '再提出', now: later });
    const approved = await step({
      targetId,
      actorId: PEOPLE.managerA,
      step: 'approve',
      now: new Date(later.getTime() + 60_000),
    });
    expect(approved.state).toBe('approved');
  });

  it('refuses steps for a fiscal year without review windows', async () => {
    const fy = await database.db.fiscalYear.create({ data: { year: 2030 } });
    const target = await database.db.target.create({
      data: { fiscalYearId: fy.id, departmentId: org.departments.a, code: 'X-1', category: '施策', title: 'x' },
    });
    const e = await refusal(
      step({ targetId: target.id, actorId: PEOPLE.memberA1, step: 'self', grade: 'A', comment: 'x' }),
    );
    expect(e).toMatchObject({ code: 'review_not_scheduled', userMessage: 'review.error.not_scheduled' });
  });

  it('lets only one of several concurrent approvals through', async () => {
    const target = await database.db.target.create({
      data: {
        fiscalYearId: org.fiscalYearId,
        departmentId: org.departments.a,
        code: 'SK-9',
        category: '施策',
        title: '同時承認',
      },
    });
    const managers = [PEOPLE.managerA, ...[2, 3, 4, 5, 6].map((n) => `U0MGRA000${n}`)];
    await database.db.department.update({
      where: { id: org.departments.a },
      data: { people: { create: managers.slice(1).map((slackUserId) => ({ slackUserId, role: 'manager' })) } },
    });
    await step({ targetId: target.id, actorId: PEOPLE.memberA1, step: 'self', grade: 'B', comment: 'x' });
    const now = new Date(IN_REVIEW.getTime() + ++minute * 60_000);
    const results = await Promise.allSettled(
      managers.map((actorId) =>
        recordReviewStep(database.db, {
          targetId: target.id,
          actorId,
          step: 'approve',
          now,
          timeZone: 'Asia/Tokyo',
          hqUsers: [],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'review_invalid_transition' });
    }
    const rows = await database.db.reviewStep.findMany({ where: { targetId: target.id } });
    expect(rows.map((r) => r.step).sort()).toEqual(['approve', 'self']);
  });
});
