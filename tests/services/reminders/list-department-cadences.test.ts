import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDepartmentCadences } from '../../../src/services/reminders/list-department-cadences.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { buildOrganization } from '../../helpers/reminder-fixtures.js';

describe.each(PROVIDERS)('listDepartmentCadences on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await buildOrganization(database.db, {
      departments: [
        { code: 'a', targets: [] },
        { code: 'b', cadence: 'weekly', targets: [] },
        { code: 'c', cadence: 'fortnightly?', targets: [] },
      ],
    });
  });
  afterAll(async () => database?.destroy());

  it('uses the department cadence, else the organisation Setting, else the configured default', async () => {
    expect(
      (await listDepartmentCadences(database.db, { defaultCadence: 'biweekly' })).map((d) => [d.code, d.cadence]),
    ).toEqual([
      ['a', 'biweekly'],
      ['b', 'weekly'],
      ['c', 'biweekly'],
    ]);
    await database.db.setting.create({ data: { key: 'cadence', value: '"monthly"' } });
    expect((await listDepartmentCadences(database.db, { defaultCadence: 'biweekly' })).map((d) => d.cadence)).toEqual([
      'monthly',
      'weekly',
      'monthly',
    ]);
  });
});
