import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../../src/calendar/days.js';
import { findLiveFiscalYears } from '../../../src/services/organization/find-live-fiscal-years.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

const TZ = 'Asia/Tokyo';
/** 09:00 in Tokyo on a calendar day. */
const at = (day: string) => new Date(`${day}T00:00:00Z`);

describe.each(PROVIDERS)('findLiveFiscalYears on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await database.db.fiscalYear.create({
      data: {
        year: 2026,
        leadershipChannel: 'C0LEAD2026',
        reviewWindows: {
          create: [
            { name: '自己評価', opensOn: dateFromCalendar('2027-06-01'), closesOn: dateFromCalendar('2027-06-20') },
            { name: '本部確認', opensOn: dateFromCalendar('2027-06-21'), closesOn: dateFromCalendar('2027-07-10') },
          ],
        },
      },
    });
  });
  afterAll(async () => database?.destroy());

  const years = async (day: string) => {
    const live = await findLiveFiscalYears(database.db, { now: at(day), timeZone: TZ });
    return {
      progress: live.progress?.year ?? null,
      season: live.season?.year ?? null,
      review: live.review?.year ?? null,
    };
  };

  it('is empty before anything is loaded for the day', async () => {
    expect(await years('2026-03-31')).toEqual({ progress: null, season: null, review: 2026 });
  });

  it('within the fiscal year: that year, for progress and review', async () => {
    expect(await years('2026-04-01')).toEqual({ progress: 2026, season: null, review: 2026 });
    expect(await years('2027-03-31')).toEqual({ progress: 2026, season: null, review: 2026 });
  });

  it('after March 31, keeps the year live until its last review window closes', async () => {
    expect(await years('2027-04-01')).toEqual({ progress: 2026, season: 2026, review: 2026 });
    expect(await years('2027-07-10')).toEqual({ progress: 2026, season: 2026, review: 2026 });
    expect(await years('2027-07-11')).toEqual({ progress: null, season: null, review: 2026 });
  });

  it('puts the new year first for progress once it is imported, beside the year under review', async () => {
    const fy = await database.db.fiscalYear.create({ data: { year: 2027, leadershipChannel: 'C0LEAD2027' } });
    const live = await findLiveFiscalYears(database.db, { now: at('2027-06-14'), timeZone: TZ });
    expect(live.today).toBe('2027-06-14');
    expect(live.progress).toMatchObject({ year: 2027, leadershipChannel: 'C0LEAD2027' });
    expect(live.season).toMatchObject({ year: 2026, period: { phase: 'open', currentWindow: '自己評価' } });
    expect(live.review?.year).toBe(2026);
    expect(await years('2027-07-11')).toEqual({ progress: 2027, season: null, review: 2026 });
    await database.db.fiscalYear.delete({ where: { id: fy.id } });
  });

  it('reads the day in the organisation’s time zone (23:30 UTC on 3/31 is April 1 in Tokyo)', async () => {
    const live = await findLiveFiscalYears(database.db, { now: new Date('2027-03-31T23:30:00Z'), timeZone: TZ });
    expect(live.season?.year).toBe(2026);
  });
});
