import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReviewWindows } from '../../../src/services/review/list-review-windows.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { buildOrganization } from '../../helpers/reminder-fixtures.js';

describe.each(PROVIDERS)('listReviewWindows on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('returns every window with calendar days and its fiscal year, earliest first', async () => {
    expect(await listReviewWindows(database.db)).toEqual([]);
    const org = await buildOrganization(database.db, {
      windows: [
        { name: '本部確認', opens: '2027-06-21', closes: '2027-07-10' },
        { name: '自己評価', opens: '2027-06-01', closes: '2027-06-20' },
      ],
      departments: [],
    });
    const windows = await listReviewWindows(database.db);
    expect(windows.map((w) => [w.name, w.opensOn, w.closesOn, w.fiscalYear, w.fiscalYearId])).toEqual([
      ['自己評価', '2027-06-01', '2027-06-20', 2026, org.fiscalYearId],
      ['本部確認', '2027-06-21', '2027-07-10', 2026, org.fiscalYearId],
    ]);
  });
});
