import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../src/blocks/limits.js';
import {
  bandsText,
  buildReviewStepModal,
  parseReviewStepMetadata,
  parseReviewStepSubmission,
  REVIEW_STEP_BLOCKS,
  type ReviewStepMetadata,
} from '../../src/blocks/review-step-modal.js';
import { GRADE_LADDERS } from '../../src/review/grades.js';
import { type StepRecord, summarizeReview } from '../../src/review/workflow.js';
import type { ReviewTargetDetail } from '../../src/services/review/get-review-target.js';

const at = (minute: number) => new Date(Date.UTC(2027, 5, 10, 1, minute));
function detail(over: Partial<ReviewTargetDetail> = {}, steps: StepRecord[] = []): ReviewTargetDetail {
  return {
    id: 42,
    code: 'SK-1',
    title: '実現プランの改訂',
    category: '施策',
    fiscalYear: 2026,
    ownerId: 'U0MEMA0001',
    indicatorKind: 'activity',
    indicatorUnit: '%',
    indicatorBaseline: 0,
    indicatorTarget: 100,
    department: { id: 1, name: '政策経営部', nameEn: 'Policy and Management' },
    latestValue: 85,
    lastReportedAt: new Date('2027-03-20T01:00:00Z'),
    steps,
    summary: summarizeReview(steps),
    roles: ['assessor'],
    available: ['self'],
    period: { phase: 'open', opensOn: '2027-06-01', closesOn: '2027-07-10', currentWindow: '自己評価' },
    ...over,
  };
}
const base = { locale: 'ja' as const, ladder: GRADE_LADDERS.SABCD, timeZone: 'Asia/Tokyo' };
const inputBlock = (blocks: AnyBlock[], id: string) =>
  blocks.find((b) => b.type === 'input' && b.block_id === id) as
    | {
        optional?: boolean;
        element: { initial_option?: { value: string }; options?: { value: string }[]; initial_value?: string };
      }
    | undefined;

describe('review step modal', () => {
  it('offers the self-assessment with the suggested grade pre-selected and required fields', () => {
    const view = buildReviewStepModal({ ...base, detail: detail(), list: { fy: 2026, page: 1 } });
    expect(view.callback_id).toBe('review_step');
    expect(view.title.text).toBe('自己評価');
    expect(view.submit?.text).toBe('送信');
    expect(inputBlock(view.blocks, REVIEW_STEP_BLOCKS.decision)).toBeUndefined();
    const grade = inputBlock(view.blocks, REVIEW_STEP_BLOCKS.grade);
    expect(grade?.optional).toBe(false);
    expect(grade?.element.initial_option?.value).toBe('B');
    expect(grade?.element.options?.map((o) => o.value)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(inputBlock(view.blocks, REVIEW_STEP_BLOCKS.comment)?.optional).toBe(false);
    const all = JSON.stringify(view.blocks);
    expect(all).toContain('推奨評価: *B*（達成率 85%）');
    expect(all).toContain('基準値 0% → 目標値 100%');
    expect(all).toContain('S ≥110% ・ A ≥100% ・ B ≥80% ・ C ≥60% ・ D <60%');
    expect(parseReviewStepMetadata(view.private_metadata)).toEqual({
      targetId: 42,
      lastStepId: null,
      only: 'self',
      list: { fy: 2026, page: 1 },
    });
  });

  it('offers approve or return to a manager, with the self-assessment and history shown', () => {
    const steps: StepRecord[] = [
      { id: 7, step: 'self', grade: 'A', comment: '<script> 成果あり', actorId: 'U0MEMA0001', createdAt: at(1) },
    ];
    const view = buildReviewStepModal({
      ...base,
      detail: detail({ roles: ['manager'], available: ['approve', 'return'] }, steps),
    });
    expect(view.title.text).toBe('評価の承認');
    const decision = inputBlock(view.blocks, REVIEW_STEP_BLOCKS.decision);
    expect(decision?.element.options?.map((o) => o.value)).toEqual(['approve', 'return']);
    expect(decision?.element.initial_option?.value).toBe('approve');
    // Neither approve nor return takes a grade.
    expect(inputBlock(view.blocks, REVIEW_STEP_BLOCKS.grade)).toBeUndefined();
    expect(inputBlock(view.blocks, REVIEW_STEP_BLOCKS.comment)?.optional).toBe(true);
    const all = JSON.stringify(view.blocks);
    expect(all).toContain('自己評価: *A*（<@U0MEMA0001>）');
    expect(all).toContain('6月10日 自己評価（A） — <@U0MEMA0001>');
    expect(all).toContain('&lt;script&gt; 成果あり');
    expect(parseReviewStepMetadata(view.private_metadata)?.lastStepId).toBe(7);
  });

  it('offers headquarters confirm or return with the check grade pre-selected', () => {
    const steps: StepRecord[] = [
      { id: 1, step: 'self', grade: 'B', comment: 'c', actorId: 'U1', createdAt: at(1) },
      { id: 2, step: 'approve', grade: 'B', comment: null, actorId: 'U2', createdAt: at(2) },
      { id: 3, step: 'check', grade: 'A', comment: null, actorId: 'U3', createdAt: at(3) },
    ];
    const view = buildReviewStepModal({
      ...base,
      detail: detail({ roles: ['hq'], available: ['confirm', 'return'] }, steps),
    });
    expect(view.title.text).toBe('本部確認・確定');
    const grade = inputBlock(view.blocks, REVIEW_STEP_BLOCKS.grade);
    expect(grade?.optional).toBe(true);
    expect(grade?.element.initial_option?.value).toBe('A');
  });

  it('is view-only when there is nothing to do, and shows why a review was returned', () => {
    const steps: StepRecord[] = [
      { id: 1, step: 'self', grade: 'B', comment: 'c', actorId: 'U1', createdAt: at(1) },
      { id: 2, step: 'return', grade: null, comment: '根拠を添付', actorId: 'U2', createdAt: at(2) },
    ];
    const view = buildReviewStepModal({ ...base, detail: detail({ available: [] }, steps) });
    expect(view.submit).toBeUndefined();
    expect(view.title.text).toBe('評価の状況');
    expect(view.blocks.some((b) => b.type === 'input')).toBe(false);
    const all = JSON.stringify(view.blocks);
    expect(all).toContain('差戻し理由: 根拠を添付');
    expect(all).toContain('現在、あなたがこの目標について行える操作はありません');
  });

  it('stays within Slack limits with long text and a long history', () => {
    const steps: StepRecord[] = Array.from({ length: 30 }, (_, i) => ({
      id: i + 1,
      step: i % 2 ? 'return' : 'self',
      grade: i % 2 ? null : 'B',
      comment: 'あ'.repeat(2000),
      actorId: 'U1',
      createdAt: at(i),
    }));
    const view = buildReviewStepModal({
      ...base,
      detail: detail({ title: 'い'.repeat(3000), available: ['self'] }, steps),
    });
    expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.viewBlocks);
    for (const b of view.blocks as { text?: { text: string } }[]) {
      expect(Array.from(b.text?.text ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    expect((view.private_metadata ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.privateMetadata);
  });

  it('describes custom and ABC ladders', () => {
    expect(bandsText(GRADE_LADDERS.ABC)).toBe('A ≥100% ・ B ≥70% ・ C <70%');
  });
});

describe('review step submission', () => {
  const meta = (over: Partial<ReviewStepMetadata> = {}): ReviewStepMetadata => ({
    targetId: 42,
    lastStepId: null,
    only: null,
    list: null,
    ...over,
  });
  const values = (decision: string | null, grade: string | null, comment: string | null) => ({
    [REVIEW_STEP_BLOCKS.decision]: { decision: { selected_option: decision ? { value: decision } : null } },
    [REVIEW_STEP_BLOCKS.grade]: { grade: { selected_option: grade ? { value: grade } : null } },
    [REVIEW_STEP_BLOCKS.comment]: { comment: { value: comment } },
  });

  it('reads the decision, grade and comment', () => {
    expect(parseReviewStepSubmission(values('check', 'A', ' ok '), meta())).toEqual({
      ok: true,
      step: 'check',
      grade: 'A',
      comment: 'ok',
    });
    // The single offered step comes from the metadata; approve and return carry no grade.
    expect(parseReviewStepSubmission(values(null, 'B', null), meta({ only: 'approve' }))).toEqual({
      ok: true,
      step: 'approve',
      grade: null,
      comment: null,
    });
  });

  it('puts errors next to the fields', () => {
    expect(parseReviewStepSubmission(values(null, null, null), meta())).toEqual({
      ok: false,
      errors: [{ blockId: REVIEW_STEP_BLOCKS.decision, key: 'review.error.decision_required' }],
    });
    expect(parseReviewStepSubmission(values('self', null, ''), meta())).toEqual({
      ok: false,
      errors: [
        { blockId: REVIEW_STEP_BLOCKS.grade, key: 'review.error.grade_required' },
        { blockId: REVIEW_STEP_BLOCKS.comment, key: 'review.error.comment_required' },
      ],
    });
    expect(parseReviewStepSubmission(values('return', null, '  '), meta())).toMatchObject({
      ok: false,
      errors: [{ blockId: REVIEW_STEP_BLOCKS.comment, key: 'review.error.comment_required' }],
    });
    // Invisible characters alone are no comment; control and bidi characters are removed.
    for (const blank of ['\u200B', '\u2060\uFEFF\u00AD', '\u202E\u2069\u0001']) {
      expect(parseReviewStepSubmission(values('return', null, blank), meta())).toEqual({
        ok: false,
        errors: [{ blockId: REVIEW_STEP_BLOCKS.comment, key: 'review.error.comment_required' }],
      });
    }
    expect(parseReviewStepSubmission(values('return', null, ' \u202Eevil\u202C\u001b[31m '), meta())).toEqual({
      ok: true,
      step: 'return',
      grade: null,
      comment: 'evil[31m',
    });
    expect(parseReviewStepSubmission(values('self', 'B', 'x'.repeat(2001)), meta())).toMatchObject({
      ok: false,
      errors: [{ key: 'review.error.comment_too_long', params: { max: 2000 } }],
    });
    expect(parseReviewStepSubmission(values('bogus', 'B', 'x'), meta())).toMatchObject({ ok: false });
  });

  it('rejects altered metadata', () => {
    expect(parseReviewStepMetadata('{"targetId":0,"lastStepId":null,"only":null,"list":null}')).toBeNull();
    expect(parseReviewStepMetadata('{"targetId":5,"lastStepId":"x","only":null,"list":null}')).toBeNull();
    expect(parseReviewStepMetadata('{"targetId":5,"lastStepId":null,"only":"delete","list":null}')).toBeNull();
    expect(parseReviewStepMetadata('nope')).toBeNull();
  });
});
