import { describe, expect, it } from 'vitest';
import { getReportableTarget } from '../../../src/services/progress/get-reportable-target.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('getReportableTarget on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  it('returns a target only to people of its department (the server-side permission check)', async () => {
    expect(
      await getReportableTarget(env.db, { slackUserId: 'USTAFF001', targetId: env.org.targets.sk1 }),
    ).toMatchObject({
      code: 'SK-1',
      openMilestones: [expect.objectContaining({ title: '要件定義' }), expect.objectContaining({ title: '運用開始' })],
    });
    expect(await getReportableTarget(env.db, { slackUserId: 'USTAFF001', targetId: env.org.targets.sm1 })).toBeNull();
    expect(await getReportableTarget(env.db, { slackUserId: 'USTAFF001', targetId: -1 })).toBeNull();
  });

  it('loads only the chosen milestones that are still open, and none for an empty choice', async () => {
    const all = await getReportableTarget(env.db, { slackUserId: 'USTAFF001', targetId: env.org.targets.sk1 });
    const [first, second] = all?.openMilestones ?? [];
    await env.db.milestone.update({ where: { id: second?.id as number }, data: { doneAt: new Date() } });
    const chosen = await getReportableTarget(env.db, {
      slackUserId: 'USTAFF001',
      targetId: env.org.targets.sk1,
      milestoneIds: [first?.id as number, second?.id as number],
    });
    expect(chosen?.openMilestones.map((m) => m.title)).toEqual([first?.title]);
    const none = await getReportableTarget(env.db, {
      slackUserId: 'USTAFF001',
      targetId: env.org.targets.sk1,
      milestoneIds: [],
    });
    expect(none).toMatchObject({ code: 'SK-1', department: { channelId: 'C0SEISAKU1' }, openMilestones: [] });
    expect(
      await getReportableTarget(env.db, { slackUserId: 'USTAFF001', targetId: env.org.targets.sm1, milestoneIds: [] }),
    ).toBeNull();
  });

  it('reads the same target and department fields as the ORM, for every target', async () => {
    const people = await env.db.departmentPerson.findMany({ select: { departmentId: true, slackUserId: true } });
    const targets = await env.db.target.findMany({ include: { department: true } });
    expect(targets.length).toBeGreaterThan(2);
    for (const expected of targets) {
      const member = people.find((p) => p.departmentId === expected.departmentId);
      const got = await getReportableTarget(env.db, {
        slackUserId: member?.slackUserId as string,
        targetId: expected.id,
        milestoneIds: [],
      });
      expect(got).toEqual({
        id: expected.id,
        code: expected.code,
        title: expected.title,
        ownerId: expected.ownerId,
        indicatorKind: expected.indicatorKind,
        indicatorUnit: expected.indicatorUnit,
        indicatorBaseline: expected.indicatorBaseline,
        indicatorTarget: expected.indicatorTarget,
        department: {
          id: expected.department.id,
          name: expected.department.name,
          nameEn: expected.department.nameEn,
          channelId: expected.department.channelId,
        },
        openMilestones: [],
      });
    }
  });
});
