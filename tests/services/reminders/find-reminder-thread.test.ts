import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDelivery } from '../../../src/services/deliveries/claim-delivery.js';
import { markDeliverySent } from '../../../src/services/deliveries/mark-delivery-sent.js';
import { findReminderThread } from '../../../src/services/reminders/find-reminder-thread.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

describe.each(PROVIDERS)('findReminderThread on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  async function sent(key: string, day: string, cycle: string, recipient = 'U1', threadTs: string | null = null) {
    const dueAt = new Date(`${day}T00:30:00Z`);
    const payload = JSON.stringify({ day, cycle, reasons: [] });
    const row = await claimDelivery(database.db, { key, kind: 'reminder', recipient, dueAt, now: dueAt, payload });
    await markDeliverySent(database.db, {
      id: row?.id as number,
      claimedAt: dueAt,
      claimedBy: null,
      channel: 'D1',
      ts: `${day}.1`,
      threadTs,
      now: dueAt,
      attempts: 1,
    });
  }

  it('finds the first top-level reminder of the person in the cycle', async () => {
    const since = new Date('2027-01-01T00:00:00Z');
    expect(await findReminderThread(database.db, { recipient: 'U1', cycle: 'countdown:1', since })).toBeNull();
    await sent('a', '2027-05-10', 'checkin:2027-05-10');
    await sent('b', '2027-05-18', 'countdown:1');
    await sent('c', '2027-05-25', 'countdown:1', 'U1', '2027-05-18.1');
    await sent('d', '2027-05-18', 'countdown:1', 'U2');
    expect(await findReminderThread(database.db, { recipient: 'U1', cycle: 'countdown:1', since })).toMatchObject({
      channel: 'D1',
      ts: '2027-05-18.1',
    });
    expect(await findReminderThread(database.db, { recipient: 'U1', cycle: 'countdown:2', since })).toBeNull();
    expect(
      await findReminderThread(database.db, {
        recipient: 'U1',
        cycle: 'countdown:1',
        since: new Date('2027-05-20T00:00:00Z'),
      }),
    ).toBeNull();
  });
});
