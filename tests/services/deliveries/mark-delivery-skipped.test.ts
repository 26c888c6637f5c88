import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDelivery } from '../../../src/services/deliveries/claim-delivery.js';
import { markDeliverySkipped } from '../../../src/services/deliveries/mark-delivery-skipped.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

describe.each(PROVIDERS)('markDeliverySkipped on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('records the reason, cut to 1000 characters', async () => {
    const now = new Date('2027-05-25T00:30:00Z');
    const row = await claimDelivery(database.db, { key: 's', kind: 'reminder', recipient: 'U1', dueAt: now, now });
    await markDeliverySkipped(database.db, { id: row?.id as number, reason: `stale: ${'x'.repeat(2000)}` });
    const saved = await database.db.delivery.findUniqueOrThrow({ where: { key: 's' } });
    expect(saved.status).toBe('skipped');
    expect(saved.error?.length).toBe(1000);
    expect(saved.error?.startsWith('stale: ')).toBe(true);
  });
});
