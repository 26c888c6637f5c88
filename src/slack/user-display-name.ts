/** The parts of a Slack user object (users.info, users.lookupByEmail) that name the person. */
export interface SlackUserNames {
  name?: string;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
}

/** How a person is named without mentioning them: display name, else real name, else user name. */
export function userDisplayName(user: SlackUserNames | undefined): string | null {
  const name = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name;
  return name?.trim() || null;
}
