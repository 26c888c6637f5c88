import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../logger.js';

/**
 * Display names for user ids (users.info: display name, else real name), for text that must name
 * people without mentioning them. An id whose lookup fails keeps the id as its name.
 */
export async function resolveUserNames(
  client: WebClient,
  userIds: string[],
  logger: AppLogger,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of [...new Set(userIds)]) {
    try {
      const info = await client.users.info({ user: id });
      const profile = info.user?.profile;
      const name = profile?.display_name || profile?.real_name || info.user?.real_name || info.user?.name;
      names.set(id, name || id);
    } catch (error) {
      logger.event('warn', 'users.info failed; showing the user id', { user: id, error });
      names.set(id, id);
    }
  }
  return names;
}
