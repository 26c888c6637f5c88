import { describe, expect, it } from 'vitest';
import { listDepartments } from '../../../src/services/organization/list-departments.js';
import { isHqUser } from '../../../src/services/people/is-hq-user.js';
import { PROVIDERS } from '../../helpers/databases.js';
import { seedSmallOrg } from '../../helpers/seed.js';
import { seededTestDatabase } from '../../helpers/seeded-database.js';

describe.each(PROVIDERS)('isHqUser on %s', (provider) => {
  const env = seededTestDatabase(provider, seedSmallOrg);

  it('knows headquarters from configuration, from the imported list and from the HQ department', async () => {
    expect(await isHqUser(env.db, { slackUserId: 'UHQ000001', configured: ['UHQ000001'] })).toBe(true);
    expect(await isHqUser(env.db, { slackUserId: 'USTAFF001', configured: [] })).toBe(false);
    await env.db.setting.create({ data: { key: 'hq_users', value: JSON.stringify(['UHQ000002']) } });
    expect(await isHqUser(env.db, { slackUserId: 'UHQ000002', configured: [] })).toBe(true);
    await env.db.setting.create({ data: { key: 'hq_department', value: 'seisaku' } });
    expect(await isHqUser(env.db, { slackUserId: 'USTAFF001', configured: [] })).toBe(true);
    expect(await isHqUser(env.db, { slackUserId: 'USOMU0001', configured: [] })).toBe(false);
    expect((await listDepartments(env.db)).map((d) => d.code)).toEqual(['seisaku', 'somu']);
  });
});
