import { parseReviewListMetadata } from '../src/blocks/review-list.js';
import type { AppContext } from '../src/context.js';
import { prepareReviewStepModal } from '../src/review/prepare-review-step.js';
import { buttonListener } from '../src/slack/button-listener.js';

/**
 * A target's button in the review list: pushes its review modal on top of the list (so the list
 * is there again after submitting), or opens it when pressed outside a modal.
 */
export const reviewOpen = (ctx: AppContext) =>
  buttonListener(ctx, 'review_open', async ({ body, action, client, userId, locale }) => {
    const targetId = /^\d{1,12}$/.test(action.value ?? '') ? Number(action.value) : -1;
    const inModal = body.view?.type === 'modal';
    const list = inModal ? parseReviewListMetadata(body.view?.private_metadata) : null;
    const view = await prepareReviewStepModal(ctx, { userId, locale, targetId, list });
    if (inModal) await client.views.push({ trigger_id: body.trigger_id, view });
    else await client.views.open({ trigger_id: body.trigger_id, view });
  });
