import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPausedUntil } from '../../../src/services/reminders/find-paused-until.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { PEOPLE, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('findPausedUntil on %s', (provider) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedReviewOrg(database.db);
  });
  afterAll(async () => database?.destroy());

  it('findPausedUntil: the pause day, or null', async () => {
    expect(await findPausedUntil(database.db, PEOPLE.memberA1)).toBeNull();
    await database.db.slackUser.create({
      data: { id: PEOPLE.memberA1, pausedUntil: new Date('2026-12-10T00:00:00Z') },
    });
    expect(await findPausedUntil(database.db, PEOPLE.memberA1)).toEqual(new Date('2026-12-10T00:00:00Z'));
  });
});
