import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { AppError } from '../../../src/errors.js';
import type { Organization } from '../../../src/import/organization.js';
import { parseOrganizationBytes } from '../../../src/import/read-organization-file.js';
import { importOrganization } from '../../../src/services/organization/import-organization.js';
import { getReviewPeriod } from '../../../src/services/review/get-review-period.js';
import { getReviewRoles } from '../../../src/services/review/get-review-roles.js';
import { summarizeReviewProgress } from '../../../src/services/review/summarize-review-progress.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/reorganization');

function load(name: string, edit: (text: string) => string = (t) => t): Organization {
  const text = edit(readFileSync(join(FIXTURES, name), 'utf8'));
  const result = parseOrganizationBytes(Buffer.from(text), 'yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.organization;
}

const fy2026 = load('fy2026.yaml');
const fy2027 = load('fy2027.yaml');
const APRIL = new Date('2027-04-01T00:00:00Z');

/** Each target as "year code department", plus the rows that hang off targets. */
async function snapshot(db: Db) {
  const targets = await db.target.findMany({
    include: { department: true, fiscalYear: true },
    orderBy: [{ fiscalYearId: 'asc' }, { code: 'asc' }],
  });
  const people = await db.departmentPerson.findMany({ include: { department: true } });
  return {
    targets: targets.map((t) => `${t.fiscalYear.year} ${t.code} ${t.department.code}`),
    people: people.map((p) => `${p.department.code} ${p.role} ${p.slackUserId}`).sort(),
    departments: (await db.department.findMany({ orderBy: { code: 'asc' } })).map((d) => `${d.code} ${d.name}`),
    updates: (await db.progressUpdate.findMany({ orderBy: { id: 'asc' } })).map((u) => [u.id, u.targetId, u.comment]),
    reviewSteps: (await db.reviewStep.findMany({ orderBy: { id: 'asc' } })).map((s) => [s.id, s.targetId, s.step]),
  };
}

describe.each(PROVIDERS)('importing the next fiscal year with a reorganisation on %s', (provider) => {
  let database: TestDatabase;
  let db: Db;
  const id = async (code: string) => (await db.target.findFirstOrThrow({ where: { code } })).id;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = database.db;
    await importOrganization(db, fy2026, { now: new Date('2026-04-01T00:00:00Z') });
    // A year of history: reports on the targets that move, and a self-assessment already made.
    for (const code of ['KA-1', 'KB-1', 'TS-1', 'TS-2', 'TS-3', 'SM-1']) {
      await db.progressUpdate.create({
        data: { targetId: await id(code), reporterId: 'U0KANA0001', status: 'on_track', comment: `${code} report` },
      });
    }
    await db.reviewStep.create({
      data: { targetId: await id('KA-1'), step: 'self', grade: 'A', actorId: 'U0KANA0001' },
    });
  });
  afterAll(async () => database?.destroy());

  it('lists the moves, renames, merges and splits in a dry run and writes nothing', async () => {
    const before = await snapshot(db);
    const result = await importOrganization(db, fy2027, { now: APRIL, dryRun: true });
    const r = result.plan.reorganization;
    expect(r.renames).toEqual([{ code: 'kikaku', from: '企画部', to: '企画経営部' }]);
    expect(r.successions).toEqual([
      {
        kind: 'split',
        from: [{ code: 'toshi', name: '都市整備部' }],
        to: [
          { code: 'toshi-seibi', name: '都市整備部' },
          { code: 'toshi-keikaku', name: '都市計画部' },
        ],
      },
      {
        kind: 'merge',
        from: [
          { code: 'kankyo-a', name: '環境政策部' },
          { code: 'kankyo-b', name: '清掃リサイクル部' },
        ],
        to: [{ code: 'kankyo', name: '環境部' }],
      },
    ]);
    // Each earlier target goes where its owner now works; one without an owner, to the first listed.
    expect(r.targetMoves.map((m) => `${m.fiscalYear} ${m.code} ${m.from}→${m.to}`)).toEqual([
      '2026 KA-1 kankyo-a→kankyo',
      '2026 KB-1 kankyo-b→kankyo',
      '2026 TS-1 toshi→toshi-seibi',
      '2026 TS-2 toshi→toshi-keikaku',
      '2026 TS-3 toshi→toshi-seibi',
    ]);
    expect(
      r.personMoves.map((m) => `${m.slackUserId} ${m.from.map((d) => d.code)}→${m.to.map((d) => d.code)}`),
    ).toEqual([
      'U0KANA0001 kankyo-a→kankyo',
      'U0KANB0001 kankyo-b→kankyo',
      'U0SOMU0002 somu→kikaku',
      'U0TOSH0001 toshi→toshi-seibi',
      'U0TOSH0002 toshi→toshi-keikaku',
      'U0TOSHM001 toshi→toshi-seibi',
    ]);
    expect(result.reorganization).toEqual({ renames: 1, successions: 2, targetsMoved: 5, peopleMoved: 6 });
    expect(result.dryRun).toBe(true);
    expect(await snapshot(db)).toEqual(before);
  });

  it('hands last year’s targets, history and review to the continuing departments', async () => {
    const before = await snapshot(db);
    await importOrganization(db, fy2027, { now: APRIL });
    const after = await snapshot(db);

    expect(after.targets).toEqual([
      '2026 KA-1 kankyo',
      '2026 KB-1 kankyo',
      '2026 KK-1 kikaku',
      '2026 SM-1 somu',
      '2026 TS-1 toshi-seibi',
      '2026 TS-2 toshi-keikaku',
      '2026 TS-3 toshi-seibi',
      '2027 KK-27-1 kikaku',
      '2027 KN-27-1 kankyo',
      '2027 SM-27-1 somu',
      '2027 TK-27-1 toshi-keikaku',
      '2027 TS-27-1 toshi-seibi',
    ]);
    // Nothing of FY2026 lost or duplicated: the same reports and review steps, on the same targets.
    expect(after.updates).toEqual(before.updates);
    expect(after.reviewSteps).toEqual(before.reviewSteps);
    // The departments that left the file keep no people; the moved people sit in their new ones.
    expect(after.people.filter((p) => /^(kankyo-a|kankyo-b|toshi) /.test(p))).toEqual([]);
    expect(after.people).toContain('kikaku member U0SOMU0002');
    expect(after.people).not.toContain('somu member U0SOMU0002');
    expect(after.departments).toContain('kikaku 企画経営部');

    // FY2026's review is approved by the continuing department's current manager, not the former one.
    const roles = (user: string, code: string) =>
      id(code).then((targetId) => getReviewRoles(db, { targetId, slackUserId: user, hqUsers: ['U0HQ000001'] }));
    expect([...((await roles('U0KANM0001', 'KA-1')) ?? [])]).toContain('manager');
    expect([...((await roles('U0KANM0001', 'KB-1')) ?? [])]).toContain('manager');
    expect([...((await roles('U0KANAM001', 'KA-1')) ?? [])]).not.toContain('manager');
    expect([...((await roles('U0TKEIM001', 'TS-2')) ?? [])]).toContain('manager');
    expect([...((await roles('U0TOSHM001', 'TS-2')) ?? [])]).not.toContain('manager');
    // The moved clerk reports on the new department's targets and no longer on the old one's.
    expect([...((await roles('U0SOMU0002', 'KK-27-1')) ?? [])]).toContain('assessor');
    expect([...((await roles('U0SOMU0002', 'SM-27-1')) ?? [])]).not.toContain('assessor');

    // FY2026's review progress (the review-season digest) names the departments as they are now.
    const fy = await db.fiscalYear.findUniqueOrThrow({ where: { year: 2026 } });
    const now = new Date('2027-06-02T00:00:00Z');
    const period = await getReviewPeriod(db, { fiscalYear: 2026, today: '2027-06-02' });
    if (!period) throw new Error('FY2026 has review windows');
    const progress = await summarizeReviewProgress(db, {
      fiscalYearId: fy.id,
      fiscalYear: 2026,
      period,
      now,
      timeZone: 'Asia/Tokyo',
    });
    expect(progress.departments.map((d) => `${d.name} ${d.targetCount} ${d.selfAssessed}`)).toEqual([
      '総務部 1 0',
      '企画経営部 1 0',
      '環境部 2 1',
      '都市整備部 2 0',
      '都市計画部 1 0',
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot(db);
    const result = await importOrganization(db, fy2027, { now: APRIL });
    expect(result.changed).toBe(false);
    expect(result.plan.reorganization).toMatchObject({
      successions: [],
      targetMoves: [],
      personMoves: [],
      renames: [],
    });
    expect(result.warnings).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a file that continues a department the database does not know, writing nothing', async () => {
    const before = await snapshot(db);
    const bad = load('fy2027.yaml', (t) =>
      t.replaceAll('continues: [kankyo-a, kankyo-b]', 'continues: [kankyo-a, kankyo-x]'),
    );
    const attempt = importOrganization(db, bad, { now: APRIL });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow(
      'department kankyo continues kankyo-x, which is not a department in the database',
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
