import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReviewRoles } from '../../../src/services/review/get-review-roles.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { PEOPLE, type SeededOrg, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('getReviewRoles on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedReviewOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('getReviewRoles: owner, department people, managers and HQ', async () => {
    const roles = async (code: string, slackUserId: string) =>
      [
        ...((await getReviewRoles(database.db, { targetId: org.targets[code] as number, slackUserId, hqUsers: [] })) ??
          []),
      ].sort();
    expect(await roles('SK-1', PEOPLE.memberA1)).toEqual(['assessor']);
    expect(await roles('SK-1', PEOPLE.managerA)).toEqual(['assessor', 'manager']);
    expect(await roles('SK-1', PEOPLE.hq)).toEqual(['hq']);
    expect(await roles('SK-1', PEOPLE.memberB1)).toEqual([]);
    // An owner outside the department still assesses their own target.
    await database.db.target.update({
      where: { id: org.targets['KM-1'] as number },
      data: { ownerId: PEOPLE.memberA1 },
    });
    expect(await roles('KM-1', PEOPLE.memberA1)).toEqual(['assessor']);
    expect(await getReviewRoles(database.db, { targetId: -1, slackUserId: PEOPLE.hq, hqUsers: [] })).toBeNull();
  });
});
