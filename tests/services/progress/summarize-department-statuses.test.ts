import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../../src/calendar/days.js';
import type { Db } from '../../../src/db/client.js';
import { summarizeDepartmentStatuses } from '../../../src/services/progress/summarize-department-statuses.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('summarizeDepartmentStatuses on %s', (provider) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedReviewOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('counts each department’s targets by latest status, with overdue milestones', async () => {
    const rows = await summarizeDepartmentStatuses(database.db, {
      fiscalYear: 2026,
      today: dateFromCalendar('2027-04-01'),
    });
    expect(rows).toEqual([
      {
        id: expect.any(Number),
        code: 'seisaku',
        name: '政策経営部',
        nameEn: 'Policy and Management Department',
        total: 5,
        // SK-1's latest is at_risk (its earlier on_track reports do not count), SK-2 off_track, SK-4 done.
        counts: { on_track: 0, at_risk: 1, off_track: 1, done: 1, none: 2 },
        overdue: 1,
      },
      {
        id: expect.any(Number),
        code: 'kumin',
        name: '区民文化部',
        nameEn: 'Residents and Culture Department',
        total: 1,
        counts: { on_track: 0, at_risk: 0, off_track: 0, done: 1, none: 0 },
        overdue: 0,
      },
    ]);
  });

  it('counts a milestone as overdue only after its due day, and is empty for an unknown year', async () => {
    const [before] = await summarizeDepartmentStatuses(database.db, {
      fiscalYear: 2026,
      today: dateFromCalendar('2026-09-30'),
    });
    expect(before?.overdue).toBe(0);
    expect(
      await summarizeDepartmentStatuses(database.db, { fiscalYear: 2030, today: dateFromCalendar('2030-05-01') }),
    ).toEqual([]);
  });

  it('aggregates 200 departments without a query per department', async () => {
    const fy = await database.db.fiscalYear.create({ data: { year: 2040 } });
    for (let i = 0; i < 200; i++) {
      await database.db.department.create({
        data: {
          code: `bulk${i}`,
          name: `部${i}`,
          sortOrder: 1000 + i,
          targets: { create: [{ fiscalYearId: fy.id, code: `B${i}-1`, category: '施策', title: 't' }] },
        },
      });
    }
    const queries: string[] = [];
    const counted = database.db.$extends({
      query: {
        $allOperations: async ({ model, operation, args, query }) => {
          queries.push(model ? `${model}.${operation}` : operation);
          return query(args);
        },
      },
    }) as unknown as Db;
    const rows = await summarizeDepartmentStatuses(counted, {
      fiscalYear: 2040,
      today: dateFromCalendar('2040-05-01'),
    });
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.total === 1 && r.counts.none === 1)).toBe(true);
    // The latest statuses in one raw query (listLatestUpdates), not every update of the year.
    expect(queries.sort()).toEqual(['$queryRaw', 'Milestone.groupBy', 'Target.findMany']);
  });
});
