import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../../src/calendar/days.js';
import { findReviewFiscalYear } from '../../../src/services/review/find-review-fiscal-year.js';
import { getReviewPeriod } from '../../../src/services/review/get-review-period.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('findReviewFiscalYear and getReviewPeriod on %s', (provider) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    expect(await findReviewFiscalYear(database.db, { today: '2027-06-10' })).toBeNull();
    await seedReviewOrg(database.db);
    await database.db.fiscalYear.create({
      data: {
        year: 2027,
        reviewWindows: {
          create: {
            name: '自己評価',
            opensOn: dateFromCalendar('2028-06-01'),
            closesOn: dateFromCalendar('2028-06-20'),
          },
        },
      },
    });
    await database.db.fiscalYear.create({ data: { year: 2028 } });
  });
  afterAll(async () => database?.destroy());

  it('picks the latest review that has opened, else the next one', async () => {
    expect(await findReviewFiscalYear(database.db, { today: '2027-05-01' })).toMatchObject({
      year: 2026,
      period: { phase: 'before', opensOn: '2027-06-01' },
    });
    expect(await findReviewFiscalYear(database.db, { today: '2027-06-10' })).toMatchObject({
      year: 2026,
      period: { phase: 'open', currentWindow: '自己評価' },
    });
    // Long after FY2026's review and before FY2027's: FY2026 is still the one to finish.
    expect(await findReviewFiscalYear(database.db, { today: '2027-12-01' })).toMatchObject({
      year: 2026,
      period: { phase: 'after' },
    });
    expect(await findReviewFiscalYear(database.db, { today: '2028-06-01' })).toMatchObject({
      year: 2027,
      period: { phase: 'open' },
    });
  });

  it('gives a year’s period, unscheduled without windows, null for an unknown year', async () => {
    expect(await getReviewPeriod(database.db, { fiscalYear: 2026, today: '2027-06-25' })).toMatchObject({
      phase: 'open',
      currentWindow: '本部確認',
    });
    expect(await getReviewPeriod(database.db, { fiscalYear: 2028, today: '2029-06-25' })).toMatchObject({
      phase: 'unscheduled',
    });
    expect(await getReviewPeriod(database.db, { fiscalYear: 2031, today: '2032-06-25' })).toBeNull();
  });
});
