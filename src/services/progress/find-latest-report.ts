import type { Db } from '../../db/client.js';
import { isStatus, type Status } from '../../domain/status.js';

export interface LatestReport {
  status: Status;
  value: number | null;
  percent: number | null;
  comment: string | null;
  reportedAt: Date;
  reporterId: string;
}

/** The most recent progress update of a target (the one the progress modal shows), or null. */
export async function findLatestReport(db: Db, targetId: number): Promise<LatestReport | null> {
  const row = await db.progressUpdate.findFirst({
    where: { targetId },
    orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
    select: { status: true, value: true, percent: true, comment: true, reportedAt: true, reporterId: true },
  });
  if (!row || !isStatus(row.status)) return null;
  return { ...row, status: row.status };
}
