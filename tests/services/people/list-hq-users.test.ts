import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHqUsers } from '../../../src/services/people/list-hq-users.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { PEOPLE, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('listHqUsers on %s', (provider) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedReviewOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('listHqUsers: configured, hq_users and the HQ department’s people, once each', async () => {
    expect(await listHqUsers(database.db, { configured: ['U0CONFIGHQ', PEOPLE.hq] })).toEqual([
      'U0CONFIGHQ',
      PEOPLE.hq,
    ]);
    await database.db.setting.create({ data: { key: 'hq_department', value: 'kumin' } });
    expect(await listHqUsers(database.db, { configured: [] })).toEqual(
      [PEOPLE.hq, PEOPLE.managerB, PEOPLE.memberB1].sort(),
    );
    await database.db.setting.delete({ where: { key: 'hq_department' } });
    await database.db.setting.update({ where: { key: 'hq_users' }, data: { value: 'not json' } });
    expect(await listHqUsers(database.db, { configured: [] })).toEqual([]);
    await database.db.setting.update({ where: { key: 'hq_users' }, data: { value: JSON.stringify([PEOPLE.hq]) } });
  });
});
