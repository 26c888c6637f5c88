import { dateFromCalendar } from '../src/calendar/days.js';
import { openDatabase } from '../src/db/client.js';

/**
 * 09:30 in Tokyo on Tuesday 2027-05-25: the 7-days-before countdown reminder of the review window
 * seeded below (2027-06-01..06-20), a business day, so every seeded owner is due one reminder.
 */
export const FANOUT_TICK = new Date('2027-05-25T00:30:00Z');

/** The Slack user id of the i-th seeded owner (0-based). */
export function ownerId(i: number): string {
  return `U${String(i + 1).padStart(7, '0')}`;
}

/**
 * `count` owners with one target each in one department (check-ins off), all due a countdown
 * reminder at FANOUT_TICK, into an empty migrated database. Locales are cached so that users.info
 * is not part of what is measured. Returns the owners' ids.
 */
export async function seedReminderOwners(url: string, count: number): Promise<string[]> {
  const database = await openDatabase(url);
  try {
    const fy = await database.db.fiscalYear.create({
      data: {
        year: 2026,
        reviewWindows: {
          create: [
            { name: '自己評価', opensOn: dateFromCalendar('2027-06-01'), closesOn: dateFromCalendar('2027-06-20') },
          ],
        },
      },
    });
    const owners = Array.from({ length: count }, (_, i) => ownerId(i));
    const department = await database.db.department.create({
      data: { code: 'bench', name: 'ベンチ部', cadence: 'off' },
    });
    await database.db.departmentPerson.createMany({
      data: owners.map((id) => ({ departmentId: department.id, slackUserId: id, role: 'member' })),
    });
    await database.db.target.createMany({
      data: owners.map((owner, i) => ({
        fiscalYearId: fy.id,
        departmentId: department.id,
        code: `B-${i + 1}`,
        category: '施策',
        title: `ベンチマーク目標 ${i + 1}`,
        ownerId: owner,
        sortOrder: i,
      })),
    });
    const far = new Date('2100-01-01T00:00:00Z');
    await database.db.slackUser.createMany({
      data: owners.map((id) => ({ id, locale: 'ja-JP', localeFetchedAt: far })),
    });
    return owners;
  } finally {
    await database.close();
  }
}
