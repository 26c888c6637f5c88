import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reassignTarget } from '../../../src/services/organization/reassign-target.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { buildOrganization, type SmallOrg } from '../../helpers/reminder-fixtures.js';

describe.each(PROVIDERS)('reassignTarget on %s', (provider) => {
  let database: TestDatabase;
  let org: SmallOrg;
  const now = new Date('2026-11-20T01:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await buildOrganization(database.db, {
      departments: [
        { code: 'a', managers: ['UM1'], members: ['U1', 'U2'], targets: [{ code: 'A-1', owner: 'U1' }] },
        { code: 'b', managers: ['UM2'], members: ['U3'], targets: [] },
      ],
    });
    await database.db.setting.create({ data: { key: 'hq_users', value: JSON.stringify(['UHQ2']) } });
  });
  afterAll(async () => database?.destroy());

  const input = (actorId: string, newOwnerId: string, code = 'A-1') => ({
    actorId,
    code,
    newOwnerId,
    fiscalYear: 2026,
    hqUsers: ['UHQ1'],
    now,
  });

  it('refuses people who are not managers of the department or HQ, and changes nothing', async () => {
    expect(await reassignTarget(database.db, input('U2', 'U2'))).toMatchObject({
      ok: false,
      reason: 'not_allowed',
      code: 'A-1',
    });
    expect(await reassignTarget(database.db, input('UM2', 'U2'))).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(
      (await database.db.target.findUniqueOrThrow({ where: { id: org.targetIds['A-1'] as number } })).ownerId,
    ).toBe('U1');
    expect(await database.db.auditEvent.count()).toBe(0);
  });

  it('refuses unknown codes, the current owner and people outside the department', async () => {
    expect(await reassignTarget(database.db, input('UM1', 'U2', 'Z-9'))).toEqual({
      ok: false,
      reason: 'unknown_target',
    });
    expect(await reassignTarget(database.db, input('UM1', 'U1'))).toMatchObject({ ok: false, reason: 'same_owner' });
    expect(await reassignTarget(database.db, input('UM1', 'U3'))).toMatchObject({ ok: false, reason: 'not_member' });
  });

  it('reassigns for a manager, a configured HQ user and a Setting HQ user, auditing each', async () => {
    expect(await reassignTarget(database.db, input('UM1', 'U2'))).toMatchObject({ ok: true, from: 'U1', to: 'U2' });
    expect(await reassignTarget(database.db, input('UHQ1', 'U1', 'a-1'))).toMatchObject({
      ok: true,
      from: 'U2',
      to: 'U1',
    });
    expect(await reassignTarget(database.db, input('UHQ2', 'UM1'))).toMatchObject({ ok: true, to: 'UM1' });
    const audit = await database.db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actorId, a.action, JSON.parse(a.detail as string).as])).toEqual([
      ['UM1', 'target.reassign', 'manager'],
      ['UHQ1', 'target.reassign', 'hq'],
      ['UHQ2', 'target.reassign', 'hq'],
    ]);
  });

  it('does not look at fiscal years after the current one', async () => {
    expect(await reassignTarget(database.db, { ...input('UM1', 'U2'), fiscalYear: 2025 })).toEqual({
      ok: false,
      reason: 'unknown_target',
    });
  });
});
