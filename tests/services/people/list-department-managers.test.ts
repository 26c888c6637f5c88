import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDepartmentManagers } from '../../../src/services/people/list-department-managers.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { buildOrganization } from '../../helpers/reminder-fixtures.js';

describe.each(PROVIDERS)('listDepartmentManagers on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('lists only managers, per department', async () => {
    const org = await buildOrganization(database.db, {
      departments: [
        { code: 'a', managers: ['UM2', 'UM1'], members: ['U1', 'UM1'], targets: [] },
        { code: 'b', members: ['U2'], targets: [] },
      ],
    });
    const managers = await listDepartmentManagers(database.db, [
      org.departmentIds.a as number,
      org.departmentIds.b as number,
    ]);
    expect(managers.get(org.departmentIds.a as number)).toEqual(['UM1', 'UM2']);
    expect(managers.has(org.departmentIds.b as number)).toBe(false);
    expect((await listDepartmentManagers(database.db, [])).size).toBe(0);
  });
});
