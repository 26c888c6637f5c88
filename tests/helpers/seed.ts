import { dateFromCalendar } from '../../src/calendar/days.js';
import type { Db } from '../../src/db/client.js';

export interface SeededOrg {
  fiscalYearId: number;
  departments: { seisaku: number; somu: number };
  targets: { sk1: number; sk2: number; sm1: number };
  milestones: { sk1a: number; sk1b: number; sm1a: number };
}

/**
 * A small organisation for FY2026: 政策経営部 (manager UMGR00001, members USTAFF001, USTAFF002)
 * and 総務部 (member USOMU0001), three targets with milestones.
 */
export async function seedSmallOrg(db: Db): Promise<SeededOrg> {
  const fy = await db.fiscalYear.create({
    data: {
      year: 2026,
      leadershipChannel: 'C0LEAD0001',
      reviewWindows: {
        create: [
          { name: '自己評価', opensOn: dateFromCalendar('2027-06-01'), closesOn: dateFromCalendar('2027-06-20') },
        ],
      },
    },
  });
  const seisaku = await db.department.create({
    data: {
      code: 'seisaku',
      name: '政策経営部',
      nameEn: 'Policy and Management',
      channelId: 'C0SEISAKU1',
      sortOrder: 0,
      people: {
        create: [
          { slackUserId: 'UMGR00001', role: 'manager' },
          { slackUserId: 'USTAFF001', role: 'member' },
          { slackUserId: 'USTAFF002', role: 'member' },
        ],
      },
    },
  });
  const somu = await db.department.create({
    data: {
      code: 'somu',
      name: '総務部',
      sortOrder: 1,
      people: { create: [{ slackUserId: 'USOMU0001', role: 'member' }] },
    },
  });
  const target = (data: {
    departmentId: number;
    code: string;
    title: string;
    category: string;
    sortOrder: number;
    ownerId?: string;
    indicator?: boolean;
    milestones?: { title: string; due: string }[];
  }) =>
    db.target.create({
      data: {
        fiscalYearId: fy.id,
        departmentId: data.departmentId,
        code: data.code,
        category: data.category,
        title: data.title,
        sortOrder: data.sortOrder,
        ownerId: data.ownerId ?? null,
        ...(data.indicator
          ? { indicatorKind: 'outcome', indicatorUnit: '%', indicatorBaseline: 0, indicatorTarget: 100 }
          : {}),
        milestones: {
          create: (data.milestones ?? []).map((m, i) => ({
            title: m.title,
            dueOn: dateFromCalendar(m.due),
            sortOrder: i,
          })),
        },
      },
      include: { milestones: { orderBy: { sortOrder: 'asc' } } },
    });
  const sk1 = await target({
    departmentId: seisaku.id,
    code: 'SK-1',
    title: '区公式LINEの開設',
    category: '施策',
    sortOrder: 0,
    ownerId: 'USTAFF001',
    indicator: true,
    milestones: [
      { title: '要件定義', due: '2026-09-30' },
      { title: '運用開始', due: '2027-03-01' },
    ],
  });
  const sk2 = await target({
    departmentId: seisaku.id,
    code: 'SK-2',
    title: '補正予算の適時編成',
    category: '改革',
    sortOrder: 1,
    ownerId: 'USTAFF002',
  });
  const sm1 = await target({
    departmentId: somu.id,
    code: 'SM-1',
    title: '文書管理の電子化',
    category: '改革',
    sortOrder: 0,
    ownerId: 'USOMU0001',
    milestones: [{ title: '方針決定', due: '2026-12-01' }],
  });
  const id = (list: { id: number }[], i: number) => {
    const m = list[i];
    if (!m) throw new Error('seed milestone missing');
    return m.id;
  };
  return {
    fiscalYearId: fy.id,
    departments: { seisaku: seisaku.id, somu: somu.id },
    targets: { sk1: sk1.id, sk2: sk2.id, sm1: sm1.id },
    milestones: { sk1a: id(sk1.milestones, 0), sk1b: id(sk1.milestones, 1), sm1a: id(sm1.milestones, 0) },
  };
}
