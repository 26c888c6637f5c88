import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import {
  parseReviewStepMetadata,
  parseReviewStepSubmission,
  REVIEW_STEP_BLOCKS,
  type ReviewFieldError,
} from '../src/blocks/review-step-modal.js';
import type { AppContext } from '../src/context.js';
import { asRecord, asText, recordAt } from '../src/domain/untrusted-json.js';
import { AppError } from '../src/errors.js';
import { type Locale, t } from '../src/i18n/messages.js';
import { prepareReviewList } from '../src/review/prepare-review-list.js';
import { peekUserLocale } from '../src/services/people/get-user-locale.js';
import { recordReviewStep } from '../src/services/review/record-review-step.js';
import { userMessageFor } from '../src/slack/reply-error.js';

function errorsResponse(locale: Locale, errors: ReviewFieldError[]) {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.blockId] ??= t(locale, e.key, e.params);
  return { response_action: 'errors' as const, errors: out };
}

/** The input blocks' ids of the submitted view; a forged view may carry anything as its blocks. */
function inputBlockIds(blocks: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(blocks)) return ids;
  for (const block of blocks) {
    const b = asRecord(block);
    const id = asText(b?.block_id);
    if (b?.type === 'input' && id) ids.add(id);
  }
  return ids;
}

/** Where a refusal from the service is shown: next to the grade for grade problems, else the comment. */
function blockFor(error: unknown, blockIds: Set<string>): string {
  const code = error instanceof AppError ? error.code : '';
  if (code.startsWith('review_grade') && blockIds.has(REVIEW_STEP_BLOCKS.grade)) return REVIEW_STEP_BLOCKS.grade;
  if (blockIds.has(REVIEW_STEP_BLOCKS.comment)) return REVIEW_STEP_BLOCKS.comment;
  return [...blockIds][0] ?? REVIEW_STEP_BLOCKS.comment;
}

/**
 * The review modal was submitted. The step is recorded only after the service has checked role,
 * transition, period, grade and comment on the server; a refusal keeps the modal open with the
 * reason. On success the modal closes onto the review list, which is refreshed.
 */
export const reviewSubmit =
  (ctx: AppContext) =>
  async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const userId = body.user.id;
    const locale = await peekUserLocale(ctx.db, userId).catch((): Locale => 'ja');
    const blockIds = inputBlockIds(view.blocks);
    const metadata = parseReviewStepMetadata(asText(view.private_metadata));
    if (!metadata) {
      ctx.logger.event('warn', 'review view refused: private_metadata altered', { user: userId });
      await ack(errorsResponse(locale, [{ blockId: blockFor(null, blockIds), key: 'review.error.target_unknown' }]));
      return;
    }
    const parsed = parseReviewStepSubmission(recordAt(view, 'state')?.values, metadata);
    if (!parsed.ok) {
      await ack(errorsResponse(locale, parsed.errors));
      return;
    }
    let recorded: Awaited<ReturnType<typeof recordReviewStep>>;
    try {
      recorded = await recordReviewStep(ctx.db, {
        targetId: metadata.targetId,
        actorId: userId,
        step: parsed.step,
        grade: parsed.grade,
        comment: parsed.comment,
        now: ctx.now(),
        timeZone: ctx.config.timeZone,
        hqUsers: ctx.config.hqUsers,
        expectedLastStepId: metadata.lastStepId,
      });
    } catch (error) {
      const { key, params } = userMessageFor(error);
      ctx.logger.event(error instanceof AppError ? 'warn' : 'error', 'review step refused', {
        user: userId,
        target: metadata.targetId,
        step: parsed.step,
        code: error instanceof AppError ? error.code : 'unexpected',
        error,
      });
      await ack(errorsResponse(locale, [{ blockId: blockFor(error, blockIds), key, params }]));
      return;
    }
    await ack();
    ctx.logger.event('info', 'review step recorded', {
      user: userId,
      target: metadata.targetId,
      step: recorded.step,
      state: recorded.state,
    });
    const notice = t(locale, 'review.list.recorded', {
      code: recorded.targetCode,
      step: t(locale, `review.step.${recorded.step}`),
    });
    try {
      if (view.previous_view_id && metadata.list) {
        const { view: list } = await prepareReviewList(ctx, {
          userId,
          locale,
          fiscalYear: metadata.list.fy,
          page: metadata.list.page,
          notice,
        });
        await client.views.update({ view_id: view.previous_view_id, view: list });
      } else {
        await client.chat.postMessage({ channel: userId, text: notice });
      }
    } catch (error) {
      // The step is recorded; only the confirmation is missing, which the person sees on reopening.
      ctx.logger.event('warn', 'review list not refreshed after a step', { user: userId, error });
    }
  };
