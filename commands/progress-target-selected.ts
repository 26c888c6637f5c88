import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../src/context.js';
import { peekUserLocale } from '../src/services/people/get-user-locale.js';
import { prepareProgressModal } from '../src/slack/prepare-progress-modal.js';
import { replyWithError } from '../src/slack/reply-error.js';

/** The target changed inside the open modal: redraw it with that target's open milestones. */
export const progressTargetSelected =
  (ctx: AppContext) =>
  async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const locale = await peekUserLocale(ctx.db, userId).catch(() => 'ja' as const);
    const value = 'selected_option' in action ? action.selected_option?.value : undefined;
    if (!body.view || !value || !/^\d{1,12}$/.test(value)) return;
    try {
      const view = await prepareProgressModal(ctx, { userId, locale, targetId: Number(value) });
      await client.views.update({ view_id: body.view.id, hash: body.view.hash, view });
    } catch (error) {
      // A stale hash means the user changed something meanwhile; their next change redraws it.
      if ((error as { data?: { error?: string } }).data?.error === 'hash_conflict') return;
      await replyWithError(ctx, { client, userId }, error, locale, 'progress target change');
    }
  };
