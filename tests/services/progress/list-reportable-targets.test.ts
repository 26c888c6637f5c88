import { describe, expect, it } from 'vitest';
import { listReportableTargets } from '../../../src/services/progress/list-reportable-targets.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('listReportableTargets on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  it('lists only the targets of the person’s departments for the fiscal year, in order, up to a limit', async () => {
    const targets = await listReportableTargets(env.db, { slackUserId: 'USTAFF001', fiscalYear: 2026 });
    expect(targets.map((t) => t.code)).toEqual(['SK-1', 'SK-2']);
    expect(await listReportableTargets(env.db, { slackUserId: 'USTAFF001', fiscalYear: 2025 })).toEqual([]);
    const limited = await listReportableTargets(env.db, { slackUserId: 'USTAFF001', fiscalYear: 2026, limit: 1 });
    expect(limited.map((t) => t.code)).toEqual(['SK-1']);
    const searched = await listReportableTargets(env.db, {
      slackUserId: 'USTAFF001',
      fiscalYear: 2026,
      query: 'LINE',
    });
    expect(searched.map((t) => t.code)).toEqual(['SK-1']);
  });
});
