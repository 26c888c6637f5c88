import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTargetFacts } from '../../../src/services/progress/list-target-facts.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { buildOrganization, reportProgress } from '../../helpers/reminder-fixtures.js';

describe.each(PROVIDERS)('listTargetFacts on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('gives owner, department, fiscal year, leadership channel and the latest report and self-assessment times', async () => {
    const org = await buildOrganization(database.db, {
      leadershipChannel: 'C0LEAD',
      departments: [{ code: 'a', name: '政策経営部', targets: [{ code: 'A-1', owner: 'U1' }, { code: 'A-2' }] }],
    });
    const a1 = org.targetIds['A-1'] as number;
    await reportProgress(database.db, a1, 'U1', new Date('2027-05-01T00:00:00Z'));
    await reportProgress(database.db, a1, 'U1', new Date('2027-05-20T00:00:00Z'));
    for (const [step, day] of [
      ['self', '2027-06-02'],
      ['return', '2027-06-03'],
      ['self', '2027-06-04'],
      ['approve', '2027-06-05'],
    ] as const) {
      await database.db.reviewStep.create({
        data: {
          targetId: a1,
          step,
          grade: step === 'self' ? 'B' : null,
          comment: 'c',
          actorId: 'U1',
          createdAt: new Date(`${day}T01:00:00Z`),
        },
      });
    }
    const facts = await listTargetFacts(database.db, [a1, org.targetIds['A-2'] as number, 999999]);
    expect(facts.size).toBe(2);
    expect(facts.get(a1)).toMatchObject({
      code: 'A-1',
      ownerId: 'U1',
      departmentCode: 'a',
      departmentName: '政策経営部',
      fiscalYear: 2026,
      leadershipChannel: 'C0LEAD',
      lastReportedAt: new Date('2027-05-20T00:00:00Z'),
      lastSelfAssessedAt: new Date('2027-06-04T01:00:00Z'),
    });
    expect(facts.get(org.targetIds['A-2'] as number)).toMatchObject({
      ownerId: null,
      lastReportedAt: null,
      lastSelfAssessedAt: null,
    });
  });
});
