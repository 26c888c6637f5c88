import type { Db } from '../../db/client.js';
import type { ReviewRole } from '../../review/workflow.js';
import { isHqUser } from '../people/is-hq-user.js';

/**
 * A person's roles in one target's review: assessor (owner or in its department), manager (of
 * its department), hq. Null when the target does not exist. This is the server-side check.
 */
export async function getReviewRoles(
  db: Db,
  input: { targetId: number; slackUserId: string; hqUsers: string[] },
): Promise<Set<ReviewRole> | null> {
  if (!Number.isSafeInteger(input.targetId) || input.targetId <= 0) return null;
  const target = await db.target.findUnique({
    where: { id: input.targetId },
    select: {
      ownerId: true,
      department: { select: { people: { where: { slackUserId: input.slackUserId }, select: { role: true } } } },
    },
  });
  if (!target) return null;
  const roles = new Set<ReviewRole>();
  const people = target.department.people;
  if (target.ownerId === input.slackUserId || people.length > 0) roles.add('assessor');
  if (people.some((p) => p.role === 'manager')) roles.add('manager');
  if (await isHqUser(db, { slackUserId: input.slackUserId, configured: input.hqUsers })) roles.add('hq');
  return roles;
}
