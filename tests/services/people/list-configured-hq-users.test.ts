import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConfiguredHqUsers } from '../../../src/services/people/list-configured-hq-users.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

describe.each(PROVIDERS)('listConfiguredHqUsers on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());

  it('merges configured ids with the Setting hq_users, ignoring a malformed setting', async () => {
    expect(await listConfiguredHqUsers(database.db, { configured: ['UHQ2'] })).toEqual(['UHQ2']);
    await database.db.setting.create({ data: { key: 'hq_users', value: 'not json' } });
    expect(await listConfiguredHqUsers(database.db, { configured: ['UHQ2'] })).toEqual(['UHQ2']);
    await database.db.setting.update({
      where: { key: 'hq_users' },
      data: { value: JSON.stringify(['UHQ1', 'UHQ2', 42]) },
    });
    expect(await listConfiguredHqUsers(database.db, { configured: ['UHQ2', ''] })).toEqual(['UHQ1', 'UHQ2']);
  });
});
