import type { Db } from '../../db/client.js';

/** The update an earlier delivery of the submission stored, if any. */
export async function findSubmittedUpdate(
  db: Db,
  submissionKey: string | null | undefined,
): Promise<{ id: number; duplicate: true } | null> {
  if (!submissionKey) return null;
  const found = await db.progressUpdate.findUnique({ where: { submissionKey }, select: { id: true } });
  return found ? { id: found.id, duplicate: true } : null;
}
