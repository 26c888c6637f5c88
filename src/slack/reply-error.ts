import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../context.js';
import { AppError, isDatabaseBusy, isDatabaseUnavailable } from '../errors.js';
import { type Locale, type MessageKey, t } from '../i18n/messages.js';

/** The catalogue key that explains an error to a user (never its internal message). */
export function userMessageFor(error: unknown): { key: MessageKey; params: Record<string, string | number> } {
  if (error instanceof AppError) return { key: error.userMessage, params: error.params };
  if (isDatabaseUnavailable(error)) return { key: 'error.database_unavailable', params: {} };
  if (isDatabaseBusy(error)) return { key: 'error.database_busy', params: {} };
  return { key: 'error.generic', params: {} };
}

/**
 * Logs an error with its code and tells the user politely: through respond() (ephemeral, where
 * the request came from) when there is one, otherwise by direct message.
 */
export async function replyWithError(
  ctx: Pick<AppContext, 'logger'>,
  target: { client: WebClient; userId: string; respond?: RespondFn },
  error: unknown,
  locale: Locale,
  where: string,
): Promise<void> {
  const { key, params } = userMessageFor(error);
  ctx.logger.event(error instanceof AppError ? 'warn' : 'error', `${where} failed`, {
    code: error instanceof AppError ? error.code : isDatabaseUnavailable(error) ? 'database_unavailable' : 'unexpected',
    user: target.userId,
    error,
  });
  const text = t(locale, key, params);
  try {
    if (target.respond) await target.respond({ response_type: 'ephemeral', replace_original: false, text });
    else await target.client.chat.postMessage({ channel: target.userId, text });
  } catch (replyError) {
    ctx.logger.event('error', 'could not tell the user about an error', {
      where,
      user: target.userId,
      error: replyError,
    });
  }
}
