import { describe, expect, it } from 'vitest';
import { findPersonDepartments } from '../../../src/services/people/find-person-departments.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('findPersonDepartments on %s', (provider) => {
  const env = seededTestDatabase(provider, async (db) => {
    const org = await seedSmallOrg(db);
    // A manager who is also a member of the same department appears once, as manager.
    await db.departmentPerson.create({
      data: { departmentId: org.departments.seisaku, slackUserId: 'UMGR00001', role: 'member' },
    });
    return org;
  });

  it('finds a person’s departments once each, with the manager role', async () => {
    const departments = await findPersonDepartments(env.db, 'UMGR00001');
    expect(departments).toEqual([
      expect.objectContaining({ code: 'seisaku', isManager: true, channelId: 'C0SEISAKU1' }),
    ]);
    expect(await findPersonDepartments(env.db, 'UNOBODY01')).toEqual([]);
  });
});
