import { z } from 'zod';
import type { Organization } from './organization.js';

/**
 * A person in an import file is a Slack user id (U…/W…) or an e-mail address, which the import
 * resolves to an id (users.lookupByEmail, or the mapping an earlier import stored).
 */

/** Longest e-mail address accepted (RFC 5321's path limit less the angle brackets). */
export const EMAIL_MAX_CHARS = 254;

/**
 * The form an e-mail address is compared and stored in: NFKC (a full-width ＠ typed in Excel is
 * the same address) and lower case; undefined when the text is not an e-mail address.
 */
export function emailAddressOf(text: string): string | undefined {
  const normal = text.normalize('NFKC').trim().toLowerCase();
  return normal.length <= EMAIL_MAX_CHARS && z.regexes.email.test(normal) ? normal : undefined;
}

/** A person as compared in the file: an e-mail address in its normal form, an id as written. */
export function personKey(text: string): string {
  return emailAddressOf(text) ?? text.trim();
}

/** An e-mail address where the file names a person, with its place in the file's structure. */
export interface EmailReference {
  address: string;
  /** As validate-organization.ts's paths: ['departments', 2, 'managers', 0]. */
  path: (string | number)[];
}

/** Every e-mail address the organisation names a person by, in file order, with its path. */
export function listEmailReferences(org: Organization): EmailReference[] {
  const found: EmailReference[] = [];
  const visit = (value: string | null, path: (string | number)[]) => {
    const address = value === null ? undefined : emailAddressOf(value);
    if (address !== undefined) found.push({ address, path });
  };
  for (const [i, p] of (org.hqUsers ?? []).entries()) visit(p, ['hq_users', i]);
  for (const [di, d] of org.departments.entries()) {
    for (const [i, p] of d.managers.entries()) visit(p, ['departments', di, 'managers', i]);
    for (const [i, p] of d.members.entries()) visit(p, ['departments', di, 'members', i]);
    for (const [ti, t] of d.targets.entries()) visit(t.ownerId, ['departments', di, 'targets', ti, 'owner']);
  }
  return found;
}

/**
 * The organisation with every e-mail address replaced by its Slack user id. A list that names one
 * person twice (by id and by address) keeps the first. Throws on an address missing from ids: the
 * caller resolves them all first.
 */
export function withSlackIds(org: Organization, ids: ReadonlyMap<string, string>): Organization {
  const idOf = (person: string): string => {
    const address = emailAddressOf(person);
    if (address === undefined) return person;
    const id = ids.get(address);
    if (id === undefined) throw new Error(`e-mail address not resolved: ${address}`);
    return id;
  };
  const list = (people: string[]) => [...new Set(people.map(idOf))];
  return {
    ...org,
    hqUsers: org.hqUsers && list(org.hqUsers),
    departments: org.departments.map((d) => ({
      ...d,
      managers: list(d.managers),
      members: list(d.members),
      targets: d.targets.map((t) => ({ ...t, ownerId: t.ownerId === null ? null : idOf(t.ownerId) })),
    })),
  };
}
