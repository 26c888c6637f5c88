import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import type { Organization } from '../../../src/import/organization.js';
import { parseOrganizationBytes } from '../../../src/import/read-organization-file.js';
import { importOrganization } from '../../../src/services/organization/import-organization.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { EXAMPLE_CSV, EXAMPLE_YAML } from '../../import/samples.js';

function load(path: string, format: 'yaml' | 'csv'): Organization {
  const result = parseOrganizationBytes(readFileSync(path), format);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
  return result.organization;
}

const example = load(EXAMPLE_YAML, 'yaml');
const NOW = new Date('2026-04-01T00:00:00Z');

/** Every row of every table the import touches, ids and timestamps included. */
async function rawSnapshot(db: Db) {
  return {
    fiscalYears: await db.fiscalYear.findMany({ orderBy: { id: 'asc' } }),
    settings: await db.setting.findMany({ orderBy: { key: 'asc' } }),
    reviewWindows: await db.reviewWindow.findMany({ orderBy: { id: 'asc' } }),
    departments: await db.department.findMany({ orderBy: { id: 'asc' } }),
    people: await db.departmentPerson.findMany({ orderBy: { id: 'asc' } }),
    targets: await db.target.findMany({ orderBy: { id: 'asc' } }),
    milestones: await db.milestone.findMany({ orderBy: { id: 'asc' } }),
    audit: await db.auditEvent.count(),
  };
}

/** The data itself, with ids replaced by codes, for comparing two databases. */
async function dataSnapshot(db: Db) {
  const departments = await db.department.findMany({ include: { people: true }, orderBy: { code: 'asc' } });
  const targets = await db.target.findMany({
    include: { department: true, fiscalYear: true, milestones: true },
    orderBy: { code: 'asc' },
  });
  return {
    fiscalYears: (await db.fiscalYear.findMany({ include: { reviewWindows: true } })).map((fy) => ({
      year: fy.year,
      leadershipChannel: fy.leadershipChannel,
      windows: fy.reviewWindows.map((w) => [w.name, w.opensOn.toISOString(), w.closesOn.toISOString()]).sort(),
    })),
    settings: (await db.setting.findMany({ orderBy: { key: 'asc' } })).map((s) => [s.key, s.value]),
    departments: departments.map(({ id: _id, createdAt: _c, updatedAt: _u, people, ...d }) => ({
      ...d,
      people: people.map((p) => `${p.role}:${p.slackUserId}`).sort(),
    })),
    targets: targets.map(
      ({
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        fiscalYearId: _f,
        departmentId: _d,
        department,
        fiscalYear,
        milestones,
        ...t
      }) => ({
        ...t,
        department: department.code,
        year: fiscalYear.year,
        milestones: milestones
          .map((m) => ({ title: m.title, dueOn: m.dueOn.toISOString(), sortOrder: m.sortOrder, doneAt: m.doneAt }))
          .sort((a, b) => a.sortOrder - b.sortOrder),
      }),
    ),
  };
}

describe.each(PROVIDERS)('importOrganization on %s', (provider) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = database.db;
  });
  afterAll(async () => database?.destroy());

  it('imports the example: 20 departments, 279 targets, 739 milestones, with progress per department', async () => {
    const progress: string[] = [];
    const result = await importOrganization(db, example, {
      now: NOW,
      actorId: 'U0HQ000001',
      source: 'itabashi-fy2026.yaml',
      onProgress: (p) => progress.push(`[${p.index}/${p.total}] ${p.name}: ${p.targets}`),
    });
    expect(result).toMatchObject({
      fiscalYear: 'create',
      departments: { created: 20, updated: 0, unchanged: 0 },
      targets: { created: 279, updated: 0, unchanged: 0 },
      milestones: { created: 739, updated: 0, unchanged: 0, deleted: 0 },
      people: { added: 81, removed: 0 },
      reviewWindows: { created: 2 },
      changed: true,
      warnings: [],
    });
    expect(progress).toHaveLength(20);
    expect(progress[2]).toBe('[3/20] 危機管理部: 19');
    expect(await db.department.count()).toBe(20);
    expect(await db.target.count()).toBe(279);
    expect(await db.milestone.count()).toBe(739);
    expect(await db.departmentPerson.count()).toBe(81);

    const fy = await db.fiscalYear.findUniqueOrThrow({
      where: { year: 2026 },
      include: { reviewWindows: { orderBy: { opensOn: 'asc' } } },
    });
    expect(fy.leadershipChannel).toBe('C0LEAD0001');
    expect(fy.reviewWindows.map((w) => [w.name, w.opensOn.toISOString(), w.closesOn.toISOString()])).toEqual([
      ['自己評価', '2027-06-01T00:00:00.000Z', '2027-06-20T00:00:00.000Z'],
      ['本部確認', '2027-06-21T00:00:00.000Z', '2027-07-10T00:00:00.000Z'],
    ]);
    expect(await db.setting.findMany({ select: { key: true, value: true } })).toEqual([
      { key: 'hq_users', value: '["U0HQ000001"]' },
      { key: 'organization_name', value: '板橋区' },
    ]);
    const sk1 = await db.target.findFirstOrThrow({
      where: { code: 'SK-1' },
      include: { department: true, milestones: { orderBy: { sortOrder: 'asc' } } },
    });
    expect(sk1).toMatchObject({
      category: '施策',
      ownerId: 'U0SEISAK01',
      indicatorKind: 'activity',
      indicatorUnit: '%',
      indicatorBaseline: 0,
      indicatorTarget: 100,
      sortOrder: 0,
      department: { code: 'seisaku', name: '政策経営部', sortOrder: 0, channelId: 'C0SEISAK01' },
    });
    expect(sk1.milestones.map((m) => [m.title, m.dueOn.toISOString().slice(0, 10), m.sortOrder])).toEqual([
      ['改訂素案作成', '2026-08-31', 0],
      ['パブリックコメント', '2026-11-30', 1],
      ['改訂版の策定・公表', '2027-02-26', 2],
    ]);
    const audit = await db.auditEvent.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: 'U0HQ000001', action: 'import', subject: 'fy:2026', at: NOW });
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({
      source: 'itabashi-fy2026.yaml',
      targets: { created: 279 },
      milestones: { created: 739 },
    });
  });

  it('re-importing the same file changes no row and no updatedAt', async () => {
    const before = await rawSnapshot(db);
    const result = await importOrganization(db, example, { now: new Date('2026-04-02T00:00:00Z') });
    expect(result).toMatchObject({
      fiscalYear: 'none',
      departments: { created: 0, updated: 0, unchanged: 20 },
      targets: { created: 0, updated: 0, unchanged: 279 },
      milestones: { created: 0, updated: 0, unchanged: 739, deleted: 0 },
      people: { added: 0, removed: 0, unchanged: 81 },
      changed: false,
    });
    expect(await rawSnapshot(db)).toEqual(before);
  });

  it('a dry run reports the changes and writes nothing', async () => {
    const before = await rawSnapshot(db);
    const changed = structuredClone(example);
    changed.departments[0]?.targets.push({
      code: 'SK-99',
      category: '施策',
      title: '新しい目標',
      description: null,
      ownerId: null,
      indicator: null,
      milestones: [{ title: '着手', dueOn: '2026-06-01' }],
    });
    const result = await importOrganization(db, changed, { now: NOW, dryRun: true });
    expect(result).toMatchObject({ dryRun: true, changed: true, targets: { created: 1 }, milestones: { created: 1 } });
    expect(await rawSnapshot(db)).toEqual(before);
  });

  it('a changed file updates in place: title, removed member, added milestone', async () => {
    const before = await rawSnapshot(db);
    const changed = structuredClone(example);
    const seisaku = changed.departments[0];
    const sk2 = seisaku?.targets[1];
    if (!seisaku || !sk2) throw new Error('fixture');
    sk2.title = '補正予算対応（改題）';
    seisaku.members = seisaku.members.filter((m) => m !== 'U0SEISAK03');
    const sk1 = seisaku.targets[0];
    sk1?.milestones.push({ title: '説明会', dueOn: '2027-03-15' });

    const result = await importOrganization(db, changed, { now: new Date('2026-05-01T00:00:00Z') });
    expect(result).toMatchObject({
      targets: { created: 0, updated: 1, unchanged: 278 },
      milestones: { created: 1, updated: 0, unchanged: 739, deleted: 0 },
      people: { added: 0, removed: 1 },
      departments: { updated: 0, unchanged: 20 },
      changed: true,
    });
    const after = await rawSnapshot(db);
    expect(after.targets.map((t) => t.id)).toEqual(before.targets.map((t) => t.id));
    const changedRows = after.targets.filter(
      (t, i) => t.updatedAt.getTime() !== before.targets[i]?.updatedAt.getTime(),
    );
    expect(changedRows.map((t) => [t.code, t.title])).toEqual([['SK-2', '補正予算対応（改題）']]);
    expect(after.milestones).toHaveLength(740);
    expect(after.people.map((p) => p.slackUserId)).not.toContain('U0SEISAK03');
    expect(after.people).toHaveLength(80);
    expect(after.departments).toEqual(before.departments);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('keeps completed milestones and dropped targets (with warnings), deletes open milestones', async () => {
    const sk3 = await db.target.findFirstOrThrow({
      where: { code: 'SK-3' },
      include: { milestones: { orderBy: { sortOrder: 'asc' } } },
    });
    const [first, second] = sk3.milestones;
    if (!first || !second) throw new Error('fixture');
    await db.progressUpdate.create({
      data: {
        targetId: sk3.id,
        reporterId: 'U0SEISAK03',
        status: 'on_track',
        milestones: { create: [{ milestoneId: first.id }] },
      },
    });
    const changed = structuredClone(example);
    const seisaku = changed.departments[0];
    if (!seisaku?.targets[2]) throw new Error('fixture');
    seisaku.targets[2].milestones = seisaku.targets[2].milestones.slice(2);
    seisaku.targets = seisaku.targets.filter((t) => t.code !== 'SK-9');
    const result = await importOrganization(db, changed, { now: NOW });
    // Deleted: SK-3's second milestone, and SK-1's 説明会 added by the previous test (not in this file).
    expect(result.milestones).toMatchObject({ deleted: 2, kept: 1 });
    expect(result.warnings).toEqual([
      `milestone "${first.title}" of target SK-3 is not in the file but was completed; it was kept`,
      expect.stringMatching(/^target SK-9 ".+" is in the database for FY2026 but not in the file; it was kept/),
    ]);
    const ids = (await db.milestone.findMany({ where: { targetId: sk3.id } })).map((m) => m.id);
    expect(ids).toContain(first.id);
    expect(ids).not.toContain(second.id);
    expect(await db.target.count({ where: { code: 'SK-9' } })).toBe(1);
    const again = await importOrganization(db, changed, { now: NOW });
    expect(again).toMatchObject({ changed: false, milestones: { kept: 1, deleted: 0, updated: 0 } });
  });

  it('writes nothing when the import fails halfway (one transaction)', async () => {
    const before = await rawSnapshot(db);
    const changed = structuredClone(example);
    for (const t of changed.departments.flatMap((d) => d.targets)) t.title = `${t.title}（改）`;
    await expect(
      importOrganization(db, changed, {
        now: NOW,
        onProgress: (p) => {
          if (p.index === 5) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await rawSnapshot(db)).toEqual(before);
  });

  it('importing the YAML and the CSV into two fresh databases yields identical data', async () => {
    const fromYaml = await createTestDatabase(provider);
    const fromCsv = await createTestDatabase(provider);
    try {
      await importOrganization(fromYaml.db, example, { now: NOW });
      await importOrganization(fromCsv.db, load(EXAMPLE_CSV, 'csv'), { now: NOW });
      const yamlData = await dataSnapshot(fromYaml.db);
      expect(yamlData.targets).toHaveLength(279);
      expect(yamlData.targets.flatMap((t) => t.milestones)).toHaveLength(739);
      expect(await dataSnapshot(fromCsv.db)).toEqual(yamlData);
    } finally {
      await fromYaml.destroy();
      await fromCsv.destroy();
    }
  });
});
