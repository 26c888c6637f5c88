import { describe, expect, it } from 'vitest';
import { recordOwnProgressUpdate } from '../../../src/services/progress/record-own-progress-update.js';
import { recordProgressUpdate } from '../../../src/services/progress/record-progress-update.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('recordOwnProgressUpdate on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  const base = () => ({
    targetId: env.org.targets.sk1,
    reporterId: 'USTAFF001',
    status: 'at_risk' as const,
    value: 12.5,
    percent: 40,
    comment: '遅れ <!here> & 対応中',
    reportedAt: new Date('2026-10-01T01:02:03.456Z'),
  });

  it('stores an update from a member of the target’s department, as the ORM would', async () => {
    const stored = await recordOwnProgressUpdate(env.db, base());
    expect(stored?.id).toEqual(expect.any(Number));
    const row = await env.db.progressUpdate.findUniqueOrThrow({ where: { id: stored?.id as number } });
    expect(row).toMatchObject({
      targetId: env.org.targets.sk1,
      reporterId: 'USTAFF001',
      status: 'at_risk',
      value: 12.5,
      percent: 40,
      comment: '遅れ <!here> & 対応中',
      source: 'slack',
    });
    expect(row.reportedAt.toISOString()).toBe('2026-10-01T01:02:03.456Z');
  });

  it('writes dates the way the ORM writes them, so range queries see both alike', async () => {
    const at = new Date('2026-11-05T09:30:00.001Z');
    const ours = await recordOwnProgressUpdate(env.db, { ...base(), reportedAt: at, value: null, comment: null });
    const orm = await recordProgressUpdate(env.db, { ...base(), reportedAt: at, milestoneIds: [] });
    const found = await env.db.progressUpdate.findMany({
      where: { reportedAt: { gte: at, lte: at } },
      select: { id: true, value: true, comment: true },
      orderBy: { id: 'asc' },
    });
    expect(found).toEqual([
      { id: ours?.id, value: null, comment: null },
      { id: orm.id, value: 12.5, comment: '遅れ <!here> & 対応中' },
    ]);
  });

  it('refuses people outside the department, unknown targets and impossible ids, writing nothing', async () => {
    const before = await env.db.progressUpdate.count();
    expect(await recordOwnProgressUpdate(env.db, { ...base(), targetId: env.org.targets.sm1 })).toBeNull();
    expect(await recordOwnProgressUpdate(env.db, { ...base(), reporterId: 'UNOBODY01' })).toBeNull();
    expect(await recordOwnProgressUpdate(env.db, { ...base(), targetId: 999_999 })).toBeNull();
    expect(await recordOwnProgressUpdate(env.db, { ...base(), targetId: Number.NaN })).toBeNull();
    expect(await recordOwnProgressUpdate(env.db, { ...base(), targetId: 2 ** 60 })).toBeNull();
    expect(await env.db.progressUpdate.count()).toBe(before);
  });

  it('computes statusChanged itself, as the trigger would (checked with the trigger dropped)', async () => {
    await env.db.$executeRawUnsafe(
      `DROP TRIGGER "ProgressUpdate_statusChanged"${provider === 'postgresql' ? ' ON "ProgressUpdate"' : ''}`,
    );
    const targetId = env.org.targets.sk2;
    const report = (minute: number, status: 'on_track' | 'at_risk') =>
      recordOwnProgressUpdate(env.db, {
        ...base(),
        targetId,
        status,
        reportedAt: new Date(Date.UTC(2026, 11, 1, 0, minute)),
      });
    // First report, a repeat, a change, a repeat at the same instant, a change back.
    for (const [minute, status] of [
      [0, 'on_track'],
      [10, 'on_track'],
      [20, 'at_risk'],
      [20, 'at_risk'],
      [30, 'on_track'],
    ] as const) {
      expect(await report(minute, status)).not.toBeNull();
    }
    const rows = await env.db.progressUpdate.findMany({
      where: { targetId },
      select: { status: true, statusChanged: true },
      orderBy: [{ reportedAt: 'asc' }, { id: 'asc' }],
    });
    expect(rows.map((r) => r.statusChanged)).toEqual([true, false, true, false, true]);
  });
});
