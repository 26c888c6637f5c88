/**
 * The statement a modal submission waits for: the progress insert (recordOwnProgressUpdate) on a
 * SQLite file, 50 at a time as in the ack bench, through three paths on the same file, in rounds
 * that alternate between them: the ORM's `$queryRaw` on a connection that compiles every statement
 * (the bot before 11-21 11:00), the same on the bot's connection (statements compiled once), and the
 * bot's path (the driver adapter, statements compiled once). Reports the median CPU time and wall
 * time per insert over the rounds and each path's ratio to the first.
 *
 *   npx tsx bench/progress-insert.ts [--inserts 4000] [--rounds 5] [--concurrency 50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Db, openDatabase, sqliteAdapterFor } from '../src/db/client.js';
import { WalSyncer, withDurableCommits } from '../src/db/durable-commits.js';
import { applyMigrations } from '../src/db/migrations.js';
import type { RawSql, SqlValue } from '../src/db/raw-sql.js';
import { PrismaClient } from '../src/generated/sqlite/client.js';
import { recordOwnProgressUpdate } from '../src/services/progress/record-own-progress-update.js';
import { seedBenchOrg } from './seed-bench-org.js';
import { median, printTable } from './stats.js';

const { values } = parseArgs({
  options: {
    inserts: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '50' },
  },
});
const INSERTS = Number(values.inserts);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);

/** The ORM's tagged raw query, shaped as the service's runner. */
const ormSql =
  (db: Db): RawSql =>
  <T extends Record<string, unknown>>(strings: TemplateStringsArray, ...params: SqlValue[]) =>
    db.$queryRaw<T[]>(strings, ...params);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-insert-bench-'));
  const file = join(dir, 'bench.db');
  try {
    await applyMigrations(`file:${file}`);
    const bot = await openDatabase(`file:${file}`);
    const users = await seedBenchOrg(bot.db, { departments: 20, targetsPerDepartment: 15, users: CONCURRENCY });
    // The bot's connection before 11-21 11:00: durable commits, no statement cache; the same pragmas.
    const wal = new WalSyncer(`${file}-wal`);
    const uncached = new PrismaClient({
      adapter: withDurableCommits(await sqliteAdapterFor(file), () => wal.sync()),
    }) as Db;
    for (const pragma of ['busy_timeout = 5000', 'synchronous = NORMAL', 'cache_size = -2000']) {
      await uncached.$queryRawUnsafe(`PRAGMA ${pragma}`);
    }
    const paths: { name: string; sql: (db: Db) => RawSql | undefined; db: Db }[] = [
      { name: 'ORM $queryRaw, statements compiled per query', sql: ormSql, db: uncached },
      { name: 'ORM $queryRaw, statements compiled once', sql: ormSql, db: bot.db },
      { name: 'driver adapter, statements compiled once (the bot)', sql: () => undefined, db: bot.db },
    ];
    const cpu: number[][] = paths.map(() => []);
    const wall: number[][] = paths.map(() => []);
    let sequence = 0;
    const round = async (path: (typeof paths)[number]) => {
      const sql = path.sql(path.db);
      let next = 0;
      const started = performance.now();
      const usage = process.cpuUsage();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < INSERTS) {
            next += 1;
            sequence += 1;
            const user = users[sequence % users.length];
            if (!user) throw new Error('no bench users');
            const input = {
              targetId: user.targetId,
              reporterId: user.id,
              reportedAt: new Date(),
              status: 'on_track' as const,
              value: null,
              percent: sequence % 100,
              comment: null,
              source: 'slack' as const,
            };
            const stored = sql
              ? await recordOwnProgressUpdate(path.db, input, sql)
              : await recordOwnProgressUpdate(path.db, input);
            if (!stored) throw new Error('an insert was refused');
          }
        }),
      );
      const used = process.cpuUsage(usage);
      return { cpuUs: (used.user + used.system) / INSERTS, wallUs: ((performance.now() - started) * 1000) / INSERTS };
    };
    for (const path of paths) await round(path); // warm-up, discarded
    for (let r = 0; r < ROUNDS; r += 1) {
      // Alternating order, so a machine that speeds up or slows down weighs on every path alike.
      const order = r % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
      for (const i of order) {
        const path = paths[i];
        if (!path) continue;
        const { cpuUs, wallUs } = await round(path);
        cpu[i]?.push(cpuUs);
        wall[i]?.push(wallUs);
      }
    }
    const base = median(cpu[0] ?? []);
    printTable(
      ['path', 'CPU µs / insert (median)', 'wall µs / insert (median)', 'CPU ratio'],
      paths.map((p, i) => [
        p.name,
        median(cpu[i] ?? []),
        median(wall[i] ?? []),
        `${(median(cpu[i] ?? []) / base).toFixed(2)}×`,
      ]),
    );
    console.log(
      `progress insert: the bot's path takes ${(median(cpu[2] ?? []) / base).toFixed(2)}× the CPU of the ORM path without compiled statements ` +
        `(${ROUNDS} rounds of ${INSERTS} inserts, ${CONCURRENCY} at a time)`,
    );
    await uncached.$disconnect();
    await wal.close();
    await bot.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
