/**
 * The yearly review's state machine. ReviewStep rows are append-only; a target's state is derived
 * from its latest step, and the allowed transitions are the table below (data, not branches).
 *
 *   not_started ─self→ self_assessed ─approve→ approved ─check→ checked ─confirm→ confirmed (final)
 *        ↑                 │  ↑ self (revise)     │                  │
 *        └──── returned ←──┴──────── return ──────┴──────────────────┘
 *
 * A return always sends the target back to the owner's self-assessment; a new round starts.
 */

export const REVIEW_STEPS = ['self', 'approve', 'check', 'confirm', 'return'] as const;
export type ReviewStepKind = (typeof REVIEW_STEPS)[number];

export const REVIEW_STATES = ['not_started', 'self_assessed', 'approved', 'checked', 'confirmed', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/**
 * assessor: the target's owner or anyone in its department; manager: the department's manager;
 * hq: headquarters (政策経営部).
 */
export type ReviewRole = 'assessor' | 'manager' | 'hq';

interface TransitionRule {
  from: readonly ReviewState[];
  roles: readonly ReviewRole[];
}

/** Who may take each step from which states. */
export const TRANSITIONS: Record<ReviewStepKind, readonly TransitionRule[]> = {
  self: [{ from: ['not_started', 'returned', 'self_assessed'], roles: ['assessor'] }],
  approve: [{ from: ['self_assessed'], roles: ['manager'] }],
  check: [{ from: ['approved'], roles: ['hq'] }],
  confirm: [{ from: ['checked'], roles: ['hq'] }],
  return: [
    { from: ['self_assessed'], roles: ['manager', 'hq'] },
    { from: ['approved', 'checked'], roles: ['hq'] },
  ],
};

/** The state each step leads to. */
export const STEP_RESULT: Record<ReviewStepKind, ReviewState> = {
  self: 'self_assessed',
  approve: 'approved',
  check: 'checked',
  confirm: 'confirmed',
  return: 'returned',
};

/** The step that moves a target forward from each state, and the role that holds it. */
export const NEXT_STEP: Record<ReviewState, { step: ReviewStepKind; role: ReviewRole } | null> = {
  not_started: { step: 'self', role: 'assessor' },
  returned: { step: 'self', role: 'assessor' },
  self_assessed: { step: 'approve', role: 'manager' },
  approved: { step: 'check', role: 'hq' },
  checked: { step: 'confirm', role: 'hq' },
  confirmed: null,
};

/**
 * What each step needs from the person taking it. grade "inherit": when none is given, the
 * round's previous grade is kept (check inherits the self grade, confirm the check grade).
 */
export const STEP_INPUT: Record<
  ReviewStepKind,
  { grade: 'required' | 'inherit' | 'none'; comment: 'required' | 'optional' }
> = {
  self: { grade: 'required', comment: 'required' },
  // Approval endorses the self-assessed grade (recorded on the step); a manager who disagrees
  // returns it with a comment instead.
  approve: { grade: 'none', comment: 'optional' },
  check: { grade: 'inherit', comment: 'optional' },
  confirm: { grade: 'inherit', comment: 'optional' },
  return: { grade: 'none', comment: 'required' },
};

export function isReviewStep(value: unknown): value is ReviewStepKind {
  return typeof value === 'string' && (REVIEW_STEPS as readonly string[]).includes(value);
}

export interface StepRecord {
  id: number;
  step: string;
  grade: string | null;
  comment: string | null;
  actorId: string;
  createdAt: Date;
}

/** Steps in the order they happened (createdAt, then id for steps in the same millisecond). */
export function sortSteps<T extends StepRecord>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

/** Where a target's review stands, derived from its steps. */
export interface ReviewSummary {
  state: ReviewState;
  lastStep: StepRecord | null;
  /** Steps since the latest return (or all steps when there was none). */
  round: StepRecord[];
  /** The latest return, when the current round began with one. */
  lastReturn: StepRecord | null;
  selfGrade: string | null;
  selfComment: string | null;
  selfBy: string | null;
  approvedBy: string | null;
  approveComment: string | null;
  /** Grade set by headquarters at check (proposed) and at confirm (final). */
  checkGrade: string | null;
  confirmedGrade: string | null;
  /** Latest non-empty comment from headquarters' check or confirm in the current round. */
  hqComment: string | null;
}

function latest(round: StepRecord[], step: ReviewStepKind): StepRecord | null {
  for (let i = round.length - 1; i >= 0; i--) {
    const s = round[i];
    if (s?.step === step) return s;
  }
  return null;
}

/** Derives the state and the current round's grades and comments from a target's steps. */
export function summarizeReview(steps: readonly StepRecord[]): ReviewSummary {
  const ordered = sortSteps(steps).filter((s) => isReviewStep(s.step));
  let returnIndex = -1;
  for (let i = ordered.length - 1; i >= 0; i--) {
    if (ordered[i]?.step === 'return') {
      returnIndex = i;
      break;
    }
  }
  const round = ordered.slice(returnIndex + 1);
  const lastStep = ordered[ordered.length - 1] ?? null;
  const state: ReviewState = lastStep ? STEP_RESULT[lastStep.step as ReviewStepKind] : 'not_started';
  const self = latest(round, 'self');
  const approve = latest(round, 'approve');
  const check = latest(round, 'check');
  const confirm = latest(round, 'confirm');
  const hqComments = round.filter((s) => (s.step === 'check' || s.step === 'confirm') && s.comment?.trim());
  return {
    state,
    lastStep,
    round,
    lastReturn: returnIndex >= 0 ? (ordered[returnIndex] ?? null) : null,
    selfGrade: self?.grade ?? null,
    selfComment: self?.comment ?? null,
    selfBy: self?.actorId ?? null,
    approvedBy: approve?.actorId ?? null,
    approveComment: approve?.comment ?? null,
    checkGrade: check?.grade ?? null,
    confirmedGrade: confirm?.grade ?? null,
    hqComment: hqComments[hqComments.length - 1]?.comment ?? null,
  };
}

export type TransitionCheck = { ok: true } | { ok: false; reason: 'invalid_transition' | 'not_allowed' };

/**
 * Whether a person with these roles may take step from state: invalid_transition when nobody may
 * (e.g. approving what was never self-assessed), not_allowed when someone else must.
 */
export function checkTransition(
  state: ReviewState,
  step: ReviewStepKind,
  roles: ReadonlySet<ReviewRole>,
): TransitionCheck {
  const rules = TRANSITIONS[step].filter((r) => r.from.includes(state));
  if (rules.length === 0) return { ok: false, reason: 'invalid_transition' };
  if (rules.some((r) => r.roles.some((role) => roles.has(role)))) return { ok: true };
  return { ok: false, reason: 'not_allowed' };
}

/** The steps a person with these roles may take now, forward steps first, return last. */
export function availableSteps(state: ReviewState, roles: ReadonlySet<ReviewRole>): ReviewStepKind[] {
  const order: ReviewStepKind[] = ['approve', 'check', 'confirm', 'self', 'return'];
  return order.filter((step) => checkTransition(state, step, roles).ok);
}
