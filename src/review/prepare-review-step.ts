import type { ModalView } from '@slack/types';
import type { ReviewListMetadata } from '../blocks/review-list.js';
import { buildReviewStepModal } from '../blocks/review-step-modal.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { getGradeLadder } from '../services/review/get-grade-ladder.js';
import { getReviewTarget } from '../services/review/get-review-target.js';

/** The review modal of one target for a person; AppError when it does not exist or is none of theirs. */
export async function prepareReviewStepModal(
  ctx: AppContext,
  input: { userId: string; locale: Locale; targetId: number; list?: ReviewListMetadata | null },
): Promise<ModalView> {
  const detail = await getReviewTarget(ctx.db, {
    targetId: input.targetId,
    slackUserId: input.userId,
    hqUsers: ctx.config.hqUsers,
    now: ctx.now(),
    timeZone: ctx.config.timeZone,
  });
  if (!detail) {
    throw new AppError(
      'review_target_unknown',
      `target ${input.targetId} not visible to ${input.userId}`,
      'review.error.target_unknown',
    );
  }
  const ladder = await getGradeLadder(ctx.db);
  return buildReviewStepModal({
    locale: input.locale,
    detail,
    ladder,
    timeZone: ctx.config.timeZone,
    list: input.list ?? null,
  });
}
