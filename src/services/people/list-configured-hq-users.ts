import type { Db } from '../../db/client.js';

/**
 * Headquarters users named explicitly: the configured ids (TRACKER_HQ_USERS) and the import file's
 * hq_users (Setting `hq_users`, a JSON array). Department membership is not enough to receive
 * escalation summaries.
 */
export async function listConfiguredHqUsers(db: Db, input: { configured: string[] }): Promise<string[]> {
  const ids = new Set(input.configured.filter(Boolean));
  const setting = await db.setting.findUnique({ where: { key: 'hq_users' } });
  if (setting) {
    try {
      const parsed: unknown = JSON.parse(setting.value);
      if (Array.isArray(parsed)) for (const id of parsed) if (typeof id === 'string' && id) ids.add(id);
    } catch {
      // A malformed setting names nobody.
    }
  }
  return [...ids].sort();
}
