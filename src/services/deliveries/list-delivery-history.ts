import type { Db } from '../../db/client.js';

const PAGE = 400;

export interface DeliveryWithTargets {
  id: number;
  key: string;
  kind: string;
  recipient: string;
  status: string;
  dueAt: Date;
  sentAt: Date | null;
  error: string | null;
  payload: string | null;
  targetIds: number[];
}

/** Deliveries of some kinds (and statuses) due since an instant, with the targets they were about. */
export async function listDeliveryHistory(
  db: Db,
  input: { kinds: string[]; statuses?: string[]; since: Date; targetIds?: number[] },
): Promise<DeliveryWithTargets[]> {
  // Paged: the targets include binds one parameter per delivery, and SQLite allows 999.
  const rows = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await db.delivery.findMany({
      where: {
        kind: { in: input.kinds },
        ...(input.statuses ? { status: { in: input.statuses } } : {}),
        dueAt: { gte: input.since },
        ...(input.targetIds ? { targets: { some: { targetId: { in: input.targetIds } } } } : {}),
      },
      include: { targets: { select: { targetId: true } } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      skip,
      take: PAGE,
    });
    rows.push(...page);
    if (page.length < PAGE) break;
  }
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    kind: r.kind,
    recipient: r.recipient,
    status: r.status,
    dueAt: r.dueAt,
    sentAt: r.sentAt,
    error: r.error,
    payload: r.payload,
    targetIds: r.targets.map((t) => t.targetId),
  }));
}
