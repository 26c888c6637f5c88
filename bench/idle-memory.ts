/**
 * What a running bot holds: the compiled bot started in HTTP mode (`tracker start`) on an already
 * migrated SQLite database with a small organisation, talking to a fake Slack. Its RSS (from
 * /proc) 3 s after it listens, then after it has answered 200 `/progress` and 200 submissions one
 * at a time and settled for 3 s; three starts, the median of each.
 *
 *   npx tsx bench/idle-memory.ts [--starts 3]
 */
import { mkdtempSync, readFileSync } from 'node:fs';
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
  type EventLoopDelay,
  formatEventLoopDelay,
  readEventLoopDelay,
  startBot,
  waitForPort,
} from './bot-process.js';
import { seedBenchOrg } from './seed-bench-org.js';
import { middle, printTable } from './stats.js';

const REQUESTS = 200;
const SETTLE_MS = 3000;

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, peakMb: Math.round(kb('VmHWM') / 102.4) / 10 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { starts: { type: 'string', default: '3' } } });
  const starts = Number(values.starts);
  const fake = await startFakeSlack();
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), 'tracker-idle-')), 'bench.db')}`;
  // Migrated here, so the bot starts as it does every day after the first: nothing pending.
  await applyMigrations(databaseUrl);
  const database = await openDatabase(databaseUrl);
  const users = await seedBenchOrg(database.db, { departments: 20, targetsPerDepartment: 15, users: 20 });
  await database.close();
  buildBot();
  const env = botEnvironment(fake.apiUrl);
  const afterStart: { rssMb: number; peakMb: number }[] = [];
  const afterWork: { rssMb: number; peakMb: number }[] = [];
  const delays: EventLoopDelay[] = [];
  try {
    for (let s = 0; s < starts; s += 1) {
      const bot = startBot(env, databaseUrl);
      try {
        const port = await waitForPort(bot);
        const pid = bot.pid as number;
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        afterStart.push(memoryOf(pid));
        await readEventLoopDelay(bot);
        const send = benchRequester(`http://127.0.0.1:${port}`, fake.responseUrl);
        for (const kind of ['command', 'submit'] as const) {
          for (let i = 0; i < REQUESTS; i += 1) {
            const user = users[i % users.length];
            if (!user) continue;
            const status = await send(kind, user, i);
            if (status !== 200) throw new Error(`${kind} answered ${status}`);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        afterWork.push(memoryOf(pid));
        delays.push(await readEventLoopDelay(bot));
      } finally {
        bot.kill('SIGTERM');
      }
    }
  } finally {
    await fake.close();
  }
  const row = (name: string, xs: { rssMb: number; peakMb: number }[]) => [
    name,
    xs.map((x) => x.rssMb).join(', '),
    middle(xs.map((x) => x.rssMb)),
    middle(xs.map((x) => x.peakMb)),
  ];
  printTable(
    ['bot (SQLite, HTTP mode)', 'RSS per start (MB)', 'median RSS', 'median peak'],
    [row('3 s after start', afterStart), row(`after ${REQUESTS} /progress + ${REQUESTS} submits`, afterWork)],
  );
  const worst = delays.reduce<EventLoopDelay | undefined>((w, d) => (w && w.p99 >= d.p99 ? w : d), undefined);
  if (worst)
    console.log(`event-loop delay over the requests (the start with the highest p99): ${formatEventLoopDelay(worst)}`);
  console.log(
    `RESULT ${JSON.stringify({ bench: 'idle-memory', eventLoop: worst, afterStartMb: middle(afterStart.map((x) => x.rssMb)), afterWorkMb: middle(afterWork.map((x) => x.rssMb)), peakMb: middle(afterWork.map((x) => x.peakMb)) })}`,
  );
}

await main();
