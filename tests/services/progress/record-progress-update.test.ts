import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { recordProgressUpdate } from '../../../src/services/progress/record-progress-update.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('recordProgressUpdate on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  const base = () => ({
    targetId: env.org.targets.sk1,
    reporterId: 'USTAFF001',
    status: 'on_track' as const,
    value: 12.5,
    percent: null,
    comment: 'コメント',
    milestoneIds: [] as number[],
    reportedAt: new Date('2026-10-01T00:00:00Z'),
  });

  it('appends an update with its milestones and marks them done, in UTC', async () => {
    const { id } = await recordProgressUpdate(env.db, { ...base(), milestoneIds: [env.org.milestones.sk1a] });
    const row = await env.db.progressUpdate.findUniqueOrThrow({ where: { id }, include: { milestones: true } });
    expect(row).toMatchObject({ value: 12.5, status: 'on_track', comment: 'コメント', source: 'slack' });
    expect(row.reportedAt.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(row.milestones.map((m) => m.milestoneId)).toEqual([env.org.milestones.sk1a]);
    const milestone = await env.db.milestone.findUniqueOrThrow({ where: { id: env.org.milestones.sk1a } });
    expect(milestone.doneAt?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('never rewrites history: a correction is a new row, and a done milestone keeps its first date', async () => {
    const before = await env.db.progressUpdate.count();
    await recordProgressUpdate(env.db, {
      ...base(),
      value: 13,
      milestoneIds: [env.org.milestones.sk1a],
      reportedAt: new Date('2026-10-02T00:00:00Z'),
    });
    expect(await env.db.progressUpdate.count()).toBe(before + 1);
    const milestone = await env.db.milestone.findUniqueOrThrow({ where: { id: env.org.milestones.sk1a } });
    expect(milestone.doneAt?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('refuses milestones of another target and writes nothing', async () => {
    const before = await env.db.progressUpdate.count();
    await expect(
      recordProgressUpdate(env.db, { ...base(), milestoneIds: [env.org.milestones.sm1a] }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await env.db.progressUpdate.count()).toBe(before);
    const other = await env.db.milestone.findUniqueOrThrow({ where: { id: env.org.milestones.sm1a } });
    expect(other.doneAt).toBeNull();
  });
});
