import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../context.js';
import type { Locale } from '../i18n/messages.js';
import { getUserLocale } from '../services/people/get-user-locale.js';
import { replyWithError } from './reply-error.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * A button listener: acks at once, reads the presser's language, then runs `work`; any failure is
 * logged under `where` and explained politely where the button was (ephemeral), or by DM when the
 * button has no response_url (Home tab, modals).
 */
export function buttonListener(
  ctx: AppContext,
  where: string,
  work: (args: ButtonArgs & { userId: string; locale: Locale }) => Promise<void>,
): (args: ButtonArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const userId = args.body.user.id;
    let locale: Locale = 'ja';
    try {
      locale = await getUserLocale({ ...ctx, client: args.client }, userId);
      await work({ ...args, userId, locale });
    } catch (error) {
      // respond() throws without a response_url, so it is offered only when there is one.
      const canRespond = Boolean((args.body as { response_url?: string }).response_url);
      await replyWithError(
        ctx,
        { client: args.client, userId, respond: canRespond ? args.respond : undefined },
        error,
        locale,
        where,
      );
    }
  };
}
