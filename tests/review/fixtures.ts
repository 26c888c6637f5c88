import { dateFromCalendar } from '../../src/calendar/days.js';
import type { Db } from '../../src/db/client.js';
import type { ReviewStepKind } from '../../src/review/workflow.js';
import { recordReviewStep } from '../../src/services/review/record-review-step.js';

/** People of the review test organisation. */
export const PEOPLE = {
  hq: 'U0HQ000001',
  managerA: 'U0MGRA0001',
  memberA1: 'U0MEMA0001',
  memberA2: 'U0MEMA0002',
  managerB: 'U0MGRB0001',
  memberB1: 'U0MEMB0001',
  outsider: 'U0OUTSIDE1',
} as const;

/** An instant inside the FY2026 self-assessment window (2027-06-10 10:00 JST). */
export const IN_REVIEW = new Date('2027-06-10T01:00:00Z');
/** After the last window closed (2027-07-10). */
export const AFTER_REVIEW = new Date('2027-08-01T01:00:00Z');
/** Before the first window opened. */
export const BEFORE_REVIEW = new Date('2027-05-01T01:00:00Z');

export interface SeededOrg {
  fiscalYearId: number;
  departments: { a: number; b: number };
  /** Target ids by code. */
  targets: Record<string, number>;
}

/**
 * FY2026 with review windows, two departments (A: 政策経営部, B: 区民文化部), six targets
 * covering the indicator cases, progress updates, and HQ configured through the hq_users setting.
 */
export async function seedReviewOrg(db: Db): Promise<SeededOrg> {
  const fy = await db.fiscalYear.create({
    data: {
      year: 2026,
      leadershipChannel: 'C0LEAD0001',
      reviewWindows: {
        create: [
          { name: '自己評価', opensOn: dateFromCalendar('2027-06-01'), closesOn: dateFromCalendar('2027-06-20') },
          { name: '本部確認', opensOn: dateFromCalendar('2027-06-21'), closesOn: dateFromCalendar('2027-07-10') },
        ],
      },
    },
  });
  await db.setting.create({ data: { key: 'hq_users', value: JSON.stringify([PEOPLE.hq]) } });
  const a = await db.department.create({
    data: {
      code: 'seisaku',
      name: '政策経営部',
      nameEn: 'Policy and Management Department',
      channelId: 'C0SEISAK01',
      sortOrder: 1,
      people: {
        create: [
          { slackUserId: PEOPLE.managerA, role: 'manager' },
          { slackUserId: PEOPLE.memberA1, role: 'member' },
          { slackUserId: PEOPLE.memberA2, role: 'member' },
        ],
      },
    },
  });
  const b = await db.department.create({
    data: {
      code: 'kumin',
      name: '区民文化部',
      nameEn: 'Residents and Culture Department',
      sortOrder: 2,
      people: {
        create: [
          { slackUserId: PEOPLE.managerB, role: 'manager' },
          { slackUserId: PEOPLE.memberB1, role: 'member' },
        ],
      },
    },
  });
  const base = { fiscalYearId: fy.id };
  const specs = [
    // Created out of sheet order on purpose: the sheet must sort them.
    {
      code: 'SK-5',
      departmentId: a.id,
      category: 'その他',
      title: '分類外の取組',
      sortOrder: 5,
      ownerId: PEOPLE.memberA1,
    },
    {
      code: 'SK-3',
      departmentId: a.id,
      category: '人材育成・活用',
      title: '職員の育成',
      sortOrder: 3,
      ownerId: PEOPLE.memberA2,
    },
    {
      code: 'SK-2',
      departmentId: a.id,
      category: '改革',
      title: '窓口の待ち時間短縮',
      sortOrder: 2,
      ownerId: PEOPLE.memberA2,
      indicatorKind: 'outcome',
      indicatorUnit: '分',
      indicatorBaseline: 60,
      indicatorTarget: 45,
    },
    {
      code: 'SK-1',
      departmentId: a.id,
      category: '施策',
      title: '実現プランの改訂',
      sortOrder: 1,
      ownerId: PEOPLE.memberA1,
      indicatorKind: 'activity',
      indicatorUnit: '%',
      indicatorBaseline: 0,
      indicatorTarget: 100,
    },
    {
      code: 'SK-4',
      departmentId: a.id,
      category: '施策',
      title: '事故ゼロの継続',
      sortOrder: 4,
      ownerId: null,
      indicatorKind: 'outcome',
      indicatorUnit: '件',
      indicatorBaseline: 0,
      indicatorTarget: 0,
    },
    {
      code: 'KM-1',
      departmentId: b.id,
      category: '施策',
      title: '文化施設の利用促進',
      sortOrder: 1,
      ownerId: PEOPLE.memberB1,
      indicatorKind: 'outcome',
      indicatorUnit: '人',
      indicatorBaseline: 400,
      indicatorTarget: 500,
    },
  ];
  const targets: Record<string, number> = {};
  for (const spec of specs) {
    const row = await db.target.create({ data: { ...base, ...spec } });
    targets[spec.code] = row.id;
  }
  const update = (code: string, reportedAt: string, status: string, value: number | null) =>
    db.progressUpdate.create({
      data: {
        targetId: targets[code] as number,
        reporterId: PEOPLE.memberA1,
        reportedAt: new Date(reportedAt),
        status,
        value,
      },
    });
  await update('SK-1', '2026-10-01T01:00:00Z', 'on_track', 40);
  await update('SK-1', '2027-03-20T01:00:00Z', 'on_track', 85);
  // A later status-only update: the value stays 85, the last update moves on (and crosses midnight JST).
  await update('SK-1', '2027-03-30T16:00:00Z', 'at_risk', null);
  await update('SK-2', '2027-03-15T01:00:00Z', 'off_track', 52.5);
  await update('SK-4', '2027-03-15T01:00:00Z', 'done', 0);
  await update('KM-1', '2027-03-01T01:00:00Z', 'done', 520);
  await db.milestone.create({
    data: { targetId: targets['SK-2'] as number, title: '窓口改善', dueOn: dateFromCalendar('2026-09-30') },
  });
  return { fiscalYearId: fy.id, departments: { a: a.id, b: b.id }, targets };
}

/** One step of a replayed review: target code, actor, step, and its grade and comment if any. */
export type ReplayedStep = [
  code: string,
  actorId: string,
  step: ReviewStepKind,
  extra?: { grade?: string; comment?: string },
];

/**
 * Records review steps on the seeded organisation in the order given, one second apart from
 * IN_REVIEW, through the real service: a test's review history, one line per step.
 */
export async function replayReviewSteps(db: Db, org: SeededOrg, steps: ReplayedStep[]): Promise<void> {
  for (const [i, [code, actorId, step, extra]] of steps.entries()) {
    const targetId = org.targets[code];
    if (targetId === undefined) throw new Error(`replayReviewSteps: no target ${code}`);
    await recordReviewStep(db, {
      targetId,
      actorId,
      step,
      ...extra,
      now: new Date(IN_REVIEW.getTime() + (i + 1) * 1000),
      timeZone: 'Asia/Tokyo',
      hqUsers: [],
    });
  }
}
