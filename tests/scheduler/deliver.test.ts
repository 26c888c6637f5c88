import { WebAPIHTTPError, WebAPIPlatformError } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeliveryItem, deliverOnce, isRetryDue, recordSkipped } from '../../src/scheduler/deliver.js';
import type { ExistingDelivery } from '../../src/services/deliveries/find-deliveries-by-key.js';
import { findDeliveriesByKey } from '../../src/services/deliveries/find-deliveries-by-key.js';
import { captureLogger } from '../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { buildOrganization, logged } from '../helpers/reminder-fixtures.js';

const NOW = new Date('2027-05-25T00:30:00Z');

function existing(over: Partial<ExistingDelivery>): ExistingDelivery {
  return {
    id: 1,
    key: 'k',
    status: 'failed',
    attempts: 3,
    claimedAt: NOW,
    claimedBy: null,
    error: '[retryable] http_500',
    channel: null,
    ts: null,
    ...over,
  };
}

describe('isRetryDue', () => {
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  it('waits 5, 10, 20, 40 and then 60 minutes after the first, second… try', () => {
    expect(isRetryDue(existing({ attempts: 1 }), at(4))).toBe(false);
    expect(isRetryDue(existing({ attempts: 1 }), at(5))).toBe(true);
    expect(isRetryDue(existing({ attempts: 2 }), at(9))).toBe(false);
    expect(isRetryDue(existing({ attempts: 2 }), at(10))).toBe(true);
    expect(isRetryDue(existing({ attempts: 4 }), at(39))).toBe(false);
    expect(isRetryDue(existing({ attempts: 4 }), at(40))).toBe(true);
    expect(isRetryDue(existing({ attempts: 10 }), at(59))).toBe(false);
    expect(isRetryDue(existing({ attempts: 10 }), at(60))).toBe(true);
  });
  it('takes over a claim left without an outcome only after the lease (a process died mid-send)', () => {
    const claimed = existing({ status: 'claimed', error: null });
    expect(isRetryDue(claimed, at(9), 10 * 60_000)).toBe(false);
    expect(isRetryDue(claimed, at(10), 10 * 60_000)).toBe(true);
    expect(isRetryDue(claimed, at(10))).toBe(true); // the default lease is ten minutes
  });
  it('never retries permanent failures, sent or skipped deliveries', () => {
    expect(isRetryDue(existing({ error: '[permanent] channel_not_found' }), at(600))).toBe(false);
    expect(isRetryDue(existing({ status: 'sent', error: null }), at(600))).toBe(false);
    expect(isRetryDue(existing({ status: 'skipped', error: 'stale' }), at(600))).toBe(false);
  });
});

describe.each(PROVIDERS)('deliverOnce on %s', (provider) => {
  let database: TestDatabase;
  let targetId: number;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    const org = await buildOrganization(database.db, {
      departments: [{ code: 'a', targets: [{ code: 'A-1', owner: 'U1' }] }],
    });
    targetId = org.targetIds['A-1'] as number;
  });
  afterAll(async () => database?.destroy());

  const item = (key: string, existingRow: ExistingDelivery | null = null): DeliveryItem => ({
    key,
    kind: 'reminder',
    recipient: 'U1',
    dueAt: NOW,
    payload: '{"day":"2027-05-25","cycle":"checkin:2027-05-25","reasons":[]}',
    targetIds: [targetId],
    existing: existingRow,
  });

  it('re-sends an abandoned claim once, even when two replicas find it on the same tick', async () => {
    const { logger, lines } = captureLogger();
    const claimedAt = new Date(NOW.getTime() - 11 * 60_000);
    await database.db.delivery.create({
      data: {
        key: 'abandoned',
        kind: 'reminder',
        recipient: 'U1',
        status: 'claimed',
        dueAt: claimedAt,
        claimedAt,
        claimedBy: 'dead:1',
      },
    });
    const found = (await findDeliveriesByKey(database.db, ['abandoned'])).get('abandoned') ?? null;
    expect(found?.status).toBe('claimed');
    let sends = 0;
    const send = async () => {
      sends++;
      return { channel: 'D1', ts: '5.5' };
    };
    const deps = { db: database.db, logger, now: NOW, claimLeaseMs: 10 * 60_000 };
    const outcomes = await Promise.all([
      deliverOnce(deps, item('abandoned', found), send),
      deliverOnce(deps, item('abandoned', found), send),
    ]);
    expect(outcomes.sort()).toEqual(['already', 'sent']);
    expect(sends).toBe(1);
    expect((await database.db.delivery.findUniqueOrThrow({ where: { key: 'abandoned' } })).status).toBe('sent');
    expect(lines.some((l) => l.includes('abandoned delivery taken over') && l.includes('dead:1'))).toBe(true);
  });

  it('keeps the outcome of the process that took over when a slow sender outlived its lease', async () => {
    const { logger: slowLogger, lines: slowLines } = captureLogger();
    const { logger } = captureLogger();
    const lease = 10 * 60_000;
    const later = new Date(NOW.getTime() + lease + 60_000);
    let releaseSlow: () => void = () => undefined;
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const slowOutcome = deliverOnce(
      { db: database.db, logger: slowLogger, now: NOW, claimLeaseMs: lease, claimedBy: 'slow:1' },
      item('outlived'),
      () =>
        new Promise((_resolve, reject) => {
          releaseSlow = () => reject(new WebAPIHTTPError(500, 'Internal Server Error', {}));
          markStarted();
        }),
    );
    await started;
    const found = (await findDeliveriesByKey(database.db, ['outlived'])).get('outlived') ?? null;
    const fresh = { db: database.db, logger, now: later, claimLeaseMs: lease, claimedBy: 'fresh:2' };
    expect(await deliverOnce(fresh, item('outlived', found), async () => ({ channel: 'D1', ts: '7.7' }))).toBe('sent');
    releaseSlow();
    expect(await slowOutcome).toBe('failed');
    const row = await database.db.delivery.findUniqueOrThrow({ where: { key: 'outlived' } });
    expect(row).toMatchObject({ status: 'sent', ts: '7.7', claimedBy: 'fresh:2', error: null });
    expect(logged(slowLines, 'delivery outcome not recorded: claim taken over')[0]).toMatchObject({
      key: 'outlived',
      claimedBy: 'slow:1',
      outcome: 'failed',
    });
  });

  it('claims the key before calling Slack, records channel and ts, and never sends twice', async () => {
    const { logger, lines } = captureLogger();
    const deps = { db: database.db, logger, now: NOW };
    let statusDuringSend: string | undefined;
    const send = async () => {
      statusDuringSend = (await database.db.delivery.findUnique({ where: { key: 'a' } }))?.status;
      return { channel: 'D1', ts: '1.2' };
    };
    expect(await deliverOnce(deps, item('a'), send)).toBe('sent');
    expect(statusDuringSend).toBe('claimed');
    let calls = 0;
    expect(
      await deliverOnce(deps, item('a'), async () => {
        calls++;
        return { channel: 'D1', ts: '9' };
      }),
    ).toBe('already');
    expect(calls).toBe(0);
    const row = await database.db.delivery.findUniqueOrThrow({ where: { key: 'a' }, include: { targets: true } });
    expect(row).toMatchObject({ status: 'sent', channel: 'D1', ts: '1.2', attempts: 1, sentAt: NOW });
    expect(row.targets.map((t) => t.targetId)).toEqual([targetId]);
    expect(logged(lines, 'delivery sent')[0]).toMatchObject({ key: 'a', channel: 'D1', ts: '1.2' });
  });

  it('records failures, permanent or retryable, and retries only the retryable one, once among racers', async () => {
    const { logger } = captureLogger();
    const deps = { db: database.db, logger, now: NOW };
    // As the WebClient rejects once its own retries are spent.
    expect(
      await deliverOnce(deps, item('p'), async () => {
        throw new WebAPIPlatformError({ ok: false, error: 'channel_not_found' });
      }),
    ).toBe('failed');
    expect(
      await deliverOnce(deps, item('r'), async () => {
        throw new WebAPIHTTPError(503, 'Service Unavailable', {});
      }),
    ).toBe('failed');
    const rows = await findDeliveriesByKey(database.db, ['p', 'r']);
    expect(rows.get('p')).toMatchObject({ status: 'failed', attempts: 1, error: '[permanent] channel_not_found' });
    expect(rows.get('r')).toMatchObject({ status: 'failed', attempts: 1, error: '[retryable] http_503' });

    const later = { ...deps, now: new Date(NOW.getTime() + 6 * 60_000) };
    let sends = 0;
    const send = async () => {
      sends++;
      return { channel: 'D1', ts: '2.2' };
    };
    const outcomes = await Promise.all([
      deliverOnce(later, item('r', rows.get('r') ?? null), send),
      deliverOnce(later, item('r', rows.get('r') ?? null), send),
      deliverOnce(later, item('p', rows.get('p') ?? null), send),
    ]);
    expect(outcomes.sort()).toEqual(['already', 'already', 'sent']);
    expect(sends).toBe(1);
    expect((await findDeliveriesByKey(database.db, ['r'])).get('r')).toMatchObject({
      status: 'sent',
      attempts: 2,
      error: null,
    });
  });

  it('treats an unexpected error as retryable', async () => {
    const { logger } = captureLogger();
    expect(
      await deliverOnce({ db: database.db, logger, now: NOW }, item('u'), async () => {
        throw new Error('socket hang up');
      }),
    ).toBe('failed');
    expect((await findDeliveriesByKey(database.db, ['u'])).get('u')?.error).toBe('[retryable] socket hang up');
  });

  it('records a skipped delivery once, with the reason', async () => {
    const { logger, lines } = captureLogger();
    const deps = { db: database.db, logger, now: NOW };
    const { existing: _, ...skippable } = item('s');
    expect(await recordSkipped(deps, skippable, 'stale: test')).toBe('skipped');
    expect(await recordSkipped(deps, skippable, 'stale: test')).toBe('already');
    expect((await findDeliveriesByKey(database.db, ['s'])).get('s')).toMatchObject({
      status: 'skipped',
      error: 'stale: test',
    });
    expect(logged(lines, 'delivery skipped')).toHaveLength(1);
  });
});
