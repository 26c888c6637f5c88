import type { Db } from '../../db/client.js';
import type { LookupUserByEmail } from '../../slack/lookup-user-by-email.js';

/** An address Slack resolved in this import: stored with the import so the next one need not ask. */
export interface ResolvedPerson {
  address: string;
  slackUserId: string;
  displayName: string | null;
}

export interface EmailResolution {
  /** Address → Slack user id, for every address resolved. */
  ids: Map<string, string>;
  /** How many addresses the database already knew (no Slack call). */
  known: number;
  /** Addresses Slack resolved now. */
  found: ResolvedPerson[];
  /** Addresses Slack knows no user by. */
  unknown: string[];
}

/**
 * Resolves e-mail addresses (normal form, see src/import/person-reference.ts) to Slack user ids:
 * first from the mapping earlier imports stored, then with Slack for the rest. `connect` is called
 * only when some address is not yet known (with how many), so an import whose people are all known
 * needs no Slack connection. Reads only: the caller stores `found` with its import.
 */
export async function resolveEmailAddresses(
  deps: { db: Db; connect: (unknownCount: number) => LookupUserByEmail },
  addresses: readonly string[],
): Promise<EmailResolution> {
  const unique = [...new Set(addresses)];
  const rows =
    unique.length === 0
      ? []
      : await deps.db.slackUser.findMany({ where: { email: { in: unique } }, select: { id: true, email: true } });
  const ids = new Map(rows.flatMap((r) => (r.email === null ? [] : [[r.email, r.id] as const])));
  const known = ids.size;
  const ask = unique.filter((a) => !ids.has(a));
  const found: ResolvedPerson[] = [];
  const unknown: string[] = [];
  if (ask.length > 0) {
    const lookup = deps.connect(ask.length);
    // Every lookup settles before a failure is reported: none is left running behind the caller.
    const settled = await Promise.allSettled(ask.map(async (address) => ({ address, user: await lookup(address) })));
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) throw failure.reason;
    const answers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    for (const { address, user } of answers) {
      if (user === null) {
        unknown.push(address);
      } else {
        ids.set(address, user.slackUserId);
        found.push({ address, ...user });
      }
    }
  }
  return { ids, known, found, unknown };
}
