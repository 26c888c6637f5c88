import { calendarDayIn } from '../../calendar/time-zone.js';
import type { Db } from '../../db/client.js';
import { cleanComment } from '../../domain/clean-text.js';
import { AppError } from '../../errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import { isLadderGrade } from '../../review/grades.js';
import { checkPeriod, reviewPeriod } from '../../review/period.js';
import {
  checkTransition,
  type ReviewState,
  type ReviewStepKind,
  STEP_INPUT,
  STEP_RESULT,
  summarizeReview,
} from '../../review/workflow.js';
import { getGradeLadder } from './get-grade-ladder.js';
import { getReviewRoles } from './get-review-roles.js';

/** Longest comment kept on a review step (the modal enforces the same). */
export const REVIEW_COMMENT_MAX = 2000;

export interface ReviewStepInput {
  targetId: number;
  actorId: string;
  step: ReviewStepKind;
  grade?: string | null;
  comment?: string | null;
  now: Date;
  timeZone: string;
  /** Configured headquarters ids (config.hqUsers). */
  hqUsers: string[];
  /**
   * The latest step id the person saw when they opened the form (null: none). When another
   * step was recorded since, the request is refused instead of acting on a stale picture.
   */
  expectedLastStepId?: number | null;
}

export interface RecordedReviewStep {
  id: number;
  targetCode: string;
  step: ReviewStepKind;
  state: ReviewState;
  grade: string | null;
}

const NOT_ALLOWED_KEY: Record<ReviewStepKind, MessageKey> = {
  self: 'review.error.not_allowed.self',
  approve: 'review.error.not_allowed.approve',
  check: 'review.error.not_allowed.hq',
  confirm: 'review.error.not_allowed.hq',
  return: 'review.error.not_allowed.return',
};

const PERIOD_KEY: Record<'review_not_scheduled' | 'review_not_open' | 'review_closed', MessageKey> = {
  review_not_scheduled: 'review.error.not_scheduled',
  review_not_open: 'review.error.not_open',
  review_closed: 'review.error.closed',
};

/**
 * Appends one review step after checking, on the server, the person's role, the transition from
 * the current state, the review period and the grade and comment. Concurrent steps on the same
 * target are serialised by a row lock on the target, so two approvals cannot both succeed.
 */
export async function recordReviewStep(db: Db, input: ReviewStepInput): Promise<RecordedReviewStep> {
  // Cleaned (cleanText); blank once invisible characters are removed counts as no comment.
  const comment = cleanComment(input.comment);
  const rules = STEP_INPUT[input.step];
  if (rules.comment === 'required' && !comment) {
    throw new AppError('review_comment_required', `${input.step} needs a comment`, 'review.error.comment_required');
  }
  if (comment && Array.from(comment).length > REVIEW_COMMENT_MAX) {
    throw new AppError('review_comment_too_long', 'comment too long', 'review.error.comment_too_long', {
      max: REVIEW_COMMENT_MAX,
    });
  }
  const roles = await getReviewRoles(db, {
    targetId: input.targetId,
    slackUserId: input.actorId,
    hqUsers: input.hqUsers,
  });
  if (!roles)
    throw new AppError('review_target_unknown', `target ${input.targetId} not found`, 'review.error.target_unknown');
  const ladder = await getGradeLadder(db);
  const givenGrade = input.grade?.trim() ? input.grade.trim() : null;
  if (rules.grade !== 'none' && givenGrade && !isLadderGrade(ladder, givenGrade)) {
    throw new AppError(
      'review_grade_unknown',
      `grade ${givenGrade} not in ladder ${ladder.id}`,
      'review.error.grade_unknown',
      {
        grades: ladder.bands.map((b) => b.grade).join(' / '),
      },
    );
  }
  if (rules.grade === 'required' && !givenGrade) {
    throw new AppError('review_grade_required', `${input.step} needs a grade`, 'review.error.grade_required');
  }

  return db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({
      where: { id: input.targetId },
      select: { id: true, code: true, updatedAt: true, fiscalYear: { select: { reviewWindows: true } } },
    });
    if (!target)
      throw new AppError('review_target_unknown', `target ${input.targetId} not found`, 'review.error.target_unknown');
    // Writing the row (with its own value) takes PostgreSQL's row lock until commit; a concurrent
    // step on the same target waits here and then reads the steps this one appended.
    await tx.target.update({ where: { id: target.id }, data: { updatedAt: target.updatedAt } });
    const steps = await tx.reviewStep.findMany({
      where: { targetId: target.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const summary = summarizeReview(steps);
    const lastId = summary.lastStep?.id ?? null;
    if (input.expectedLastStepId !== undefined && input.expectedLastStepId !== lastId) {
      throw new AppError(
        'review_stale',
        `expected last step ${input.expectedLastStepId}, found ${lastId}`,
        'review.error.stale',
      );
    }
    const transition = checkTransition(summary.state, input.step, roles);
    if (!transition.ok) {
      if (transition.reason === 'not_allowed') {
        throw new AppError('review_not_allowed', `${input.actorId} may not ${input.step}`, NOT_ALLOWED_KEY[input.step]);
      }
      throw new AppError(
        'review_invalid_transition',
        `${input.step} not allowed from ${summary.state}`,
        'review.error.invalid_transition',
      );
    }
    const period = reviewPeriod(target.fiscalYear.reviewWindows, calendarDayIn(input.now, input.timeZone));
    const allowed = checkPeriod(period.phase, input.step, {
      isHq: roles.has('hq'),
      roundStartedByReturn: summary.lastReturn !== null,
    });
    if (!allowed.ok) {
      throw new AppError(allowed.reason, `${input.step} refused: ${allowed.reason}`, PERIOD_KEY[allowed.reason], {
        opens: period.opensOn ?? '',
        closes: period.closesOn ?? '',
      });
    }
    let grade: string | null = null;
    if (input.step === 'approve') grade = summary.selfGrade;
    else if (input.step === 'check') grade = givenGrade ?? summary.selfGrade;
    else if (input.step === 'confirm') grade = givenGrade ?? summary.checkGrade ?? summary.selfGrade;
    else if (input.step === 'self') grade = givenGrade;
    if (rules.grade === 'inherit' && !grade) {
      throw new AppError('review_grade_required', `${input.step} needs a grade`, 'review.error.grade_required');
    }
    const row = await tx.reviewStep.create({
      data: {
        targetId: target.id,
        step: input.step,
        grade,
        comment,
        actorId: input.actorId,
        createdAt: input.now,
      },
    });
    return { id: row.id, targetCode: target.code, step: input.step, state: STEP_RESULT[input.step], grade };
  });
}
