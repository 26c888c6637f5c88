import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHqUser } from '../../src/services/is-hq-user.js';
import { listDepartments } from '../../src/services/list-departments.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';
import { seedSmallOrg } from '../helpers/seed.js';

describe.each(PROVIDERS)('isHqUser on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedSmallOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('knows headquarters from configuration, from the imported list and from the HQ department', async () => {
    expect(await isHqUser(database.db, { slackUserId: 'UHQ000001', configured: ['UHQ000001'] })).toBe(true);
    expect(await isHqUser(database.db, { slackUserId: 'USTAFF001', configured: [] })).toBe(false);
    await database.db.setting.create({ data: { key: 'hq_users', value: JSON.stringify(['UHQ000002']) } });
    expect(await isHqUser(database.db, { slackUserId: 'UHQ000002', configured: [] })).toBe(true);
    await database.db.setting.create({ data: { key: 'hq_department', value: 'seisaku' } });
    expect(await isHqUser(database.db, { slackUserId: 'USTAFF001', configured: [] })).toBe(true);
    expect(await isHqUser(database.db, { slackUserId: 'USOMU0001', configured: [] })).toBe(false);
    expect((await listDepartments(database.db)).map((d) => d.code)).toEqual(['seisaku', 'somu']);
  });
});
