import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { recordProgressUpdate } from '../../src/services/record-progress-update.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';

describe.each(PROVIDERS)('recordProgressUpdate on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedSmallOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  const base = () => ({
    targetId: org.targets.sk1,
    reporterId: 'USTAFF001',
    status: 'on_track' as const,
    value: 12.5,
    percent: null,
    comment: 'コメント',
    milestoneIds: [] as number[],
    reportedAt: new Date('2026-10-01T00:00:00Z'),
  });

  it('appends an update with its milestones and marks them done, in UTC', async () => {
    const { id } = await recordProgressUpdate(database.db, { ...base(), milestoneIds: [org.milestones.sk1a] });
    const row = await database.db.progressUpdate.findUniqueOrThrow({ where: { id }, include: { milestones: true } });
    expect(row).toMatchObject({ value: 12.5, status: 'on_track', comment: 'コメント', source: 'slack' });
    expect(row.reportedAt.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(row.milestones.map((m) => m.milestoneId)).toEqual([org.milestones.sk1a]);
    const milestone = await database.db.milestone.findUniqueOrThrow({ where: { id: org.milestones.sk1a } });
    expect(milestone.doneAt?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('never rewrites history: a correction is a new row, and a done milestone keeps its first date', async () => {
    const before = await database.db.progressUpdate.count();
    await recordProgressUpdate(database.db, {
      ...base(),
      value: 13,
      milestoneIds: [org.milestones.sk1a],
      reportedAt: new Date('2026-10-02T00:00:00Z'),
    });
    expect(await database.db.progressUpdate.count()).toBe(before + 1);
    const milestone = await database.db.milestone.findUniqueOrThrow({ where: { id: org.milestones.sk1a } });
    expect(milestone.doneAt?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('refuses milestones of another target and writes nothing', async () => {
    const before = await database.db.progressUpdate.count();
    await expect(
      recordProgressUpdate(database.db, { ...base(), milestoneIds: [org.milestones.sm1a] }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await database.db.progressUpdate.count()).toBe(before);
    const other = await database.db.milestone.findUniqueOrThrow({ where: { id: org.milestones.sm1a } });
    expect(other.doneAt).toBeNull();
  });
});
