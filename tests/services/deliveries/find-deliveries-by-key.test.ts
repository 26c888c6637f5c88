import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDelivery } from '../../../src/services/deliveries/claim-delivery.js';
import { findDeliveriesByKey } from '../../../src/services/deliveries/find-deliveries-by-key.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

describe.each(PROVIDERS)('findDeliveriesByKey on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('finds recorded keys (in chunks, for long lists) and ignores unknown ones', async () => {
    const now = new Date('2027-05-25T00:30:00Z');
    for (const key of ['k1', 'k2'])
      await claimDelivery(database.db, { key, kind: 'reminder', recipient: 'U1', dueAt: now, now });
    const keys = [...Array.from({ length: 1200 }, (_, i) => `other-${i}`), 'k2', 'k1'];
    const found = await findDeliveriesByKey(database.db, keys);
    expect([...found.keys()].sort()).toEqual(['k1', 'k2']);
    expect(found.get('k1')).toMatchObject({ status: 'claimed', attempts: 0, claimedAt: now });
  });
});
