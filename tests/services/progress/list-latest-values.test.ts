import { describe, expect, it } from 'vitest';
import { listLatestValues } from '../../../src/services/progress/list-latest-values.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('listLatestValues on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  it('gives each target its newest value, skipping newer updates without one; ties go to the later row', async () => {
    const report = (targetId: number, at: string, value: number | null) =>
      env.db.progressUpdate.create({
        data: { targetId, reporterId: 'USTAFF001', reportedAt: new Date(at), status: 'on_track', value },
      });
    await report(env.org.targets.sk1, '2026-06-01T00:00:00Z', 10);
    await report(env.org.targets.sk1, '2026-07-01T00:00:00Z', 25);
    await report(env.org.targets.sk1, '2026-08-01T00:00:00Z', null);
    await report(env.org.targets.sk2, '2026-07-01T00:00:00Z', 3);
    await report(env.org.targets.sk2, '2026-07-01T00:00:00Z', 4);
    await report(env.org.targets.sm1, '2026-07-01T00:00:00Z', null);

    const latest = await listLatestValues(env.db, [env.org.targets.sk1, env.org.targets.sk2, env.org.targets.sm1]);
    expect([...latest].sort(([a], [b]) => a - b)).toEqual(
      [
        [env.org.targets.sk1, 25],
        [env.org.targets.sk2, 4],
      ].sort(([a], [b]) => (a as number) - (b as number)),
    );
    expect((await listLatestValues(env.db, [env.org.targets.sk2])).get(env.org.targets.sk2)).toBe(4);
    expect(await listLatestValues(env.db, [])).toEqual(new Map());
  });
});
