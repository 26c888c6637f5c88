import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDelivery } from '../../../src/services/deliveries/claim-delivery.js';
import { listDeliveryHistory } from '../../../src/services/deliveries/list-delivery-history.js';
import { markDeliverySent } from '../../../src/services/deliveries/mark-delivery-sent.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { buildOrganization } from '../../helpers/reminder-fixtures.js';

describe.each(PROVIDERS)('listDeliveryHistory on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('filters by kind, status, due time and target, with the targets of each delivery', async () => {
    const org = await buildOrganization(database.db, {
      departments: [{ code: 'a', targets: [{ code: 'A-1' }, { code: 'A-2' }] }],
    });
    const [a1, a2] = [org.targetIds['A-1'] as number, org.targetIds['A-2'] as number];
    const at = (d: string) => new Date(`${d}T00:30:00Z`);
    const r1 = await claimDelivery(database.db, {
      key: 'r1',
      kind: 'reminder',
      recipient: 'U1',
      dueAt: at('2027-05-18'),
      now: at('2027-05-18'),
      targetIds: [a1, a2],
    });
    await markDeliverySent(database.db, {
      id: r1?.id as number,
      claimedAt: at('2027-05-18'),
      claimedBy: null,
      channel: 'D1',
      ts: '1',
      now: at('2027-05-18'),
      attempts: 1,
    });
    await claimDelivery(database.db, {
      key: 'r2',
      kind: 'reminder',
      recipient: 'U1',
      dueAt: at('2027-05-25'),
      now: at('2027-05-25'),
      targetIds: [a2],
    });
    await claimDelivery(database.db, {
      key: 'm1',
      kind: 'escalation-manager',
      recipient: 'UM',
      dueAt: at('2027-05-27'),
      now: at('2027-05-27'),
      targetIds: [a1],
    });

    const sent = await listDeliveryHistory(database.db, {
      kinds: ['reminder'],
      statuses: ['sent'],
      since: at('2027-01-01'),
    });
    expect(sent.map((d) => [d.key, d.targetIds.sort()])).toEqual([['r1', [a1, a2].sort()]]);
    expect(
      (await listDeliveryHistory(database.db, { kinds: ['reminder'], since: at('2027-05-20') })).map((d) => d.key),
    ).toEqual(['r2']);
    expect(
      (
        await listDeliveryHistory(database.db, {
          kinds: ['reminder', 'escalation-manager'],
          since: at('2027-01-01'),
          targetIds: [a1],
        })
      ).map((d) => d.key),
    ).toEqual(['r1', 'm1']);
  });
});
