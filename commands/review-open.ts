import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseReviewListMetadata } from '../src/blocks/review-list.js';
import type { AppContext } from '../src/context.js';
import type { Locale } from '../src/i18n/messages.js';
import { prepareReviewStepModal } from '../src/review/prepare-review-step.js';
import { getUserLocale } from '../src/services/get-user-locale.js';
import { replyWithError } from '../src/slack/reply-error.js';

/**
 * A target's button in the review list: pushes its review modal on top of the list (so the list
 * is there again after submitting), or opens it when pressed outside a modal.
 */
export const reviewOpen =
  (ctx: AppContext) =>
  async ({
    ack,
    body,
    action,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const userId = body.user.id;
    let locale: Locale = 'ja';
    try {
      locale = await getUserLocale({ ...ctx, client }, userId);
      const targetId = /^\d{1,12}$/.test(action.value ?? '') ? Number(action.value) : -1;
      const inModal = body.view?.type === 'modal';
      const list = inModal ? parseReviewListMetadata(body.view?.private_metadata) : null;
      const view = await prepareReviewStepModal(ctx, { userId, locale, targetId, list });
      if (inModal) await client.views.push({ trigger_id: body.trigger_id, view });
      else await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      await replyWithError(ctx, { client, userId }, error, locale, 'review_open');
    }
  };
