import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigestData } from '../../../src/services/digest/build-digest-data.js';
import { testConfig } from '../../helpers/context.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import {
  applyHistory,
  type ScriptedHistory,
  type SeededOrganization,
  scriptExampleHistory,
  scriptedStatusAt,
  seedExampleOrganization,
  seedSyntheticOrganization,
} from '../../helpers/digest-fixtures.js';

const NOW = new Date('2026-11-30T00:00:00Z'); // Monday 09:00 in Tokyo
const WEEK_BEFORE = new Date('2026-11-23T00:00:00Z');
const TZ = 'Asia/Tokyo';
/** The configured default cadence (biweekly): the cadence setting and department overrides are data. */
const CADENCE = testConfig().reminders.defaultCadence;

describe.each(PROVIDERS)('buildDigestData on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrganization;
  let history: ScriptedHistory;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedExampleOrganization(database.db);
    history = scriptExampleHistory(org);
    await applyHistory(database.db, history);
  });
  afterAll(async () => database?.destroy());

  it('returns null when the fiscal year has not been imported', async () => {
    expect(
      await buildDigestData(database.db, {
        now: new Date('2030-06-01T00:00:00Z'),
        timeZone: TZ,
        defaultCadence: CADENCE,
      }),
    ).toBeNull();
  });

  it('reports every target of the example organisation with the status the script gave it now and a week ago', async () => {
    const data = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
    if (!data) throw new Error('no digest data');
    expect(data.fiscalYear).toBe(2026);
    expect(data.leadershipChannel).toBe('C0LEAD0001');
    expect(data.today).toBe('2026-11-30');
    expect(data.previousDay).toBe('2026-11-23');
    expect(data.targetCount).toBe(279);
    expect(data.departments).toHaveLength(20);
    expect(data.departments.map((d) => d.code)).toEqual(org.departments.map((d) => d.code));
    for (const target of data.targets) {
      expect(target.status, target.code).toBe(scriptedStatusAt(history, target.id, NOW));
      expect(target.previousStatus, target.code).toBe(scriptedStatusAt(history, target.id, WEEK_BEFORE));
    }
    const expectedTotals = { on_track: 0, at_risk: 0, off_track: 0, done: 0, not_reported: 0 };
    for (const t of org.targets) expectedTotals[scriptedStatusAt(history, t.id, NOW)] += 1;
    expect(data.totals).toEqual(expectedTotals);
    expect(Object.values(data.totals).reduce((a, b) => a + b, 0)).toBe(279);
    // One in ten targets never reports (the scripted stories all report).
    const storyCodes = new Set(Object.values(history.stories).flat());
    expect(data.totals.not_reported).toBe(org.targets.filter((t, i) => i % 10 === 9 && !storyCodes.has(t.code)).length);
    const perDepartment = data.departments.reduce((n, d) => n + d.targetCount, 0);
    expect(perDepartment).toBe(279);
  });

  it('lists exactly the scripted changes of the last week', async () => {
    const data = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
    const codes = (kind: string) =>
      (data?.changes ?? [])
        .filter((c) => c.kind === kind)
        .map((c) => c.code)
        .sort();
    expect(codes('off_track')).toEqual(history.stories.newlyOffTrack);
    expect(codes('at_risk')).toEqual(history.stories.newlyAtRisk);
    expect(codes('done')).toEqual(history.stories.completed);
    expect(codes('recovered')).toEqual(history.stories.recovered);
    const sk1 = data?.changes.find((c) => c.code === 'SK-1');
    expect(sk1).toMatchObject({ from: 'on_track', to: 'off_track' });
  });

  it('counts overdue milestones (open and due before today) per department', async () => {
    const data = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
    const done = new Set(history.doneMilestones.map((m) => m.id));
    for (const department of data?.departments ?? []) {
      const expected = org.targets
        .filter((t) => t.departmentId === department.id)
        .flatMap((t) => t.milestones)
        .filter((m) => m.dueOn < '2026-11-30' && !done.has(m.id)).length;
      expect(department.overdueMilestones, department.code).toBe(expected);
    }
    expect(data?.overdueMilestones).toBeGreaterThan(0);
  });

  it('treats a milestone finished after the digest instant as still overdue then (time travel)', async () => {
    const seisaku = org.targets.find((t) => t.code === 'SK-2');
    const milestone = seisaku?.milestones.find((m) => m.dueOn === '2026-05-29');
    if (!seisaku || !milestone) throw new Error('fixture changed');
    const before = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
    await database.db.milestone.update({
      where: { id: milestone.id },
      data: { doneAt: new Date('2026-12-01T00:00:00Z') },
    });
    const after = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
    const later = await buildDigestData(database.db, {
      now: new Date('2026-12-07T00:00:00Z'),
      timeZone: TZ,
      defaultCadence: CADENCE,
    });
    await database.db.milestone.update({ where: { id: milestone.id }, data: { doneAt: null } });
    const count = (d: typeof before) => d?.targets.find((t) => t.code === 'SK-2')?.overdueMilestones.length ?? -1;
    expect(count(after)).toBe(count(before));
    expect(count(later)).toBe(count(before) - 1);
  });

  it('flags silent targets: not done and no report for longer than the biweekly cadence', async () => {
    const data = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
    const silent = new Set(data?.targets.filter((t) => t.silent).map((t) => t.id));
    org.targets.forEach((t, i) => {
      const status = scriptedStatusAt(history, t.id, NOW);
      const stoppedOrNever = i % 10 === 8 || i % 10 === 9;
      const isStory = Object.values(history.stories).flat().includes(t.code);
      if (isStory) return;
      expect(silent.has(t.id), t.code).toBe(stoppedOrNever && status !== 'done');
    });
    expect(data?.silentTargets).toBe(silent.size);
  });

  it('uses the cadence setting and department overrides for silence', async () => {
    await database.db.setting.create({ data: { key: 'cadence', value: 'monthly' } });
    const kaikei = org.departments.find((d) => d.code === 'kaikei');
    if (!kaikei) throw new Error('fixture changed');
    await database.db.department.update({ where: { id: kaikei.id }, data: { cadence: 'weekly' } });
    try {
      const data = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
      expect(data?.defaultCadenceDays).toBe(31);
      expect(data?.departments.find((d) => d.code === 'kaikei')?.cadenceDays).toBe(7);
      expect(data?.departments.find((d) => d.code === 'seisaku')?.cadenceDays).toBe(31);
      // Stopped on 10-30: 31 days of silence is not more than a month.
      const stopped = data?.targets.find(
        (t) =>
          t.lastReportedAt?.toISOString() === '2026-10-30T00:00:00.000Z' &&
          t.departmentId !== kaikei.id &&
          t.status !== 'done',
      );
      expect(stopped).toBeDefined();
      expect(stopped?.silent).toBe(false);
    } finally {
      await database.db.setting.delete({ where: { key: 'cadence' } });
      await database.db.department.update({ where: { id: kaikei.id }, data: { cadence: null } });
    }
  });

  it('gives each target the achievement rule’s figure from its latest value, and departments the clamped mean', async () => {
    const data = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
    const withIndicator = data?.targets.filter((t) => t.hasIndicator) ?? [];
    expect(withIndicator.length).toBe(
      org.targets.filter((t) => t.indicatorBaseline !== null && t.indicatorTarget !== null).length,
    );
    for (const t of data?.targets ?? []) {
      const seeded = org.targets.find((s) => s.id === t.id);
      const values = history.updates.filter((u) => u.targetId === t.id && u.value !== null && u.at <= NOW);
      const last = values.at(-1)?.value ?? null;
      if (last === null || !seeded || seeded.indicatorBaseline === null || seeded.indicatorTarget === null) {
        expect(t.achievement, t.code).toBeNull();
        continue;
      }
      const expected = ((last - seeded.indicatorBaseline) / (seeded.indicatorTarget - seeded.indicatorBaseline)) * 100;
      expect(t.achievement, t.code).toBeCloseTo(expected, 6);
    }
    for (const d of data?.departments ?? []) {
      const figures = (data?.targets ?? []).flatMap((t) =>
        t.departmentId === d.id && t.achievement !== null ? [Math.min(100, Math.max(0, t.achievement))] : [],
      );
      const mean = figures.length === 0 ? null : figures.reduce((a, b) => a + b, 0) / figures.length;
      if (mean === null) expect(d.averageAchievement, d.code).toBeNull();
      else expect(d.averageAchievement, d.code).toBeCloseTo(mean, 6);
    }
    expect(data?.averageAchievement).not.toBeNull();
  });

  it('builds a weekly trend from April to now whose last point equals the totals', async () => {
    const data = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
    const trend = data?.trend ?? [];
    expect(trend[0]?.day).toBe('2026-04-06');
    expect(trend.at(-1)?.day).toBe('2026-11-30');
    expect(trend).toHaveLength(35);
    expect(trend.at(-1)?.counts).toEqual(data?.totals);
    expect(trend.at(-2)?.counts).toEqual(data?.previousTotals);
    expect(trend[0]?.counts.not_reported).toBe(279);
    for (const p of trend) expect(Object.values(p.counts).reduce((a, b) => a + b, 0)).toBe(279);
  });

  it('counts the days until the next review window, or the days left while it is open', async () => {
    const data = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
    expect(data?.nextReview).toMatchObject({ name: '自己評価', opensOn: '2027-06-01', daysUntil: 183, open: false });
    const during = await buildDigestData(database.db, {
      now: new Date('2027-06-10T00:00:00Z'),
      timeZone: TZ,
      defaultCadence: CADENCE,
      fiscalYear: 2026,
    });
    expect(during?.nextReview).toMatchObject({ name: '自己評価', open: true, daysUntil: -9 });
  });

  it('ignores reports made after the digest instant', async () => {
    const target = org.targets.find((t) => t.code === 'SK-5');
    if (!target) throw new Error('fixture changed');
    const future = await database.db.progressUpdate.create({
      data: {
        targetId: target.id,
        reporterId: 'U0LATE0001',
        reportedAt: new Date('2026-12-02T00:00:00Z'),
        status: 'off_track',
      },
    });
    try {
      const data = await buildDigestData(database.db, { now: NOW, timeZone: TZ, defaultCadence: CADENCE });
      expect(data?.targets.find((t) => t.id === target.id)?.status).toBe(scriptedStatusAt(history, target.id, NOW));
    } finally {
      await database.db.progressUpdate.delete({ where: { id: future.id } });
    }
  });
});

describe.each(PROVIDERS)('buildDigestData over more targets than one status-change query reads, on %s', (provider) => {
  let database: TestDatabase;
  const WEEKS = 20;
  const START = Date.parse('2026-04-03T01:00:00Z');
  const STATUSES = ['on_track', 'on_track', 'on_track', 'at_risk', 'off_track', 'done'] as const;
  /** The synthetic history's status of the target with index ti (in id order) at an instant. */
  const expectedStatus = (ti: number, at: number): string => {
    let last: string = 'not_reported';
    for (let w = 0; w < WEEKS; w += 1) {
      if (START + w * 7 * 86_400_000 + (ti % 5) * 3_600_000 <= at) {
        last = STATUSES[(ti * 7 + Math.floor(w / 8)) % STATUSES.length] as string;
      }
    }
    return last;
  };

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    // 1,230 targets: the status changes are read in two pages of targets and a partial third.
    await seedSyntheticOrganization(database.db, {
      provider,
      departments: 41,
      targetsPerDepartment: 30,
      weeks: WEEKS,
    });
  });
  afterAll(async () => database?.destroy());

  it('gives every target the status of its history, now and at every trend point', async () => {
    const now = new Date('2026-07-20T00:00:00Z'); // week 15: statuses changed at weeks 8 and 16
    const data = await buildDigestData(database.db, { now, timeZone: TZ, defaultCadence: CADENCE });
    if (!data) throw new Error('no digest data');
    expect(data.targetCount).toBe(1230);
    const indexOf = new Map(
      [...data.targets]
        .map((t) => t.id)
        .sort((a, b) => a - b)
        .map((id, ti) => [id, ti]),
    );
    const mismatched = data.targets.filter((t) => t.status !== expectedStatus(indexOf.get(t.id) ?? -1, now.getTime()));
    expect(mismatched).toEqual([]);
    const lastWeek = now.getTime() - 7 * 86_400_000;
    expect(data.targets.filter((t) => t.previousStatus !== expectedStatus(indexOf.get(t.id) ?? -1, lastWeek))).toEqual(
      [],
    );
    for (const [i, point] of data.trend.entries()) {
      // The trend's points are a week apart, the last one at now.
      const at = now.getTime() - (data.trend.length - 1 - i) * 7 * 86_400_000;
      const counts: Record<string, number> = {};
      for (const ti of indexOf.values()) {
        const s = expectedStatus(ti, at);
        counts[s] = (counts[s] ?? 0) + 1;
      }
      for (const [status, n] of Object.entries(point.counts))
        expect(n, `${point.day} ${status}`).toBe(counts[status] ?? 0);
    }
  });
});
