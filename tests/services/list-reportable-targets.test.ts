import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReportableTargets } from '../../src/services/list-reportable-targets.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { seedSmallOrg } from '../helpers/seed.js';

describe.each(PROVIDERS)('listReportableTargets on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedSmallOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('lists only the targets of the person’s departments for the fiscal year, in order, up to a limit', async () => {
    const targets = await listReportableTargets(database.db, { slackUserId: 'USTAFF001', fiscalYear: 2026 });
    expect(targets.map((t) => t.code)).toEqual(['SK-1', 'SK-2']);
    expect(await listReportableTargets(database.db, { slackUserId: 'USTAFF001', fiscalYear: 2025 })).toEqual([]);
    const limited = await listReportableTargets(database.db, { slackUserId: 'USTAFF001', fiscalYear: 2026, limit: 1 });
    expect(limited.map((t) => t.code)).toEqual(['SK-1']);
    const searched = await listReportableTargets(database.db, {
      slackUserId: 'USTAFF001',
      fiscalYear: 2026,
      query: 'LINE',
    });
    expect(searched.map((t) => t.code)).toEqual(['SK-1']);
  });
});
