import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../context.js';
import type { Locale, MessageKey } from '../i18n/messages.js';

export interface SubcommandInput {
  ctx: AppContext;
  client: WebClient;
  /** Who ran the command. */
  userId: string;
  locale: Locale;
  /** The words after the subcommand's name. */
  args: string[];
  /** The command's trigger_id, for subcommands that open a modal. */
  triggerId?: string;
}

/**
 * One `/tracker <name>` subcommand. run() returns the mrkdwn text of the ephemeral reply, or throws
 * an AppError whose catalogue message the user then sees.
 */
export interface TrackerSubcommand {
  /** One help line (usage and what it does). */
  help: MessageKey;
  run(input: SubcommandInput): Promise<string>;
}
