import type { Db } from '../db/client.js';

/** How many targets of a fiscal year a user may report on. */
export async function countReportableTargets(
  db: Db,
  input: { slackUserId: string; fiscalYear: number },
): Promise<number> {
  return db.target.count({
    where: {
      fiscalYear: { year: input.fiscalYear },
      department: { people: { some: { slackUserId: input.slackUserId } } },
    },
  });
}
