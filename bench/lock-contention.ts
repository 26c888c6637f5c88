/**
 * Lock contention: while another process holds SQLite's write lock on the bot's database for
 * `--hold` seconds (bench/sqlite-lock-holder.mjs), a progress-modal submission arrives every
 * `--every` seconds and, between them, a `/progress` command (a read, then views.open). The
 * compiled bot runs in HTTP mode against the fake Slack. Reports every answer's latency (the
 * slowest, how many took over Slack's 3 s, how many were not 200), the bot's event-loop delay over
 * the lock, and how many of the submissions were stored once it was released. It measures, it
 * does not judge: what the bot tells the user is the fault tests' business.
 *
 *   npx tsx bench/lock-contention.ts [--hold 20] [--every 2]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { startFakeSlack } from '../tests/helpers/fake-slack.js';
import {
  benchRequester,
  botEnvironment,
  buildBot,
  formatEventLoopDelay,
  QUIET_JOBS,
  type RequestKind,
  readEventLoopDelay,
  startBot,
  waitForPort,
} from './bot-process.js';
import { seedBenchOrg } from './seed-bench-org.js';
import { percentile, printTable } from './stats.js';

const { values } = parseArgs({
  options: { hold: { type: 'string', default: '20' }, every: { type: 'string', default: '2' } },
});
const HOLD_MS = Number(values.hold) * 1000;
const EVERY_MS = Number(values.every) * 1000;

/** Starts the lock holder on file; resolves once it holds the lock, with a promise of its release. */
async function holdLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'sqlite-lock-holder.mjs'), file, String(ms)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const released = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}`)))),
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('LOCKED')) resolve();
    });
    child.on('exit', () => reject(new Error(`lock holder ended before locking: ${out}`)));
  });
  return { released };
}

async function main(): Promise<void> {
  const fake = await startFakeSlack();
  const file = join(mkdtempSync(join(tmpdir(), 'tracker-locks-')), 'bench.db');
  const databaseUrl = `file:${file}`;
  await applyMigrations(databaseUrl);
  const seeding = await openDatabase(databaseUrl);
  const users = await seedBenchOrg(seeding.db, { departments: 20, targetsPerDepartment: 15, users: 20 });
  await seeding.close();
  buildBot();
  const bot = startBot({ ...botEnvironment(fake.apiUrl), ...QUIET_JOBS, LOG_LEVEL: 'warn' }, databaseUrl);
  const answers: { kind: RequestKind; ms: number; status: number; at: number }[] = [];
  try {
    const port = await waitForPort(bot);
    const send = benchRequester(`http://127.0.0.1:${port}`, fake.responseUrl);
    // Warm up: the first requests load the code paths and the database's pages.
    for (let i = 0; i < 4; i += 1)
      await send(i % 2 === 0 ? 'command' : 'submit', users[i] as (typeof users)[number], i);
    fake.keepParams = false;
    await readEventLoopDelay(bot);
    const holder = await holdLock(file, HOLD_MS);
    const lockedAt = performance.now();
    const sent: Promise<void>[] = [];
    let submissions = 0;
    for (let i = 0; performance.now() - lockedAt < HOLD_MS; i += 1) {
      const due = lockedAt + (i * EVERY_MS) / 2;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (performance.now() - lockedAt >= HOLD_MS) break;
      // Submissions every EVERY_MS, a /progress halfway between them.
      const kind: RequestKind = i % 2 === 0 ? 'submit' : 'command';
      if (kind === 'submit') submissions += 1;
      const user = users[i % users.length] as (typeof users)[number];
      sent.push(
        send(kind, user, 100 + i).then((status) => {
          answers.push({ kind, ms: performance.now() - due, status, at: (due - lockedAt) / 1000 });
        }),
      );
    }
    await Promise.all(sent);
    await holder.released;
    // The bot's after-ack work and any retry of a delayed write, then the delay over it all.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const delay = await readEventLoopDelay(bot);
    const check = await openDatabase(databaseUrl);
    const stored = await check.db.progressUpdate.count({ where: { comment: null, percent: { gte: 0 } } });
    await check.close();
    const all = answers.map((a) => a.ms);
    const of = (kind: RequestKind) => answers.filter((a) => a.kind === kind).map((a) => a.ms);
    printTable(
      ['requests during the lock', 'n', 'p50 ms', 'max ms', 'over 3 s', 'not 200'],
      (['submit', 'command'] as const).map((kind) => [
        kind === 'submit' ? 'modal submissions' : '/progress',
        of(kind).length,
        percentile(of(kind), 50),
        percentile(of(kind), 100),
        of(kind).filter((ms) => ms > 3000).length,
        answers.filter((a) => a.kind === kind && a.status !== 200).length,
      ]),
    );
    console.log(
      `lock held ${HOLD_MS / 1000} s; event-loop delay: ${formatEventLoopDelay(delay)}; ` +
        `reports stored: ${stored - 2} of the ${submissions} submitted during the lock (plus 2 of the warm-up)`,
    );
    console.log(
      `RESULT ${JSON.stringify({
        bench: 'lock-contention',
        holdS: HOLD_MS / 1000,
        answers: answers.length,
        slowestMs: percentile(all, 100),
        over3s: all.filter((ms) => ms > 3000).length,
        non200: answers.filter((a) => a.status !== 200).length,
        submissions,
        storedDuringLock: stored - 2,
        eventLoop: delay,
      })}`,
    );
  } finally {
    bot.kill('SIGTERM');
    await fake.close();
  }
}

await main();
