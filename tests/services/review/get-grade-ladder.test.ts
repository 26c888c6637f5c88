import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRADE_LADDERS } from '../../../src/review/grades.js';
import { getGradeLadder } from '../../../src/services/review/get-grade-ladder.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('getGradeLadder on %s', (provider) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedReviewOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('getGradeLadder: default S/A/B/C/D, the configured ladder, default again when malformed', async () => {
    expect(await getGradeLadder(database.db)).toBe(GRADE_LADDERS.SABCD);
    await database.db.setting.create({ data: { key: 'grade_ladder', value: 'ABC' } });
    expect(await getGradeLadder(database.db)).toBe(GRADE_LADDERS.ABC);
    await database.db.setting.update({ where: { key: 'grade_ladder' }, data: { value: '[{"grade":"A"}' } });
    expect(await getGradeLadder(database.db)).toBe(GRADE_LADDERS.SABCD);
    await database.db.setting.delete({ where: { key: 'grade_ladder' } });
  });
});
