import type { Db } from '../../db/client.js';

export interface DeliveryClaim {
  key: string;
  kind: string;
  recipient: string;
  dueAt: Date;
  now: Date;
  /** Which process claimed it (host:pid), for the log. */
  claimedBy?: string;
  payload?: string;
  targetIds?: number[];
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    e?.code === 'P2002' ||
    e?.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation' ||
    /Unique constraint failed|UNIQUE constraint failed|duplicate key value/i.test(e?.message ?? '')
  );
}

/**
 * Claims a delivery by its unique key before anything is sent. Returns the new row's id when this
 * caller won the claim, or null when the key was already claimed (by a replica, or an earlier run).
 */
export async function claimDelivery(db: Db, claim: DeliveryClaim): Promise<{ id: number } | null> {
  try {
    const row = await db.delivery.create({
      data: {
        key: claim.key,
        kind: claim.kind,
        recipient: claim.recipient,
        status: 'claimed',
        dueAt: claim.dueAt,
        claimedAt: claim.now,
        claimedBy: claim.claimedBy ?? null,
        payload: claim.payload ?? null,
        targets: claim.targetIds?.length
          ? { create: [...new Set(claim.targetIds)].map((targetId) => ({ targetId })) }
          : undefined,
      },
      select: { id: true },
    });
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
