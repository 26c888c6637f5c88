import { milliseconds } from 'date-fns';
import { calendarFromDate, dateFromCalendar, daysBetween } from '../../calendar/days.js';
import { calendarDayIn, instantAt } from '../../calendar/time-zone.js';
import type { Cadence } from '../../config.js';
import type { Db } from '../../db/client.js';
import { averageAchievement, cadenceDays } from '../../digest/metrics.js';
import { classifyChange, countsOverTime, type StatusEvent, statusesAt } from '../../digest/timeline.js';
import {
  type DigestChange,
  type DigestData,
  type DigestDepartment,
  type DigestTarget,
  emptyCounts,
  type NextReview,
  type TrendPoint,
} from '../../digest/types.js';
import { achievementPercent, hasIndicator } from '../../domain/achievement.js';
import { isStatus } from '../../domain/status.js';
import { parseCadence } from '../../reminders/settings.js';
import { findLiveFiscalYears } from '../organization/find-live-fiscal-years.js';
import { summarizeReviewProgress } from '../review/summarize-review-progress.js';

const DAY_MS = milliseconds({ days: 1 });
/** The digest compares with the previous one, a week earlier. */
export const DIGEST_INTERVAL_MS = 7 * DAY_MS;
/** More weekly points than a fiscal year has is a bug, not data. */
const MAX_TREND_POINTS = 54;

export interface BuildDigestInput {
  now: Date;
  timeZone: string;
  /**
   * The year whose progress is shown; defaults to the live year for progress
   * (findLiveFiscalYears: the fiscal year of now, or the year in its review season).
   */
  fiscalYear?: number;
  /** Cadence when neither the `cadence` setting nor the department names one (config). */
  defaultCadence: Cadence;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * Targets per status-change query: their ids are bound parameters, and Prisma's SQLite adapter
 * takes at most 999 per statement; pages also bound what one result holds in memory.
 */
const EVENT_PAGE_TARGETS = 500;

/**
 * Status changes of the given targets up to now, in history order. Weekly reports mostly repeat
 * the status; a trigger marks each report that does not (`statusChanged`), and the index on
 * (targetId, statusChanged, reportedAt, id, status) hands over only those, in order, without
 * reading the rest of the table. A repeat that is still marked changed (the column's default,
 * should a row ever be written where the trigger does not run) is dropped below, so the result
 * stays right either way.
 */
async function loadStatusEvents(db: Db, targetIds: number[], now: Date): Promise<StatusEvent[]> {
  const ids = [...targetIds].sort((a, b) => a - b);
  const events: StatusEvent[] = [];
  for (let i = 0; i < ids.length; i += EVENT_PAGE_TARGETS) {
    const rows = await db.progressUpdate.findMany({
      where: { targetId: { in: ids.slice(i, i + EVENT_PAGE_TARGETS) }, statusChanged: true, reportedAt: { lte: now } },
      select: { targetId: true, reportedAt: true, status: true },
      orderBy: [{ targetId: 'asc' }, { reportedAt: 'asc' }, { id: 'asc' }],
    });
    let previous: StatusEvent | undefined;
    for (const r of rows) {
      if (!isStatus(r.status)) continue;
      if (previous?.targetId === r.targetId && previous.status === r.status) continue;
      previous = { targetId: r.targetId, at: r.reportedAt, status: r.status };
      events.push(previous);
    }
  }
  return events;
}

/**
 * When each target of the fiscal year was last reported on up to now, and its latest indicator
 * value (targets with an indicator). Raw SQL because the ORM's query API has no correlated
 * subquery: with one, each target costs an index seek on (targetId, reportedAt), where a GROUP BY
 * or a window would read every update of the year. The providers return the timestamp
 * differently (PostgreSQL a Date, SQLite the stored text), hence toDate; numbers are read with
 * Number() whichever numeric type the driver gives.
 */
async function loadLatestReports(
  db: Db,
  fiscalYearId: number,
  now: Date,
): Promise<{ lastReported: Map<number, Date>; latestValues: Map<number, number> }> {
  const rows = await db.$queryRaw<
    { targetId: number | bigint; lastAt: Date | string | null; latestValue: number | null }[]
  >`
    SELECT t."id" AS "targetId",
      (SELECT MAX(u."reportedAt") FROM "ProgressUpdate" u
        WHERE u."targetId" = t."id" AND u."reportedAt" <= ${now}) AS "lastAt",
      CASE WHEN t."indicatorTarget" IS NOT NULL THEN (
        SELECT v."value" FROM "ProgressUpdate" v
        WHERE v."targetId" = t."id" AND v."value" IS NOT NULL AND v."reportedAt" <= ${now}
        ORDER BY v."reportedAt" DESC, v."id" DESC LIMIT 1
      ) END AS "latestValue"
    FROM "Target" t
    WHERE t."fiscalYearId" = ${fiscalYearId}`;
  const lastReported = new Map<number, Date>();
  const latestValues = new Map<number, number>();
  for (const r of rows) {
    const targetId = Number(r.targetId);
    if (r.lastAt !== null) lastReported.set(targetId, toDate(r.lastAt));
    if (r.latestValue !== null) latestValues.set(targetId, Number(r.latestValue));
  }
  return { lastReported, latestValues };
}

/**
 * Milestones of the fiscal year due before today and still open at now (one finished after now
 * was open then: digests can be previewed in the past), earliest first.
 */
async function loadOverdueMilestones(
  db: Db,
  fiscalYearId: number,
  today: Date,
  now: Date,
): Promise<{ targetId: number; title: string; dueOn: string }[]> {
  const rows = await db.milestone.findMany({
    where: { target: { fiscalYearId }, dueOn: { lt: today }, OR: [{ doneAt: null }, { doneAt: { gt: now } }] },
    select: { targetId: true, title: true, dueOn: true },
    orderBy: [{ dueOn: 'asc' }, { sortOrder: 'asc' }],
  });
  return rows.map((r) => ({ targetId: r.targetId, title: r.title, dueOn: calendarFromDate(r.dueOn) }));
}

/** The fiscal year's digest: totals, departments, week-on-week changes, trend and the next review. */
export async function buildDigestData(db: Db, input: BuildDigestInput): Promise<DigestData | null> {
  const { now, timeZone } = input;
  const today = calendarDayIn(now, timeZone);
  const live = await findLiveFiscalYears(db, { now, timeZone });
  const year = input.fiscalYear ?? live.progress?.year;
  if (year === undefined) return null;
  const fiscalYear = await db.fiscalYear.findUnique({ where: { year } });
  if (!fiscalYear) return null;
  // The year in its review season is digested beside the new one: its review's progress.
  const reviewSeason = live.season
    ? await summarizeReviewProgress(db, {
        fiscalYearId: live.season.id,
        fiscalYear: live.season.year,
        period: live.season.period,
        now,
        timeZone,
      })
    : null;
  const previousAt = new Date(now.getTime() - DIGEST_INTERVAL_MS);
  const todayDate = dateFromCalendar(today);
  const yearStart = instantAt(`${year}-04-01`, '00:00', timeZone);

  // The targets first: the status changes are read in pages of their ids.
  const targetRows = await db.target.findMany({
    where: { fiscalYearId: fiscalYear.id },
    select: { id: true, code: true, title: true, departmentId: true, indicatorBaseline: true, indicatorTarget: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  const [cadenceSetting, departmentRows, events, latest, overdueRows, review] = await Promise.all([
    db.setting.findUnique({ where: { key: 'cadence' } }),
    db.department.findMany({
      where: { targets: { some: { fiscalYearId: fiscalYear.id } } },
      select: { id: true, code: true, name: true, nameEn: true, channelId: true, cadence: true, sortOrder: true },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    }),
    loadStatusEvents(
      db,
      targetRows.map((t) => t.id),
      now,
    ),
    loadLatestReports(db, fiscalYear.id, now),
    loadOverdueMilestones(db, fiscalYear.id, todayDate, now),
    db.reviewWindow.findFirst({
      where: { closesOn: { gte: todayDate } },
      orderBy: [{ opensOn: 'asc' }, { id: 'asc' }],
      include: { fiscalYear: { select: { year: true } } },
    }),
  ]);

  const organisationCadence = parseCadence(cadenceSetting?.value) ?? input.defaultCadence;
  const defaultCadenceDays = cadenceDays(organisationCadence);
  const departmentOrder = new Map(departmentRows.map((d, i) => [d.id, i]));
  const cadenceByDepartment = new Map(
    departmentRows.map((d) => [d.id, cadenceDays(parseCadence(d.cadence) ?? organisationCadence)]),
  );
  const current = statusesAt(events, now);
  const previous = statusesAt(events, previousAt);
  const { lastReported, latestValues } = latest;
  const overdueByTarget = new Map<number, { title: string; dueOn: string }[]>();
  for (const m of overdueRows) {
    const list = overdueByTarget.get(m.targetId) ?? [];
    list.push({ title: m.title, dueOn: m.dueOn });
    overdueByTarget.set(m.targetId, list);
  }

  const orderedTargets = [...targetRows].sort(
    (a, b) => (departmentOrder.get(a.departmentId) ?? 0) - (departmentOrder.get(b.departmentId) ?? 0),
  );
  const targets: DigestTarget[] = orderedTargets.map((t) => {
    const status = current.get(t.id) ?? 'not_reported';
    const last = lastReported.get(t.id) ?? null;
    const silentDays = Math.max(0, Math.floor((now.getTime() - (last ?? yearStart).getTime()) / DAY_MS));
    const cadence = cadenceByDepartment.has(t.departmentId)
      ? (cadenceByDepartment.get(t.departmentId) ?? null)
      : defaultCadenceDays;
    const indicator = { baseline: t.indicatorBaseline, target: t.indicatorTarget };
    return {
      id: t.id,
      code: t.code,
      title: t.title,
      departmentId: t.departmentId,
      status,
      previousStatus: previous.get(t.id) ?? 'not_reported',
      lastReportedAt: last,
      silentDays,
      silent: status !== 'done' && cadence !== null && silentDays > cadence,
      hasIndicator: hasIndicator(indicator),
      achievement: achievementPercent({ ...indicator, actual: latestValues.get(t.id) ?? null }),
      overdueMilestones: overdueByTarget.get(t.id) ?? [],
    };
  });

  const targetsByDepartment = new Map<number, DigestTarget[]>();
  for (const t of targets) {
    const list = targetsByDepartment.get(t.departmentId) ?? [];
    list.push(t);
    targetsByDepartment.set(t.departmentId, list);
  }
  const departments: DigestDepartment[] = departmentRows.map((d) => {
    const own = targetsByDepartment.get(d.id) ?? [];
    const counts = emptyCounts();
    for (const t of own) counts[t.status] += 1;
    const achievements = own.flatMap((t) => (t.achievement === null ? [] : [t.achievement]));
    return {
      id: d.id,
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      channelId: d.channelId,
      cadenceDays: cadenceByDepartment.get(d.id) ?? null,
      targetCount: own.length,
      counts,
      averageAchievement: averageAchievement(achievements),
      indicatorTargets: own.filter((t) => t.hasIndicator).length,
      indicatorsReported: achievements.length,
      overdueMilestones: own.reduce((n, t) => n + t.overdueMilestones.length, 0),
      silentTargets: own.filter((t) => t.silent).length,
    };
  });

  const totals = emptyCounts();
  const previousTotals = emptyCounts();
  for (const t of targets) {
    totals[t.status] += 1;
    previousTotals[t.previousStatus] += 1;
  }

  const changes: DigestChange[] = [];
  for (const t of targets) {
    const kind = classifyChange(t.previousStatus, t.status);
    if (kind) {
      changes.push({
        kind,
        targetId: t.id,
        code: t.code,
        title: t.title,
        departmentId: t.departmentId,
        from: t.previousStatus,
        to: t.status,
      });
    }
  }

  const instants: Date[] = [];
  for (
    let at = now.getTime();
    at >= yearStart.getTime() && instants.length < MAX_TREND_POINTS;
    at -= DIGEST_INTERVAL_MS
  ) {
    instants.unshift(new Date(at));
  }
  const trendCounts = countsOverTime(
    targets.map((t) => t.id),
    events,
    instants,
  );
  const trend: TrendPoint[] = instants.map((at, i) => ({
    day: calendarDayIn(at, timeZone),
    counts: trendCounts[i] ?? emptyCounts(),
  }));

  let nextReview: NextReview | null = null;
  if (review) {
    const opensOn = calendarFromDate(review.opensOn);
    const closesOn = calendarFromDate(review.closesOn);
    nextReview = {
      name: review.name,
      fiscalYear: review.fiscalYear.year,
      opensOn,
      closesOn,
      daysUntil: daysBetween(today, opensOn),
      open: opensOn <= today && today <= closesOn,
    };
  }

  return {
    fiscalYear: year,
    leadershipChannel: fiscalYear.leadershipChannel ?? live.season?.leadershipChannel ?? null,
    asOf: now,
    previousAt,
    today,
    previousDay: calendarDayIn(previousAt, timeZone),
    timeZone,
    totals,
    previousTotals,
    targetCount: targets.length,
    averageAchievement: averageAchievement(targets.flatMap((t) => (t.achievement === null ? [] : [t.achievement]))),
    overdueMilestones: departments.reduce((n, d) => n + d.overdueMilestones, 0),
    silentTargets: departments.reduce((n, d) => n + d.silentTargets, 0),
    defaultCadenceDays,
    departments,
    targets,
    changes,
    trend,
    nextReview,
    reviewSeason,
  };
}
