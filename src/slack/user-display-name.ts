import { cleanText, isBlankText } from '../domain/clean-text.js';

/** The parts of a Slack user object (users.info, users.lookupByEmail) that name the person. */
export interface SlackUserNames {
  name?: string;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
}

/**
 * How a person is named without mentioning them: display name, else real name, else user name,
 * cleaned as all user text is (src/domain/clean-text.ts); null when Slack gives no visible name.
 */
export function userDisplayName(user: SlackUserNames | undefined): string | null {
  const candidates = [user?.profile?.display_name, user?.profile?.real_name, user?.real_name, user?.name];
  for (const candidate of candidates) {
    const name = cleanText(candidate ?? '').trim();
    if (!isBlankText(name)) return name;
  }
  return null;
}
