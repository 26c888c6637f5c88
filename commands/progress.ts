import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../src/context.js';
import type { Locale } from '../src/i18n/messages.js';
import { getUserLocale } from '../src/services/get-user-locale.js';
import { prepareProgressModal } from '../src/slack/prepare-progress-modal.js';
import { replyWithError } from '../src/slack/reply-error.js';

/** /progress [code or title]: acks at once, then opens the progress modal. */
export const progressCommand =
  (ctx: AppContext) =>
  async ({ ack, command, client, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    let locale: Locale = 'ja';
    try {
      locale = await getUserLocale({ ...ctx, client }, command.user_id);
      const view = await prepareProgressModal(ctx, { userId: command.user_id, locale, text: command.text });
      await client.views.open({ trigger_id: command.trigger_id, view });
    } catch (error) {
      await replyWithError(ctx, { client, userId: command.user_id, respond }, error, locale, '/progress');
    }
  };
