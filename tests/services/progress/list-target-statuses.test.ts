import { describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../../src/calendar/days.js';
import { listTargetStatuses } from '../../../src/services/progress/list-target-statuses.js';
import { recordProgressUpdate } from '../../../src/services/progress/record-progress-update.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('listTargetStatuses on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  it('reports the latest status, the latest value even when the newest update has none, and overdue milestones', async () => {
    const report = (at: string, value: number | null, status: 'on_track' | 'at_risk') =>
      recordProgressUpdate(env.db, {
        targetId: env.org.targets.sk1,
        reporterId: 'USTAFF001',
        status,
        value,
        percent: null,
        comment: null,
        milestoneIds: [],
        reportedAt: new Date(at),
      });
    await report('2026-10-01T00:00:00Z', 30, 'on_track');
    await report('2026-11-01T00:00:00Z', null, 'at_risk');
    const statuses = await listTargetStatuses(env.db, {
      departmentId: env.org.departments.seisaku,
      fiscalYear: 2026,
      today: dateFromCalendar('2026-11-20'),
    });
    const sk1 = statuses.find((s) => s.code === 'SK-1');
    expect(sk1?.latest?.status).toBe('at_risk');
    expect(sk1?.latestValue).toBe(30);
    expect(sk1?.overdueMilestones.map((m) => m.title)).toEqual(['要件定義']);
    expect(sk1?.nextMilestone?.title).toBe('運用開始');
    expect(statuses.find((s) => s.code === 'SK-2')?.latest).toBeNull();
  });
});
