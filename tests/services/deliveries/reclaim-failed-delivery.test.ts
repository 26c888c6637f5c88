import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDelivery } from '../../../src/services/deliveries/claim-delivery.js';
import { markDeliveryFailed } from '../../../src/services/deliveries/mark-delivery-failed.js';
import { reclaimFailedDelivery } from '../../../src/services/deliveries/reclaim-failed-delivery.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

describe.each(PROVIDERS)('reclaimFailedDelivery on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('lets exactly one of several racers take a failed delivery back', async () => {
    const claimedAt = new Date('2027-05-25T00:30:00Z');
    const row = await claimDelivery(database.db, {
      key: 'r',
      kind: 'reminder',
      recipient: 'U1',
      dueAt: claimedAt,
      now: claimedAt,
    });
    const id = row?.id as number;
    const now = new Date('2027-05-25T00:40:00Z');
    expect(await reclaimFailedDelivery(database.db, { id, previousClaimedAt: claimedAt, now })).toBe(false); // not failed
    await markDeliveryFailed(database.db, {
      id,
      claimedAt,
      claimedBy: null,
      error: '[retryable] http_500',
      attempts: 3,
    });
    const results = await Promise.all(
      ['a', 'b', 'c'].map((who) =>
        reclaimFailedDelivery(database.db, { id, previousClaimedAt: claimedAt, now, claimedBy: who }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await database.db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'claimed',
      claimedAt: now,
    });
  });
});
