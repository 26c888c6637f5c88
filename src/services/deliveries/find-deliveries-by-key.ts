import type { Db } from '../../db/client.js';

export interface ExistingDelivery {
  id: number;
  key: string;
  status: string;
  attempts: number;
  claimedAt: Date;
  claimedBy: string | null;
  error: string | null;
  channel: string | null;
  ts: string | null;
}

/** The deliveries already recorded under any of these keys, by key. */
export async function findDeliveriesByKey(db: Db, keys: string[]): Promise<Map<string, ExistingDelivery>> {
  const map = new Map<string, ExistingDelivery>();
  const unique = [...new Set(keys)];
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.delivery.findMany({
      where: { key: { in: unique.slice(i, i + 500) } },
      select: {
        id: true,
        key: true,
        status: true,
        attempts: true,
        claimedAt: true,
        claimedBy: true,
        error: true,
        channel: true,
        ts: true,
      },
    });
    for (const r of rows) map.set(r.key, r);
  }
  return map;
}
