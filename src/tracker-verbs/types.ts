import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../context.js';
import type { Locale, MessageKey } from '../i18n/messages.js';

export interface VerbInput {
  ctx: AppContext;
  client: WebClient;
  /** Who ran the command. */
  userId: string;
  locale: Locale;
  /** The words after the verb's name. */
  args: string[];
  /** The command's trigger_id, for verbs that open a modal. */
  triggerId?: string;
}

/**
 * One `/tracker <name>` verb. run() returns the mrkdwn text of the ephemeral reply, or throws
 * an AppError whose catalogue message the user then sees.
 */
export interface TrackerVerb {
  /** One help line (usage and what it does). */
  help: MessageKey;
  run(input: VerbInput): Promise<string>;
}
