import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLatestValues } from '../../src/services/list-latest-values.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';

describe.each(PROVIDERS)('listLatestValues on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedSmallOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('gives each target its newest value, skipping newer updates without one; ties go to the later row', async () => {
    const report = (targetId: number, at: string, value: number | null) =>
      database.db.progressUpdate.create({
        data: { targetId, reporterId: 'USTAFF001', reportedAt: new Date(at), status: 'on_track', value },
      });
    await report(org.targets.sk1, '2026-06-01T00:00:00Z', 10);
    await report(org.targets.sk1, '2026-07-01T00:00:00Z', 25);
    await report(org.targets.sk1, '2026-08-01T00:00:00Z', null);
    await report(org.targets.sk2, '2026-07-01T00:00:00Z', 3);
    await report(org.targets.sk2, '2026-07-01T00:00:00Z', 4);
    await report(org.targets.sm1, '2026-07-01T00:00:00Z', null);

    const latest = await listLatestValues(database.db, [org.targets.sk1, org.targets.sk2, org.targets.sm1]);
    expect([...latest].sort(([a], [b]) => a - b)).toEqual(
      [
        [org.targets.sk1, 25],
        [org.targets.sk2, 4],
      ].sort(([a], [b]) => (a as number) - (b as number)),
    );
    expect((await listLatestValues(database.db, [org.targets.sk2])).get(org.targets.sk2)).toBe(4);
    expect(await listLatestValues(database.db, [])).toEqual(new Map());
  });
});
