import { describe, expect, it } from 'vitest';
import { findLatestReport } from '../../../src/services/progress/find-latest-report.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('findLatestReport on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  it('is null for a target without reports', async () => {
    expect(await findLatestReport(env.db, env.org.targets.sk2)).toBeNull();
  });

  it('returns the most recent update of the target, the later id winning a tie', async () => {
    const at = (iso: string) => new Date(iso);
    const base = { targetId: env.org.targets.sk1, source: 'slack' };
    await env.db.progressUpdate.create({
      data: { ...base, reporterId: 'USTAFF001', reportedAt: at('2026-10-01T00:00:00Z'), status: 'on_track', value: 10 },
    });
    await env.db.progressUpdate.create({
      data: {
        ...base,
        reporterId: 'USTAFF002',
        reportedAt: at('2026-11-02T03:00:00Z'),
        status: 'at_risk',
        value: 40,
        comment: '遅れ気味',
      },
    });
    await env.db.progressUpdate.create({
      data: {
        ...base,
        reporterId: 'USTAFF001',
        reportedAt: at('2026-11-02T03:00:00Z'),
        status: 'off_track',
        percent: 12.5,
      },
    });
    // Another target's later update is not this target's.
    await env.db.progressUpdate.create({
      data: {
        targetId: env.org.targets.sm1,
        source: 'slack',
        reporterId: 'USOMU0001',
        reportedAt: at('2026-11-10T00:00:00Z'),
        status: 'done',
      },
    });
    expect(await findLatestReport(env.db, env.org.targets.sk1)).toEqual({
      status: 'off_track',
      value: null,
      percent: 12.5,
      comment: null,
      reportedAt: at('2026-11-02T03:00:00Z'),
      reporterId: 'USTAFF001',
    });
  });
});
