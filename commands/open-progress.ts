import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../src/context.js';
import type { Locale } from '../src/i18n/messages.js';
import { getUserLocale } from '../src/services/get-user-locale.js';
import { prepareProgressModal } from '../src/slack/prepare-progress-modal.js';
import { replyWithError } from '../src/slack/reply-error.js';

/** A "Report" button (targets list, reminder, Home tab): opens the progress modal on its target. */
export const openProgressAction =
  (ctx: AppContext) =>
  async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    let locale: Locale = 'ja';
    try {
      locale = await getUserLocale({ ...ctx, client }, userId);
      const targetId = /^\d{1,12}$/.test(action.value ?? '') ? Number(action.value) : -1;
      const view = await prepareProgressModal(ctx, { userId, locale, targetId });
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      // Buttons on the Home tab have no response_url; respond() would throw there.
      const canRespond = Boolean((body as { response_url?: string }).response_url);
      await replyWithError(
        ctx,
        { client, userId, respond: canRespond ? respond : undefined },
        error,
        locale,
        'open_progress',
      );
    }
  };
