import { describe, expect, it } from 'vitest';
import {
  availableSteps,
  checkTransition,
  NEXT_STEP,
  REVIEW_STATES,
  REVIEW_STEPS,
  type ReviewRole,
  type StepRecord,
  summarizeReview,
} from '../../src/review/workflow.js';

let nextId = 1;
function step(kind: string, minute: number, extra: Partial<StepRecord> = {}): StepRecord {
  return {
    id: nextId++,
    step: kind,
    grade: null,
    comment: null,
    actorId: 'U1',
    createdAt: new Date(Date.UTC(2027, 5, 10, 1, minute)),
    ...extra,
  };
}
const roles = (...r: ReviewRole[]) => new Set<ReviewRole>(r);

describe('review state', () => {
  it('is not started without steps and follows the latest step', () => {
    expect(summarizeReview([]).state).toBe('not_started');
    const steps = [
      step('self', 1, { grade: 'B', comment: 'done well' }),
      step('approve', 2, { grade: 'B' }),
      step('check', 3, { grade: 'A', comment: 'raised' }),
      step('confirm', 4, { grade: 'A', comment: 'final' }),
    ];
    const summary = summarizeReview(steps);
    expect(summary).toMatchObject({
      state: 'confirmed',
      selfGrade: 'B',
      selfComment: 'done well',
      checkGrade: 'A',
      confirmedGrade: 'A',
      hqComment: 'final',
      lastReturn: null,
    });
  });

  it('orders by time whatever the input order, and by id within the same instant', () => {
    const a = step('self', 5, { grade: 'C' });
    const b = step('approve', 5, { grade: 'C' });
    expect(summarizeReview([b, a]).state).toBe('approved');
    expect(summarizeReview([step('approve', 9), step('self', 1)]).state).toBe('approved');
  });

  it('starts a new round after a return: earlier grades no longer count', () => {
    const summary = summarizeReview([
      step('self', 1, { grade: 'S', comment: 'first' }),
      step('return', 2, { comment: 'evidence missing' }),
    ]);
    expect(summary.state).toBe('returned');
    expect(summary.selfGrade).toBeNull();
    expect(summary.lastReturn?.comment).toBe('evidence missing');
    const resubmitted = summarizeReview([
      step('self', 1, { grade: 'S' }),
      step('return', 2, { comment: 'why' }),
      step('self', 3, { grade: 'B', comment: 'second' }),
    ]);
    expect(resubmitted).toMatchObject({ state: 'self_assessed', selfGrade: 'B', selfComment: 'second' });
    expect(resubmitted.lastReturn?.comment).toBe('why');
  });

  it('ignores unknown step names rather than crashing on old data', () => {
    expect(summarizeReview([step('self', 1, { grade: 'A' }), step('bogus', 2)]).state).toBe('self_assessed');
  });
});

describe('transitions', () => {
  it('allows the forward path to the role that holds each step', () => {
    expect(checkTransition('not_started', 'self', roles('assessor'))).toEqual({ ok: true });
    expect(checkTransition('self_assessed', 'approve', roles('manager'))).toEqual({ ok: true });
    expect(checkTransition('approved', 'check', roles('hq'))).toEqual({ ok: true });
    expect(checkTransition('checked', 'confirm', roles('hq'))).toEqual({ ok: true });
    expect(checkTransition('returned', 'self', roles('assessor'))).toEqual({ ok: true });
  });

  it('refuses the wrong role (not_allowed) and impossible steps (invalid_transition)', () => {
    expect(checkTransition('self_assessed', 'approve', roles('assessor'))).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    expect(checkTransition('approved', 'check', roles('manager', 'assessor'))).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    expect(checkTransition('not_started', 'approve', roles('manager'))).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
    expect(checkTransition('approved', 'confirm', roles('hq'))).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(checkTransition('confirmed', 'return', roles('hq'))).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(checkTransition('confirmed', 'self', roles('assessor'))).toEqual({
      ok: false,
      reason: 'invalid_transition',
    });
    // A manager may return before approval, not after.
    expect(checkTransition('self_assessed', 'return', roles('manager')).ok).toBe(true);
    expect(checkTransition('approved', 'return', roles('manager'))).toEqual({ ok: false, reason: 'not_allowed' });
    expect(checkTransition('approved', 'return', roles('hq')).ok).toBe(true);
  });

  it('a confirmed review is final for everyone', () => {
    for (const s of REVIEW_STEPS)
      expect(checkTransition('confirmed', s, roles('assessor', 'manager', 'hq')).ok).toBe(false);
    expect(NEXT_STEP.confirmed).toBeNull();
  });

  it('lists the steps a person may take, forward first', () => {
    expect(availableSteps('self_assessed', roles('assessor', 'manager'))).toEqual(['approve', 'self', 'return']);
    expect(availableSteps('checked', roles('hq'))).toEqual(['confirm', 'return']);
    expect(availableSteps('approved', roles('assessor'))).toEqual([]);
  });

  it('every unfinished state has a next step that its holder may take', () => {
    for (const state of REVIEW_STATES) {
      const next = NEXT_STEP[state];
      if (!next) continue;
      expect(checkTransition(state, next.step, roles(next.role)).ok, state).toBe(true);
    }
  });
});
