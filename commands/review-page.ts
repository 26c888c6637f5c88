import { parseReviewListMetadata } from '../src/blocks/review-list.js';
import type { AppContext } from '../src/context.js';
import { prepareReviewList } from '../src/review/prepare-review-list.js';
import { buttonListener } from '../src/slack/button-listener.js';

/** Next / previous in the review list modal: the modal is updated in place with that page. */
export const reviewPage = (ctx: AppContext) =>
  buttonListener(ctx, 'review_page', async ({ body, action, client, userId, locale }) => {
    if (!body.view) throw new Error('review_page pressed outside a modal');
    const metadata = parseReviewListMetadata(body.view.private_metadata);
    const page = /^\d{1,6}$/.test(action.value ?? '') ? Number(action.value) : 0;
    const { view } = await prepareReviewList(ctx, { userId, locale, fiscalYear: metadata?.fy ?? null, page });
    // The hash makes Slack refuse the update if the modal changed meanwhile (no lost update).
    await client.views.update({ view_id: body.view.id, hash: body.view.hash, view });
  });
