import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersonDepartments } from '../../src/services/find-person-departments.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { type SeededOrg, seedSmallOrg } from '../helpers/seed.js';

describe.each(PROVIDERS)('findPersonDepartments on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedSmallOrg(database.db);
    // A manager who is also a member of the same department appears once, as manager.
    await database.db.departmentPerson.create({
      data: { departmentId: org.departments.seisaku, slackUserId: 'UMGR00001', role: 'member' },
    });
  });
  afterAll(async () => database?.destroy());

  it('finds a person’s departments once each, with the manager role', async () => {
    const departments = await findPersonDepartments(database.db, 'UMGR00001');
    expect(departments).toEqual([
      expect.objectContaining({ code: 'seisaku', isManager: true, channelId: 'C0SEISAKU1' }),
    ]);
    expect(await findPersonDepartments(database.db, 'UNOBODY01')).toEqual([]);
  });
});
