import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTargetsNeedingUpdate } from '../../../src/services/reminders/list-targets-needing-update.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { buildOrganization, reportProgress, type SmallOrg } from '../../helpers/reminder-fixtures.js';

describe.each(PROVIDERS)('listTargetsNeedingUpdate on %s', (provider) => {
  let database: TestDatabase;
  let org: SmallOrg;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await buildOrganization(database.db, {
      departments: [
        { code: 'a', targets: [{ code: 'A-1', owner: 'U1' }, { code: 'A-2', owner: 'U1' }, { code: 'A-3' }] },
        { code: 'b', targets: [{ code: 'B-1', owner: 'U2' }] },
      ],
    });
    await reportProgress(database.db, org.targetIds['A-1'] as number, 'U1', new Date('2026-05-10T00:00:00Z'));
    await reportProgress(database.db, org.targetIds['A-2'] as number, 'U1', new Date('2026-04-01T00:00:00Z'));
  });
  afterAll(async () => database?.destroy());

  it('lists owned targets without an update at or after `since`, with their latest report', async () => {
    const since = new Date('2026-05-10T00:00:00Z');
    const rows = await listTargetsNeedingUpdate(database.db, { fiscalYearId: org.fiscalYearId, since });
    expect(rows.map((r) => [r.code, r.ownerId])).toEqual([
      ['A-2', 'U1'],
      ['B-1', 'U2'],
    ]);
    expect(rows[0]).toMatchObject({
      lastStatus: 'on_track',
      lastReportedAt: new Date('2026-04-01T00:00:00Z'),
      departmentName: 'a部',
    });
    expect(rows[1]).toMatchObject({ lastStatus: null, lastReportedAt: null });
  });

  it('narrows by fiscal year and department', async () => {
    const since = new Date('2026-06-01T00:00:00Z');
    const byYear = await listTargetsNeedingUpdate(database.db, {
      fiscalYear: 2026,
      departmentIds: [org.departmentIds.b as number],
      since,
    });
    expect(byYear.map((r) => r.code)).toEqual(['B-1']);
    expect(await listTargetsNeedingUpdate(database.db, { fiscalYear: 2027, since })).toEqual([]);
    expect(await listTargetsNeedingUpdate(database.db, { fiscalYear: 2026, departmentIds: [], since })).toEqual([]);
    expect(await listTargetsNeedingUpdate(database.db, { since })).toEqual([]);
  });

  it('leaves out targets already self-assessed when asked for a self-assessment window, not returned ones', async () => {
    const since = new Date('2026-06-01T00:00:00Z');
    const a2 = org.targetIds['A-2'] as number;
    const b1 = org.targetIds['B-1'] as number;
    await database.db.reviewStep.create({
      data: { targetId: a2, step: 'self', grade: 'B', comment: 'ok', actorId: 'U1' },
    });
    await database.db.reviewStep.create({
      data: { targetId: b1, step: 'self', grade: 'B', comment: 'ok', actorId: 'U2' },
    });
    await database.db.reviewStep.create({
      data: { targetId: b1, step: 'return', comment: 'again', actorId: 'UM', createdAt: new Date(Date.now() + 1000) },
    });
    const all = await listTargetsNeedingUpdate(database.db, { fiscalYearId: org.fiscalYearId, since });
    const selfAssessing = await listTargetsNeedingUpdate(database.db, {
      fiscalYearId: org.fiscalYearId,
      since,
      selfAssessing: true,
    });
    expect(all.map((r) => r.code)).toEqual(['A-1', 'A-2', 'B-1']);
    expect(selfAssessing.map((r) => r.code)).toEqual(['A-1', 'B-1']);
  });
});
