import { join } from 'node:path';
import { calendarFromDate, dateFromCalendar } from '../../src/calendar/days.js';
import type { Db } from '../../src/db/client.js';
import {
  DIGEST_STATUSES,
  type DigestChange,
  type DigestData,
  type DigestDepartment,
  type DigestStatus,
  type DigestTarget,
  emptyCounts,
  type StatusCounts,
} from '../../src/digest/types.js';
import type { Status } from '../../src/domain/status.js';
import { readOrganizationFile } from '../../src/import/read-organization-file.js';
import { packageRoot } from '../../src/paths.js';
import { importOrganization } from '../../src/services/organization/import-organization.js';

export interface SeededTarget {
  id: number;
  code: string;
  departmentId: number;
  departmentCode: string;
  indicatorBaseline: number | null;
  indicatorTarget: number | null;
  milestones: { id: number; title: string; dueOn: string }[];
}

export interface SeededOrganization {
  fiscalYearId: number;
  year: number;
  leadershipChannel: string;
  departments: { id: number; code: string; name: string; nameEn: string | null; channelId: string | null }[];
  targets: SeededTarget[];
}

/**
 * Loads the example organisation (20 departments, 279 targets) with the real importer, then reads
 * back what the tests need to script a history and check the digest against it.
 */
export async function seedExampleOrganization(db: Db): Promise<SeededOrganization> {
  const read = await readOrganizationFile(join(packageRoot(), 'examples', 'itabashi-fy2026.yaml'));
  if (!read.ok) throw new Error(`example file does not import: ${JSON.stringify(read.problems).slice(0, 500)}`);
  await importOrganization(db, read.organization, { now: new Date('2026-04-01T00:00:00Z'), actorId: 'U0FIXTURE1' });
  const fy = await db.fiscalYear.findUniqueOrThrow({ where: { year: read.organization.fiscalYear } });
  const departments = await db.department.findMany({
    select: { id: true, code: true, name: true, nameEn: true, channelId: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  const codeOf = new Map(departments.map((d) => [d.id, d.code]));
  const order = new Map(departments.map((d, i) => [d.id, i]));
  const targets = await db.target.findMany({
    where: { fiscalYearId: fy.id },
    include: { milestones: { orderBy: { sortOrder: 'asc' } } },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  targets.sort((a, b) => (order.get(a.departmentId) ?? 0) - (order.get(b.departmentId) ?? 0));
  return {
    fiscalYearId: fy.id,
    year: fy.year,
    leadershipChannel: fy.leadershipChannel ?? '',
    departments,
    targets: targets.map((t) => ({
      id: t.id,
      code: t.code,
      departmentId: t.departmentId,
      departmentCode: codeOf.get(t.departmentId) ?? '',
      indicatorBaseline: t.indicatorBaseline,
      indicatorTarget: t.indicatorTarget,
      milestones: t.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: calendarFromDate(m.dueOn) })),
    })),
  };
}

/** One scripted report. */
export interface ScriptedUpdate {
  targetId: number;
  at: Date;
  status: Status;
  value: number | null;
}

/** The scripted history and what it means, so tests can check the digest against it. */
export interface ScriptedHistory {
  updates: ScriptedUpdate[];
  /** Milestones marked done (with when). */
  doneMilestones: { id: number; targetId: number; doneAt: Date }[];
  /** Codes given a specific story in the last week before 2026-11-30. */
  stories: { newlyOffTrack: string[]; newlyAtRisk: string[]; completed: string[]; recovered: string[] };
}

const FRIDAY_0900_JST = (dayText: string) => new Date(`${dayText}T00:00:00Z`);

function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A deterministic year of reports for the example organisation up to 2026-11-27 (the Friday before
 * the digest of Monday 2026-11-30): most targets report every other Friday, one in ten never
 * reports, one in ten stopped in October, a few slide to at risk or off track over the autumn,
 * and eight targets have a scripted story in the last week (newly off track, newly at risk,
 * completed, back on track). Indicator values climb linearly towards the target.
 */
export function scriptExampleHistory(org: SeededOrganization): ScriptedHistory {
  const updates: ScriptedUpdate[] = [];
  const doneMilestones: ScriptedHistory['doneMilestones'] = [];
  const byCode = new Map(org.targets.map((t) => [t.code, t]));
  const stories = {
    newlyOffTrack: ['SK-1', 'SM-1'],
    newlyAtRisk: ['SK-2', 'SM-2'],
    completed: ['SK-3', 'SM-3'],
    recovered: ['SK-4', 'SM-4'],
  };
  for (const code of Object.values(stories).flat()) {
    if (!byCode.has(code)) throw new Error(`example file has no target ${code}`);
  }
  const storyCodes = new Set(Object.values(stories).flat());
  const lastFriday = '2026-11-27';
  org.targets.forEach((target, i) => {
    if (storyCodes.has(target.code)) return;
    if (i % 10 === 9) return; // never reported
    const stopAfter = i % 10 === 8 ? '2026-10-30' : lastFriday;
    let week = 0;
    for (let d = i % 2 === 0 ? '2026-04-17' : '2026-04-24'; d <= stopAfter; d = addDays(d, 14), week += 1) {
      let status: Status = 'on_track';
      if (i % 7 === 3 && d >= '2026-09-01') status = 'at_risk';
      if (i % 11 === 5 && d >= '2026-10-01') status = 'off_track';
      if (i % 13 === 6 && d >= '2026-08-01') status = 'done';
      const value =
        target.indicatorTarget === null
          ? null
          : (target.indicatorBaseline ?? 0) + ((target.indicatorTarget - (target.indicatorBaseline ?? 0)) * week) / 20;
      updates.push({ targetId: target.id, at: FRIDAY_0900_JST(d), status, value });
    }
  });
  const story = (code: string, earlier: Status, latest: Status) => {
    const target = byCode.get(code) as SeededTarget;
    for (let d = '2026-04-17'; d <= '2026-11-20'; d = addDays(d, 14)) {
      updates.push({ targetId: target.id, at: FRIDAY_0900_JST(d), status: earlier, value: null });
    }
    updates.push({ targetId: target.id, at: new Date('2026-11-26T01:30:00Z'), status: latest, value: null });
  };
  for (const code of stories.newlyOffTrack) story(code, 'on_track', 'off_track');
  for (const code of stories.newlyAtRisk) story(code, 'on_track', 'at_risk');
  for (const code of stories.completed) story(code, 'on_track', 'done');
  for (const code of stories.recovered) story(code, 'off_track', 'on_track');
  // Every third target finished its milestones due before September on the due day.
  org.targets.forEach((target, i) => {
    if (i % 3 !== 0) return;
    for (const m of target.milestones) {
      if (m.dueOn < '2026-09-01')
        doneMilestones.push({ id: m.id, targetId: target.id, doneAt: new Date(`${m.dueOn}T03:00:00Z`) });
    }
  });
  return { updates, doneMilestones, stories };
}

/** Writes a scripted history: updates in batches, milestone completions grouped by instant. */
export async function applyHistory(db: Db, history: ScriptedHistory): Promise<void> {
  const rows = history.updates.map((u) => ({
    targetId: u.targetId,
    reporterId: 'U0SCRIPT01',
    reportedAt: u.at,
    status: u.status,
    value: u.value,
    source: 'fixture',
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.progressUpdate.createMany({ data: rows.slice(i, i + 1000) });
  const byInstant = new Map<number, number[]>();
  for (const m of history.doneMilestones) {
    byInstant.set(m.doneAt.getTime(), [...(byInstant.get(m.doneAt.getTime()) ?? []), m.id]);
  }
  for (const [instant, ids] of byInstant) {
    await db.milestone.updateMany({ where: { id: { in: ids } }, data: { doneAt: new Date(instant) } });
  }
}

/** The oracle: a target's status at an instant straight from the script (latest report at or before it). */
export function scriptedStatusAt(history: ScriptedHistory, targetId: number, at: Date): Status | 'not_reported' {
  let best: ScriptedUpdate | undefined;
  for (const u of history.updates) {
    if (u.targetId !== targetId || u.at > at) continue;
    if (!best || u.at >= best.at) best = u;
  }
  return best?.status ?? 'not_reported';
}

export interface SyntheticOptions {
  departments: number;
  targetsPerDepartment: number;
  /** Weekly updates per target from the start of the fiscal year (0 for none). */
  weeks: number;
  year?: number;
  leadershipChannel?: string;
  /** Rows per createMany (departments, targets, milestones). */
  batch?: number;
  /** The database's provider: the weekly updates are generated in SQL, which differs in its date functions. */
  provider?: 'sqlite' | 'postgresql';
  /** Long department names, to stress the character limits. */
  longNames?: boolean;
  /** Whether the year gets its 自己評価 window (default true); off for a schema older than the window's columns. */
  reviewWindow?: boolean;
}

/**
 * A synthetic organisation for limit tests and the bench: N departments × M targets (a third with
 * an indicator, three milestones each) and a weekly report per target for `weeks` weeks.
 */
export async function seedSyntheticOrganization(
  db: Db,
  options: SyntheticOptions,
): Promise<{ fiscalYearId: number; departments: number; targets: number; updates: number }> {
  const year = options.year ?? 2026;
  const batch = options.batch ?? 5000;
  const fy = await db.fiscalYear.create({
    data: {
      year,
      leadershipChannel: options.leadershipChannel ?? 'C0LEAD0001',
      ...(options.reviewWindow === false
        ? {}
        : {
            reviewWindows: {
              create: [
                {
                  name: '自己評価',
                  opensOn: dateFromCalendar(`${year + 1}-06-01`),
                  closesOn: dateFromCalendar(`${year + 1}-06-20`),
                },
              ],
            },
          }),
    },
  });
  const pad = (n: number) => String(n).padStart(3, '0');
  await db.department.createMany({
    data: Array.from({ length: options.departments }, (_, d) => ({
      code: `d${pad(d)}`,
      name: options.longNames
        ? `第${d + 1}号 子ども家庭総合支援センター・地域福祉＆まちづくり推進本部<特命>`
        : `第${d + 1}部`,
      nameEn: `Department No. ${d + 1}`,
      channelId: `C0DEPT${pad(d)}`,
      sortOrder: d,
    })),
  });
  const departments = await db.department.findMany({ orderBy: { sortOrder: 'asc' }, select: { id: true, code: true } });
  const targetRows = departments.flatMap((d, di) =>
    Array.from({ length: options.targetsPerDepartment }, (_, ti) => ({
      fiscalYearId: fy.id,
      departmentId: d.id,
      code: `${d.code}-${pad(ti)}`,
      category: '施策',
      title: `重点目標 ${di + 1}-${ti + 1}: 区民サービスの向上と業務改革の推進に関する取組`,
      sortOrder: ti,
      indicatorKind: ti % 3 === 0 ? 'outcome' : null,
      indicatorUnit: ti % 3 === 0 ? '%' : null,
      indicatorBaseline: ti % 3 === 0 ? 0 : null,
      indicatorTarget: ti % 3 === 0 ? 100 : null,
    })),
  );
  for (let i = 0; i < targetRows.length; i += batch)
    await db.target.createMany({ data: targetRows.slice(i, i + batch) });
  const targets = await db.target.findMany({
    where: { fiscalYearId: fy.id },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  const milestoneRows = targets.flatMap((t) =>
    [0, 1, 2].map((k) => ({
      targetId: t.id,
      title: `マイルストーン${k + 1}`,
      dueOn: dateFromCalendar(addDays(`${year}-06-30`, k * 91)),
      sortOrder: k,
    })),
  );
  for (let i = 0; i < milestoneRows.length; i += batch) {
    await db.milestone.createMany({ data: milestoneRows.slice(i, i + batch) });
  }
  const updates = await insertWeeklyUpdates(db, {
    provider: options.provider ?? 'sqlite',
    fiscalYearId: fy.id,
    weeks: options.weeks,
    startEpochSeconds: Date.parse(`${year}-04-03T01:00:00Z`) / 1000,
  });
  return { fiscalYearId: fy.id, departments: departments.length, targets: targets.length, updates };
}

/**
 * Week w's report of the target with index ti (in id order) is at start + w weeks + (ti mod 5)
 * hours, with a status that drifts every 8 weeks (so the LAG compression has something to
 * compress) and, for every third target, a value of min(100, 2w + ti mod 10). Generated by one
 * INSERT … SELECT in the database: the 4.8 million rows of the 16× bench take seconds, not the
 * half hour that batches of createMany took.
 */
async function insertWeeklyUpdates(
  db: Db,
  input: { provider: 'sqlite' | 'postgresql'; fiscalYearId: number; weeks: number; startEpochSeconds: number },
): Promise<number> {
  const { weeks, fiscalYearId, startEpochSeconds } = input;
  if (weeks <= 0) return 0;
  for (const n of [weeks, fiscalYearId, startEpochSeconds]) {
    if (!Number.isSafeInteger(n)) throw new Error(`insertWeeklyUpdates: ${n} is not an integer`);
  }
  const seconds = `${startEpochSeconds} + w.w * 604800 + (n.ti % 5) * 3600`;
  const reportedAt =
    input.provider === 'postgresql'
      ? `to_timestamp(${seconds}) AT TIME ZONE 'UTC'`
      : // The text form Prisma writes for DateTime on SQLite, so comparisons with it hold.
        `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${seconds}, 'unixepoch')`;
  return db.$executeRawUnsafe(`
    WITH RECURSIVE weeks(w) AS (SELECT 0 UNION ALL SELECT w + 1 FROM weeks WHERE w + 1 < ${weeks}),
    numbered AS (
      SELECT t."id", ROW_NUMBER() OVER (ORDER BY t."id") - 1 AS ti FROM "Target" t WHERE t."fiscalYearId" = ${fiscalYearId}
    )
    INSERT INTO "ProgressUpdate" ("targetId", "reporterId", "reportedAt", "status", "value")
    SELECT n."id", 'U0BENCH001', ${reportedAt},
      CASE (n.ti * 7 + w.w / 8) % 6
        WHEN 3 THEN 'at_risk' WHEN 4 THEN 'off_track' WHEN 5 THEN 'done' ELSE 'on_track'
      END,
      CASE WHEN n.ti % 3 = 0 THEN (CASE WHEN w.w * 2 + n.ti % 10 < 100 THEN w.w * 2 + n.ti % 10 ELSE 100 END) END
    FROM weeks w CROSS JOIN numbered n
    ORDER BY w.w, n.ti`);
}

/**
 * DigestData built in memory (no database) for the pure builders: departments × targets with
 * statuses, changes, overdue milestones and silent targets spread over all of them.
 */
export function syntheticDigestData(options: {
  departments: number;
  targetsPerDepartment: number;
  longNames?: boolean;
  departmentName?: (index: number) => string;
}): DigestData {
  const statuses: DigestStatus[] = ['on_track', 'at_risk', 'off_track', 'done', 'not_reported'];
  const departments: DigestDepartment[] = [];
  const targets: DigestTarget[] = [];
  const changes: DigestChange[] = [];
  let id = 0;
  for (let d = 0; d < options.departments; d += 1) {
    const departmentId = d + 1;
    const counts = emptyCounts();
    for (let k = 0; k < options.targetsPerDepartment; k += 1) {
      id += 1;
      const status = statuses[(d + k) % statuses.length] as DigestStatus;
      const previousStatus = k % 4 === 0 ? 'on_track' : status;
      counts[status] += 1;
      const target: DigestTarget = {
        id,
        code: `D${d + 1}-${k + 1}`,
        title: `重点目標 ${d + 1}-${k + 1}: 区民サービスの向上と業務改革の推進に関する取組（長い題名の例として十分な長さにする）`,
        departmentId,
        status,
        previousStatus,
        lastReportedAt: k % 6 === 3 ? null : new Date('2026-11-01T00:00:00Z'),
        silentDays: 29,
        silent: status !== 'done' && k % 3 === 0,
        achievement: k % 3 === 0 ? (k * 7) % 100 : null,
        hasIndicator: k % 3 === 0,
        overdueMilestones: k % 5 === 0 ? [{ title: '中間報告の取りまとめ', dueOn: '2026-10-30' }] : [],
      };
      targets.push(target);
      const kind =
        previousStatus === status
          ? null
          : status === 'done'
            ? 'done'
            : status === 'off_track'
              ? 'off_track'
              : status === 'at_risk'
                ? 'at_risk'
                : null;
      if (kind) {
        changes.push({
          kind,
          targetId: id,
          code: target.code,
          title: target.title,
          departmentId,
          from: previousStatus,
          to: status,
        });
      }
    }
    const own = targets.filter((t) => t.departmentId === departmentId);
    departments.push({
      id: departmentId,
      code: `d${d + 1}`,
      name:
        options.departmentName?.(d) ??
        (options.longNames
          ? `第${d + 1}号 子ども家庭総合支援センター・地域福祉＆まちづくり推進本部<特命>`
          : `第${d + 1}部`),
      nameEn: `Department No. ${d + 1}`,
      channelId: `C0DEPT${String(d).padStart(4, '0')}`,
      cadenceDays: 14,
      targetCount: own.length,
      counts,
      averageAchievement: 42,
      indicatorTargets: own.filter((t) => t.hasIndicator).length,
      indicatorsReported: own.filter((t) => t.achievement !== null).length,
      overdueMilestones: own.reduce((n, t) => n + t.overdueMilestones.length, 0),
      silentTargets: own.filter((t) => t.silent).length,
    });
  }
  const totals = emptyCounts();
  const previousTotals = emptyCounts();
  for (const t of targets) {
    totals[t.status] += 1;
    previousTotals[t.previousStatus] += 1;
  }
  const trend = Array.from({ length: 35 }, (_, w) => {
    const counts = emptyCounts();
    counts.not_reported = Math.max(0, targets.length - w * Math.ceil(targets.length / 10));
    counts.on_track = targets.length - counts.not_reported;
    return { day: addDays('2026-04-06', w * 7), counts };
  });
  trend[trend.length - 1] = { day: '2026-11-30', counts: { ...totals } };
  return {
    fiscalYear: 2026,
    leadershipChannel: 'C0LEAD0001',
    asOf: new Date('2026-11-30T00:00:00Z'),
    previousAt: new Date('2026-11-23T00:00:00Z'),
    today: '2026-11-30',
    previousDay: '2026-11-23',
    timeZone: 'Asia/Tokyo',
    totals,
    previousTotals,
    targetCount: targets.length,
    averageAchievement: 42,
    overdueMilestones: departments.reduce((n, d) => n + d.overdueMilestones, 0),
    silentTargets: departments.reduce((n, d) => n + d.silentTargets, 0),
    defaultCadenceDays: 14,
    departments,
    targets,
    changes,
    trend,
    nextReview: {
      name: '自己評価',
      fiscalYear: 2026,
      opensOn: '2027-06-01',
      closesOn: '2027-06-20',
      daysUntil: 183,
      open: false,
    },
    reviewSeason: null,
  };
}

/** Status counts with every status not given at 0. */
export function statusCounts(c: Partial<StatusCounts>): StatusCounts {
  return { ...emptyCounts(), ...c };
}

/** The synthetic digest data with its departments replaced by these (code, names, counts), totals to match. */
export function digestDataWithDepartments(
  rows: { code: string; name: string; nameEn?: string; counts: Partial<StatusCounts> }[],
): DigestData {
  const data = syntheticDigestData({ departments: rows.length, targetsPerDepartment: 1 });
  const totals = statusCounts({});
  data.departments = rows.map((row, i): DigestDepartment => {
    const c = statusCounts(row.counts);
    for (const s of DIGEST_STATUSES) totals[s] += c[s];
    return {
      ...(data.departments[i] as DigestDepartment),
      id: i + 1,
      code: row.code,
      name: row.name,
      nameEn: row.nameEn ?? null,
      counts: c,
      targetCount: DIGEST_STATUSES.reduce((n, s) => n + c[s], 0),
    };
  });
  data.totals = totals;
  data.targetCount = DIGEST_STATUSES.reduce((n, s) => n + totals[s], 0);
  return data;
}
