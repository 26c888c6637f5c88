import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlannedEscalation, planEscalations } from '../../src/reminders/plan-escalations.js';
import { claimDelivery } from '../../src/services/deliveries/claim-delivery.js';
import { markDeliveryFailed } from '../../src/services/deliveries/mark-delivery-failed.js';
import { markDeliverySent } from '../../src/services/deliveries/mark-delivery-sent.js';
import { testConfig } from '../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { buildOrganization, reportProgress, type SmallOrg } from '../helpers/reminder-fixtures.js';

const rules = testConfig().reminders;

/** The payload the reminders job records with an escalation: per target, the reminder it chases. */
function escalationPayload(item: PlannedEscalation | undefined): string {
  return JSON.stringify({
    day: item?.day,
    level: item?.level,
    targets: item?.targets.map((t) => ({ id: t.id, owner: t.ownerId, since: t.since.toISOString() })),
  });
}
const at = (iso: string) => new Date(iso);

describe.each(PROVIDERS)('planEscalations on %s', (provider) => {
  let database: TestDatabase;
  let org: SmallOrg;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await buildOrganization(database.db, {
      departments: [
        {
          code: 'a',
          managers: ['UM1', 'UM2'],
          members: ['U1', 'U2'],
          targets: [
            { code: 'A-1', owner: 'U1' },
            { code: 'A-2', owner: 'UM1' },
          ],
        },
      ],
    });
    // A reminder sent on Tuesday 2027-05-25 about both targets.
    const sentAt = at('2027-05-25T00:30:00Z');
    for (const [recipient, code] of [
      ['U1', 'A-1'],
      ['UM1', 'A-2'],
    ] as const) {
      const row = await claimDelivery(database.db, {
        key: `reminder:2027-05-25:${recipient}`,
        kind: 'reminder',
        recipient,
        dueAt: sentAt,
        now: sentAt,
        payload: JSON.stringify({ day: '2027-05-25', cycle: 'countdown:1', reasons: [] }),
        targetIds: [org.targetIds[code] as number],
      });
      await markDeliverySent(database.db, {
        id: row?.id as number,
        claimedAt: sentAt,
        claimedBy: null,
        channel: 'D',
        ts: '1',
        now: sentAt,
        attempts: 1,
      });
    }
  });
  afterAll(async () => database?.destroy());

  const plan = (iso: string) =>
    planEscalations(database.db, {
      now: at(iso),
      timeZone: 'Asia/Tokyo',
      rules,
      catchUpMs: 24 * 3600 * 1000,
      hqUsers: [],
    });

  it('is empty until N business days have passed', async () => {
    expect(await plan('2027-05-27T00:29:00Z')).toEqual([]);
  });

  it('tells every manager but never a manager about their own target', async () => {
    const items = await plan('2027-05-27T00:30:00Z');
    expect(items.map((i) => [i.key, i.targets.map((t) => t.code)])).toEqual([
      ['escalation-manager:2027-05-27:UM1', ['A-1']],
      ['escalation-manager:2027-05-27:UM2', ['A-1', 'A-2']],
    ]);
    expect(items.every((i) => i.relevance === 'live' && i.existing === null)).toBe(true);
  });

  it('plans a failed escalation again under the same key (to retry it), but not a sent one', async () => {
    const [um1, um2] = await plan('2027-05-27T00:30:00Z');
    const a = await claimDelivery(database.db, {
      key: um1?.key as string,
      kind: um1?.kind as string,
      recipient: 'UM1',
      dueAt: um1?.dueAt as Date,
      now: um1?.dueAt as Date,
      targetIds: um1?.targets.map((t) => t.id),
      payload: escalationPayload(um1),
    });
    await markDeliverySent(database.db, {
      id: a?.id as number,
      claimedAt: um1?.dueAt as Date,
      claimedBy: null,
      channel: 'D',
      ts: '2',
      now: um1?.dueAt as Date,
      attempts: 1,
    });
    const b = await claimDelivery(database.db, {
      key: um2?.key as string,
      kind: um2?.kind as string,
      recipient: 'UM2',
      dueAt: um2?.dueAt as Date,
      now: um2?.dueAt as Date,
      targetIds: um2?.targets.map((t) => t.id),
      payload: escalationPayload(um2),
    });
    await markDeliveryFailed(database.db, {
      id: b?.id as number,
      claimedAt: um2?.dueAt as Date,
      claimedBy: null,
      error: '[retryable] http_500',
      attempts: 3,
    });
    const again = await plan('2027-05-27T00:40:00Z');
    expect(again.map((i) => [i.key, i.existing?.status])).toEqual([['escalation-manager:2027-05-27:UM2', 'failed']]);
  });

  it('drops a target once it is reported on', async () => {
    await reportProgress(database.db, org.targetIds['A-2'] as number, 'UM1', at('2027-05-27T01:00:00Z'));
    const items = await plan('2027-05-27T02:00:00Z');
    expect(items.flatMap((i) => i.targets.map((t) => t.code))).toEqual(['A-1']);
  });

  it('drops a target once its owner has self-assessed it since the reminder', async () => {
    // A self-assessment before the reminder is no answer to it; one after it is.
    const a1 = org.targetIds['A-1'] as number;
    await database.db.reviewStep.create({
      data: {
        targetId: a1,
        step: 'self',
        grade: 'B',
        comment: 'ok',
        actorId: 'U1',
        createdAt: at('2027-05-24T01:00:00Z'),
      },
    });
    expect((await plan('2027-05-27T02:00:00Z')).flatMap((i) => i.targets.map((t) => t.code))).toEqual(['A-1']);
    await database.db.reviewStep.create({
      data: {
        targetId: a1,
        step: 'self',
        grade: 'B',
        comment: 'ok',
        actorId: 'U1',
        createdAt: at('2027-05-27T01:30:00Z'),
      },
    });
    expect(await plan('2027-05-27T02:00:00Z')).toEqual([]);
  });
});
