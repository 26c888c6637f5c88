import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHomeData } from '../../../src/services/progress/get-home-data.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { IN_REVIEW, PEOPLE, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('getHomeData on %s', (provider) => {
  let database: TestDatabase;
  const NOW = new Date('2026-11-20T01:00:00Z');
  const home = (slackUserId: string, now = NOW) =>
    getHomeData(database.db, { slackUserId, hqUsers: [], now, timeZone: 'Asia/Tokyo' });

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedReviewOrg(database.db);
    await database.db.slackUser.create({
      data: { id: PEOPLE.managerA, pausedUntil: new Date('2026-12-10T00:00:00Z') },
    });
  });
  afterAll(async () => database?.destroy());

  it('gathers a person’s departments and targets of the current fiscal year, and their pause', async () => {
    const data = await home(PEOPLE.managerA);
    expect(data).toMatchObject({
      fiscalYear: 2026,
      today: '2026-11-20',
      pausedUntil: '2026-12-10',
      review: null,
      org: null,
    });
    expect(data.departments.map((d) => [d.name, d.targets.map((t) => t.code)])).toEqual([
      ['政策経営部', ['SK-1', 'SK-2', 'SK-3', 'SK-4', 'SK-5']],
    ]);
    expect(data.departments[0]?.targets.find((t) => t.code === 'SK-2')?.overdueMilestones).toHaveLength(1);
  });

  it('adds the organisation overview for headquarters', async () => {
    const data = await home(PEOPLE.hq);
    expect(data.departments).toEqual([]);
    expect(data.org?.map((d) => [d.code, d.total])).toEqual([
      ['seisaku', 5],
      ['kumin', 1],
    ]);
  });

  it('counts the review steps waiting for the person while a review is open', async () => {
    const data = await home(PEOPLE.memberB1, IN_REVIEW);
    expect(data.review).toEqual({ fiscalYear: 2026, phase: 'open', closesOn: '2027-07-10', pending: 1 });
  });

  it('shows the ended year’s targets in its review season until the new year is imported, then the new year’s', async () => {
    const during = await home(PEOPLE.managerA, IN_REVIEW);
    expect(during.fiscalYear).toBe(2026);
    expect(during.departments[0]?.targets.map((t) => t.code)).toContain('SK-1');
    const fy = await database.db.fiscalYear.create({ data: { year: 2027 } });
    const imported = await home(PEOPLE.managerA, IN_REVIEW);
    expect(imported.fiscalYear).toBe(2027);
    expect(imported.departments[0]?.targets).toEqual([]);
    // Review actions stay with the year under review.
    expect(imported.review?.fiscalYear).toBe(2026);
    await database.db.fiscalYear.delete({ where: { id: fy.id } });
  });
});
