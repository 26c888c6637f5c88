import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../src/domain/calendar.js';
import { findPersonDepartments } from '../../src/services/find-person-departments.js';
import { getReportableTarget } from '../../src/services/get-reportable-target.js';
import { isHqUser } from '../../src/services/is-hq-user.js';
import { listDepartments } from '../../src/services/list-departments.js';
import { listReportableTargets } from '../../src/services/list-reportable-targets.js';
import { listTargetStatuses } from '../../src/services/list-target-statuses.js';
import { recordProgressUpdate } from '../../src/services/record-progress-update.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';

describe.each(PROVIDERS)('reporting queries on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedSmallOrg(database.db);
    // A manager who is also a member of the same department appears once, as manager.
    await database.db.departmentPerson.create({
      data: { departmentId: org.departments.seisaku, slackUserId: 'UMGR00001', role: 'member' },
    });
  });
  afterAll(async () => database?.destroy());

  it('finds a person’s departments once each, with the manager role', async () => {
    const departments = await findPersonDepartments(database.db, 'UMGR00001');
    expect(departments).toEqual([
      expect.objectContaining({ code: 'seisaku', isManager: true, channelId: 'C0SEISAKU1' }),
    ]);
    expect(await findPersonDepartments(database.db, 'UNOBODY01')).toEqual([]);
  });

  it('lists only the targets of the person’s departments for the fiscal year, in order, up to a limit', async () => {
    const targets = await listReportableTargets(database.db, { slackUserId: 'USTAFF001', fiscalYear: 2026 });
    expect(targets.map((t) => t.code)).toEqual(['SK-1', 'SK-2']);
    expect(await listReportableTargets(database.db, { slackUserId: 'USTAFF001', fiscalYear: 2025 })).toEqual([]);
    const limited = await listReportableTargets(database.db, { slackUserId: 'USTAFF001', fiscalYear: 2026, limit: 1 });
    expect(limited.map((t) => t.code)).toEqual(['SK-1']);
    const searched = await listReportableTargets(database.db, {
      slackUserId: 'USTAFF001',
      fiscalYear: 2026,
      query: 'LINE',
    });
    expect(searched.map((t) => t.code)).toEqual(['SK-1']);
  });

  it('returns a target only to people of its department (the server-side permission check)', async () => {
    expect(
      await getReportableTarget(database.db, { slackUserId: 'USTAFF001', targetId: org.targets.sk1 }),
    ).toMatchObject({
      code: 'SK-1',
      openMilestones: [expect.objectContaining({ title: '要件定義' }), expect.objectContaining({ title: '運用開始' })],
    });
    expect(await getReportableTarget(database.db, { slackUserId: 'USTAFF001', targetId: org.targets.sm1 })).toBeNull();
    expect(await getReportableTarget(database.db, { slackUserId: 'USTAFF001', targetId: -1 })).toBeNull();
  });

  it('reports the latest status, the latest value even when the newest update has none, and overdue milestones', async () => {
    const report = (at: string, value: number | null, status: 'on_track' | 'at_risk') =>
      recordProgressUpdate(database.db, {
        targetId: org.targets.sk1,
        reporterId: 'USTAFF001',
        status,
        value,
        percent: null,
        comment: null,
        milestoneIds: [],
        reportedAt: new Date(at),
      });
    await report('2026-10-01T00:00:00Z', 30, 'on_track');
    await report('2026-11-01T00:00:00Z', null, 'at_risk');
    const statuses = await listTargetStatuses(database.db, {
      departmentId: org.departments.seisaku,
      fiscalYear: 2026,
      today: dateFromCalendar('2026-11-20'),
    });
    const sk1 = statuses.find((s) => s.code === 'SK-1');
    expect(sk1?.latest?.status).toBe('at_risk');
    expect(sk1?.latestValue).toBe(30);
    expect(sk1?.overdueMilestones.map((m) => m.title)).toEqual(['要件定義']);
    expect(sk1?.nextMilestone?.title).toBe('運用開始');
    expect(statuses.find((s) => s.code === 'SK-2')?.latest).toBeNull();
  });

  it('knows headquarters from configuration, from the imported list and from the HQ department', async () => {
    expect(await isHqUser(database.db, { slackUserId: 'UHQ000001', configured: ['UHQ000001'] })).toBe(true);
    expect(await isHqUser(database.db, { slackUserId: 'USTAFF001', configured: [] })).toBe(false);
    await database.db.setting.create({ data: { key: 'hq_users', value: JSON.stringify(['UHQ000002']) } });
    expect(await isHqUser(database.db, { slackUserId: 'UHQ000002', configured: [] })).toBe(true);
    await database.db.setting.create({ data: { key: 'hq_department', value: 'seisaku' } });
    expect(await isHqUser(database.db, { slackUserId: 'USTAFF001', configured: [] })).toBe(true);
    expect(await isHqUser(database.db, { slackUserId: 'USOMU0001', configured: [] })).toBe(false);
    expect((await listDepartments(database.db)).map((d) => d.code)).toEqual(['seisaku', 'somu']);
  });
});
