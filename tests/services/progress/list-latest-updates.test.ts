import { describe, expect, it } from 'vitest';
import { listLatestUpdates } from '../../../src/services/progress/list-latest-updates.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('listLatestUpdates on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  it('gives each target its newest update (ties to the later row) and its newest value, per year or department', async () => {
    const report = (
      targetId: number,
      at: string,
      status: string,
      extra: { value?: number | null; percent?: number | null } = {},
    ) =>
      env.db.progressUpdate.create({
        data: { targetId, reporterId: 'USTAFF001', reportedAt: new Date(at), status, ...extra },
      });
    const { sk1, sk2, sm1 } = env.org.targets;
    await report(sk1, '2026-06-01T00:00:00Z', 'on_track', { value: 10 });
    await report(sk1, '2026-07-01T00:00:00Z', 'at_risk', { value: 25, percent: 40 });
    await report(sk1, '2026-08-01T00:00:00Z', 'off_track', { value: null, percent: 12.5 });
    await report(sm1, '2026-07-01T00:00:00Z', 'on_track');
    await report(sm1, '2026-07-01T00:00:00Z', 'done', { value: 7 });

    const year = await listLatestUpdates(env.db, { fiscalYear: 2026 });
    expect(year.updates.get(sk1)).toEqual({
      status: 'off_track',
      reportedAt: new Date('2026-08-01T00:00:00Z'),
      reporterId: 'USTAFF001',
      percent: 12.5,
    });
    // Same instant: the later row wins.
    expect(year.updates.get(sm1)?.status).toBe('done');
    // Never reported on: absent.
    expect(year.updates.has(sk2)).toBe(false);
    // SK-1 has an indicator target: its newest value, skipping the newer update without one. SM-1
    // has none, so its value is not looked up.
    expect([...year.values]).toEqual([[sk1, 25]]);

    const seisaku = await listLatestUpdates(env.db, { fiscalYear: 2026, departmentId: env.org.departments.seisaku });
    expect([...seisaku.updates.keys()]).toEqual([sk1]);
    const other = await listLatestUpdates(env.db, { fiscalYear: 2027 });
    expect(other.updates.size + other.values.size).toBe(0);
  });
});
