import type { AppContext } from '../src/context.js';
import { prepareReviewList } from '../src/review/prepare-review-list.js';
import { buttonListener } from '../src/slack/button-listener.js';

/** The review button on the Home tab: opens the review list modal of the fiscal year under review. */
export const reviewOpenList = (ctx: AppContext) =>
  buttonListener(ctx, 'review_list_open', async ({ body, client, userId, locale }) => {
    const { view } = await prepareReviewList(ctx, { userId, locale });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
