import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../context.js';
import type { Locale } from '../i18n/messages.js';
import { getUserLocale } from '../services/people/get-user-locale.js';
import { replyWithError } from './reply-error.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * A slash-command listener: acks at once (Slack allows 3 s), reads the caller's language, then
 * runs `work`; any failure is logged under `where` and explained politely and ephemerally.
 */
export function commandListener(
  ctx: AppContext,
  where: string,
  work: (args: CommandArgs & { userId: string; locale: Locale }) => Promise<void>,
): (args: CommandArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const userId = args.command.user_id;
    let locale: Locale = 'ja';
    try {
      locale = await getUserLocale({ ...ctx, client: args.client }, userId);
      await work({ ...args, userId, locale });
    } catch (error) {
      await replyWithError(ctx, { client: args.client, userId, respond: args.respond }, error, locale, where);
    }
  };
}
