import type { WebClient } from '@slack/web-api';
import { milliseconds } from 'date-fns';
import type { Db } from '../../db/client.js';
import { type Locale, localeFromSlack } from '../../i18n/messages.js';
import type { AppLogger } from '../../logger.js';
import { userDisplayName } from '../../slack/user-display-name.js';

/** How long a Slack locale is trusted before users.info is asked again. */
export const LOCALE_TTL_MS = milliseconds({ days: 1 });

/**
 * The process keeps what it read from the database for the same TTL, so the ack path of a busy
 * bot does not query for the language on every request.
 */
type Remembered = { locale: string | null; fetchedAt: Date };
// Per database client, so one process serving two databases (tests) never mixes them.
const memories = new WeakMap<Db, Map<string, Remembered>>();
const MEMORY_MAX = 10_000;

function memoryOf(db: Db): Map<string, Remembered> {
  let memory = memories.get(db);
  if (!memory) {
    memory = new Map();
    memories.set(db, memory);
  }
  return memory;
}

function remember(db: Db, id: string, locale: string | null, fetchedAt: Date): void {
  const memory = memoryOf(db);
  if (memory.size >= MEMORY_MAX) memory.delete(memory.keys().next().value as string);
  memory.set(id, { locale, fetchedAt });
}

/** How long getUserLocale waits for its write of the language and name to the database (ms). */
export const LOCALE_WRITE_WAIT_MS = 250;

/** A user's language: cached in the database, refreshed from users.info (include_locale) daily. */
export async function getUserLocale(
  deps: { db: Db; client: WebClient; logger: AppLogger; now: () => Date },
  slackUserId: string,
): Promise<Locale> {
  const now = deps.now();
  const inMemory = memoryOf(deps.db).get(slackUserId);
  if (inMemory && now.getTime() - inMemory.fetchedAt.getTime() < LOCALE_TTL_MS) return localeFromSlack(inMemory.locale);
  const cached = await deps.db.slackUser.findUnique({ where: { id: slackUserId } });
  if (cached?.localeFetchedAt && now.getTime() - cached.localeFetchedAt.getTime() < LOCALE_TTL_MS) {
    remember(deps.db, slackUserId, cached.locale, cached.localeFetchedAt);
    return localeFromSlack(cached.locale);
  }
  try {
    const info = await deps.client.users.info({ user: slackUserId, include_locale: true });
    const locale = info.user?.locale ?? null;
    remember(deps.db, slackUserId, locale, now);
    // The same answer refreshes the cached display name (src/services/people/get-display-names.ts).
    const data = { locale, localeFetchedAt: now, displayName: userDisplayName(info.user), displayNameFetchedAt: now };
    const written = deps.db.slackUser
      .upsert({ where: { id: slackUserId }, create: { id: slackUserId, ...data }, update: data })
      .catch((error: unknown) => {
        deps.logger.event('warn', 'user locale not cached in the database', { user: slackUserId, error });
      });
    // The caller waits for the database's copy (so a name lookup right after reads it) for at most
    // LOCALE_WRITE_WAIT_MS: a write waiting for a lock held elsewhere goes on without holding the
    // command past its trigger's 3 s (a modal that cannot open).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      written,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, LOCALE_WRITE_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
    return localeFromSlack(locale);
  } catch (error) {
    deps.logger.event('warn', 'users.info failed; using cached or default locale', { user: slackUserId, error });
    return localeFromSlack(cached?.locale);
  }
}

/**
 * How long peekUserLocale waits for the database (ms) before it answers with the default language:
 * a read queued behind busy connections (every pooled PostgreSQL connection waiting for a lock)
 * must not eat the time Slack gives for an answer.
 */
export const LOCALE_PEEK_WAIT_MS = 300;

/** The cached locale only (no Slack call): for paths that must answer Slack within its 3 s. */
export async function peekUserLocale(db: Db, slackUserId: string): Promise<Locale> {
  const inMemory = memoryOf(db).get(slackUserId);
  if (inMemory) return localeFromSlack(inMemory.locale);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), LOCALE_PEEK_WAIT_MS);
  });
  try {
    const cached = await Promise.race([
      db.slackUser.findUnique({ where: { id: slackUserId }, select: { locale: true } }),
      late,
    ]);
    return localeFromSlack(cached?.locale);
  } finally {
    clearTimeout(timer);
  }
}
