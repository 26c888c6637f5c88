import type { WebClient } from '@slack/web-api';
import { TtlCache } from '../../cache/ttl-cache.js';
import type { Db } from '../../db/client.js';
import type { AppLogger } from '../../logger.js';
import { userDisplayName } from '../../slack/user-display-name.js';
import { LOCALE_TTL_MS } from './get-user-locale.js';

/**
 * How long a display name is trusted before users.info is asked again: the locale's day, so one
 * users.info call (which returns both) refreshes the two together.
 */
export const DISPLAY_NAME_TTL_MS = LOCALE_TTL_MS;

type Fetched = string | null | undefined;
// The process's own refreshes per database client and user, for the same day: sends running in
// parallel (one HQ summary per headquarters user, all naming the same owners) share one users.info
// call, even those that read the database before it was answered. A failed call is forgotten.
const refreshes = new WeakMap<Db, TtlCache<Promise<Fetched>>>();

function refreshesOf(db: Db): TtlCache<Promise<Fetched>> {
  let cache = refreshes.get(db);
  if (!cache) {
    cache = new TtlCache(DISPLAY_NAME_TTL_MS);
    refreshes.set(db, cache);
  }
  return cache;
}

/**
 * Display names for user ids, for text that names people without mentioning them. Names come from
 * the database; one older than a day (or never read) is refreshed with users.info, at most once
 * per user per day. When Slack fails, the last known name is kept (the id when there is none).
 */
export async function getDisplayNames(
  deps: { db: Db; client: WebClient; logger: AppLogger; now: () => Date },
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const now = deps.now();
  const rows = await deps.db.slackUser.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true, displayNameFetchedAt: true },
  });
  const cached = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const row = cached.get(id);
    const fetchedAt = row?.displayNameFetchedAt;
    if (fetchedAt && now.getTime() - fetchedAt.getTime() < DISPLAY_NAME_TTL_MS) {
      names.set(id, row.displayName ?? id);
      continue;
    }
    const calls = refreshesOf(deps.db);
    let call = calls.get(id, now.getTime());
    if (!call) {
      call = refresh(deps, id, now).then((fetched) => {
        if (fetched === undefined) calls.delete(id);
        return fetched;
      });
      calls.set(id, call, now.getTime());
    }
    const fetched = await call;
    names.set(id, (fetched === undefined ? row?.displayName : fetched) ?? id);
  }
  return names;
}

/** The name Slack gives now (null: none), or undefined when Slack could not be asked. */
async function refresh(
  deps: { db: Db; client: WebClient; logger: AppLogger },
  id: string,
  now: Date,
): Promise<Fetched> {
  let info: Awaited<ReturnType<WebClient['users']['info']>>;
  try {
    info = await deps.client.users.info({ user: id, include_locale: true });
  } catch (error) {
    deps.logger.event('warn', 'users.info failed; showing the last known name', { user: id, error });
    return undefined;
  }
  const displayName = userDisplayName(info.user);
  const locale = info.user?.locale;
  // The same answer refreshes the cached locale (src/services/people/get-user-locale.ts).
  const data = {
    displayName,
    displayNameFetchedAt: now,
    ...(locale === undefined ? {} : { locale, localeFetchedAt: now }),
  };
  await deps.db.slackUser.upsert({ where: { id }, create: { id, ...data }, update: data });
  return displayName;
}
