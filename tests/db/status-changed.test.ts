import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { openDatabase } from '../../src/db/client.js';
import { applyMigrations, diffToDataModel, readMigrationList, readSchema } from '../../src/db/migrations.js';
import { openSchemaEngine } from '../../src/db/schema-engine.js';
import {
  createEmptyDatabase,
  createTestDatabase,
  PROVIDERS,
  type TestDatabase,
  type TestProvider,
} from '../helpers/databases.js';
import { seedSyntheticOrganization } from '../helpers/digest-fixtures.js';
import { waitFor } from '../helpers/slack-driver.js';

const STATUSES = ['on_track', 'at_risk', 'off_track', 'done'] as const;

interface Row {
  id: number;
  targetId: number;
  reportedAt: Date;
  status: string;
  statusChanged: boolean;
}

async function rowsOf(db: Db): Promise<Row[]> {
  return db.progressUpdate.findMany({
    select: { id: true, targetId: true, reportedAt: true, status: true, statusChanged: true },
    orderBy: [{ targetId: 'asc' }, { reportedAt: 'asc' }, { id: 'asc' }],
  });
}

/** The oracle: a report is a change unless it repeats the status of its target's report before it. */
function expectedFlags(rows: readonly Row[]): Map<number, boolean> {
  const flags = new Map<number, boolean>();
  let previous: Row | undefined;
  for (const r of rows) {
    flags.set(r.id, previous?.targetId !== r.targetId || previous.status !== r.status);
    previous = r;
  }
  return flags;
}

function wrongFlags(rows: readonly Row[]): number[] {
  const expected = expectedFlags(rows);
  return rows.filter((r) => r.statusChanged !== expected.get(r.id)).map((r) => r.id);
}

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 0, minute));

describe.each(PROVIDERS)('statusChanged kept by the database on %s', (provider) => {
  let database: TestDatabase;
  let targetIds: number[];
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await seedSyntheticOrganization(database.db, { provider, departments: 1, targetsPerDepartment: 3, weeks: 0 });
    targetIds = (await database.db.target.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((t) => t.id);
  });
  afterAll(async () => database?.destroy());

  const insert = (targetId: number, minute: number, status: string) =>
    database.db.progressUpdate.create({
      data: { targetId, reporterId: 'U0FLAG0001', reportedAt: at(minute), status },
      select: { id: true },
    });

  it('marks repeats false and changes true, and re-marks the later report when one lands before it', async () => {
    const [t] = targetIds as [number];
    await database.db.progressUpdate.deleteMany({});
    const a = await insert(t, 10, 'on_track');
    const b = await insert(t, 30, 'on_track');
    const flag = async (id: number) =>
      (await database.db.progressUpdate.findUniqueOrThrow({ where: { id }, select: { statusChanged: true } }))
        .statusChanged;
    expect([await flag(a.id), await flag(b.id)]).toEqual([true, false]);
    // Arrives late, between the two: b now follows a change and is one itself.
    const c = await insert(t, 20, 'at_risk');
    expect([await flag(a.id), await flag(c.id), await flag(b.id)]).toEqual([true, true, true]);
    // Same instant as c, later id: c's repeat; b still differs from it.
    const d = await insert(t, 20, 'at_risk');
    expect([await flag(c.id), await flag(d.id), await flag(b.id)]).toEqual([true, false, true]);
    // Back to b's status just before b: b becomes a repeat.
    const e = await insert(t, 25, 'on_track');
    expect([await flag(e.id), await flag(b.id)]).toEqual([true, false]);
    expect(wrongFlags(await rowsOf(database.db))).toEqual([]);
  });

  it('matches the oracle for any order of inserts, one at a time or many in one statement', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            target: fc.integer({ min: 0, max: 2 }),
            minute: fc.integer({ min: 0, max: 12 }),
            status: fc.constantFrom(...STATUSES),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.boolean(),
        async (reports, inOneStatement) => {
          await database.db.progressUpdate.deleteMany({});
          const data = reports.map((r) => ({
            targetId: targetIds[r.target] ?? 0,
            reporterId: 'U0FLAG0001',
            reportedAt: at(r.minute),
            status: r.status,
          }));
          if (inOneStatement) await database.db.progressUpdate.createMany({ data });
          else for (const row of data) await database.db.progressUpdate.create({ data: row });
          const rows = await rowsOf(database.db);
          expect(rows).toHaveLength(reports.length);
          expect(wrongFlags(rows)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves the data model and the migrations in agreement (the trigger is not in the diff)', async () => {
    const scratch = await createTestDatabase(provider);
    await scratch.close();
    // diffToDataModel applies the migrations again (none pending) and diffs against models.prisma.
    expect((await diffToDataModel(scratch.url)).replace(/^--.*$/gm, '').trim()).toBe('');
    await scratch.destroy();
  });
});

/** Applies only the migrations before status_changed, as a database made before it would have. */
async function migrateToBeforeStatusChanged(url: string, provider: TestProvider): Promise<string[]> {
  const list = readMigrationList(provider);
  const cut = list.migrationDirectories.findIndex((m) => m.path.endsWith('_status_changed'));
  expect(cut).toBeGreaterThan(0);
  const { engine, close } = await openSchemaEngine(url, readSchema(provider));
  try {
    await engine.applyMigrations({
      migrationsList: { ...list, migrationDirectories: list.migrationDirectories.slice(0, cut) },
      filters: { externalTables: [], externalEnums: [] },
    });
  } finally {
    await close();
  }
  return list.migrationDirectories.slice(cut).map((m) => m.path);
}

describe.each(PROVIDERS)('the status_changed migration on %s', (provider) => {
  it('marks the repeats among reports stored before it, and the trigger takes over after it', async () => {
    const empty = await createEmptyDatabase(provider);
    try {
      const pending = await migrateToBeforeStatusChanged(empty.url, provider);
      const before = await openDatabase(empty.url);
      let ids: number[];
      try {
        // The current client on the older schema: no review window, whose columns came later.
        await seedSyntheticOrganization(before.db, {
          provider,
          departments: 1,
          targetsPerDepartment: 2,
          weeks: 0,
          reviewWindow: false,
        });
        ids = (await before.db.target.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((t) => t.id);
        // The fourth report of each target is out of order: it belongs before the second. In time
        // order: on_track ×3 (0, 5, 10 min), at_risk, on_track, done ×2: three repeats per target.
        const history = ['on_track', 'on_track', 'at_risk', 'on_track', 'on_track', 'done', 'done'];
        for (const [i, status] of history.entries()) {
          for (const targetId of ids) {
            const when = at(i === 3 ? 5 : i * 10);
            // The column does not exist yet: the old schema's columns only, as the old bot wrote them.
            await before.db.$executeRaw`
              INSERT INTO "ProgressUpdate" ("targetId", "reporterId", "reportedAt", "status")
              VALUES (${targetId}, 'U0OLD00001', ${when}, ${status})`;
          }
        }
      } finally {
        await before.close();
      }
      expect(await applyMigrations(empty.url)).toEqual(pending);
      const after = await openDatabase(empty.url);
      try {
        const rows = await rowsOf(after.db);
        expect(rows).toHaveLength(14);
        expect(rows.filter((r) => !r.statusChanged)).toHaveLength(2 * 3);
        expect(wrongFlags(rows)).toEqual([]);
        const [targetId] = ids as [number];
        await after.db.progressUpdate.create({
          data: { targetId, reporterId: 'U0NEW00001', reportedAt: at(100), status: 'done' },
        });
        const next = await rowsOf(after.db);
        expect(next.find((r) => r.targetId === targetId && r.reportedAt.getTime() === at(100).getTime())).toMatchObject(
          {
            statusChanged: false,
          },
        );
        expect(wrongFlags(next)).toEqual([]);
      } finally {
        await after.close();
      }
    } finally {
      await empty.drop();
    }
  });
});

describe('statusChanged with concurrent reports on PostgreSQL (two replicas)', () => {
  let database: TestDatabase;
  let targetIds: number[];
  const clients: pg.Client[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    await seedSyntheticOrganization(database.db, {
      provider: 'postgresql',
      departments: 1,
      targetsPerDepartment: 2,
      weeks: 0,
    });
    targetIds = (await database.db.target.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((t) => t.id);
    for (let i = 0; i < 2; i++) {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      clients.push(client);
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await database?.destroy();
  });

  const insertSql = `INSERT INTO "ProgressUpdate" ("targetId", "reporterId", "reportedAt", "status") VALUES ($1, 'U0REPLICA1', $2, $3)`;

  it('makes a report wait for an uncommitted one on the same target, so it is compared with it', async () => {
    const [first, second] = clients as [pg.Client, pg.Client];
    const [t, other] = targetIds as [number, number];
    await database.db.progressUpdate.create({
      data: { targetId: t, reporterId: 'U0REPLICA0', reportedAt: at(0), status: 'on_track' },
    });
    await first.query('BEGIN');
    await first.query(insertSql, [t, at(10), 'at_risk']);
    // Another target is not held up by the open transaction.
    await second.query(insertSql, [other, at(10), 'on_track']);
    const pidOf = async (client: pg.Client) =>
      (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? -1;
    const [firstPid, secondPid] = [await pidOf(first), await pidOf(second)];
    let settled = false;
    // Without the lock this would compare with the committed on_track and store a false repeat.
    const waiting = second.query(insertSql, [t, at(20), 'on_track']).finally(() => {
      settled = true;
    });
    // The second insert is seen waiting on a lock the first transaction holds (no sleep).
    const blockers = async () =>
      (await first.query<{ b: number[] }>('SELECT pg_blocking_pids($1) AS b', [secondPid])).rows[0]?.b ?? [];
    await waitFor(async () => (await blockers()).includes(firstPid), 10_000);
    expect(settled).toBe(false);
    await first.query('COMMIT');
    await waiting;
    const rows = (await rowsOf(database.db)).filter((r) => r.targetId === t);
    expect(rows.map((r) => [r.status, r.statusChanged])).toEqual([
      ['on_track', true],
      ['at_risk', true],
      ['on_track', true],
    ]);
    expect(wrongFlags(await rowsOf(database.db))).toEqual([]);
  });
});
