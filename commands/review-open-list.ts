import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../src/context.js';
import type { Locale } from '../src/i18n/messages.js';
import { prepareReviewList } from '../src/review/prepare-review-list.js';
import { getUserLocale } from '../src/services/get-user-locale.js';
import { replyWithError } from '../src/slack/reply-error.js';

/** The review button on the Home tab: opens the review list modal of the fiscal year under review. */
export const reviewOpenList =
  (ctx: AppContext) =>
  async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const userId = body.user.id;
    let locale: Locale = 'ja';
    try {
      locale = await getUserLocale({ ...ctx, client }, userId);
      const { view } = await prepareReviewList(ctx, { userId, locale });
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      await replyWithError(ctx, { client, userId }, error, locale, 'review_list_open');
    }
  };
