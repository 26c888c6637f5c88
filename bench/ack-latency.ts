// Ack latency: /progress (through views.open) and modal submissions, 50 concurrent users, 2,000
// requests, HTTP mode, against the tracker bot and a bare Bolt app in the same run. Then the same
// requests arriving at a fixed rate (open loop), so the latency is seen without the CPU saturated.
// The bare app opens the same modal the tracker opened for the first user (--one-block-baseline:
// a one-block modal instead). With --rounds N each app's requests are sent in N rounds that
// alternate with the other app's (T B B T …), so a machine that speeds up or slows down during
// the run weighs on both apps alike; the percentiles are over all of an app's requests.
// In the closed loop the mean latency is the concurrency over the rate of answers, so the mean
// ratio is the inverse of the throughput ratio; the p50 also depends on how evenly an app shares
// its time among the 50 users.
// The closed loop is measured --repeats times (apps in turn) and the figure of record is the
// median of the runs' ratios: one run compares two windows of under 2 s each, which a shared
// machine's noise moves by a large fraction.
// Run: npx tsx bench/ack-latency.ts [--requests 2000] [--concurrency 50] [--rate 100 (0: skip)]
//                                   [--rounds 1] [--repeats 5] [--log-level warn (the tracker's LOG_LEVEL)]
//                                   [--pin D:A (Linux: this process on CPU D, each app on CPU A)]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { type FakeSlack, startFakeSlack } from '../tests/helpers/fake-slack.js';
import {
  benchRequester,
  botEnvironment,
  buildBot,
  formatEventLoopDelay,
  type RequestKind,
  readEventLoopDelay,
  startBot,
  waitForPort,
} from './bot-process.js';
import { processCpuMs } from './process-cpu.js';
import { seedBenchOrg } from './seed-bench-org.js';
import { mean, middle, percentile, printTable } from './stats.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    rate: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '1' },
    repeats: { type: 'string', default: '5' },
    'log-level': { type: 'string', default: 'warn' },
    'one-block-baseline': { type: 'boolean', default: false },
    pin: { type: 'string' },
  },
});
const ONE_BLOCK = values['one-block-baseline'];
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const RATE = Number(values.rate);
const ROUNDS = Number(values.rounds);
const REPEATS = Number(values.repeats);
if (!(Number.isInteger(REPEATS) && REPEATS >= 1)) throw new Error('--repeats must be a whole number from 1');
if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1 && REQUESTS % ROUNDS === 0)) {
  throw new Error('--rounds must be a whole number that divides --requests');
}
const root = join(import.meta.dirname, '..');
// Unpinned, the load generator (with the fake Slack) needs about as much CPU per request as either
// app and shares both cores with it, so the ratio also measures how the two split the machine.
const PIN = values.pin === undefined ? undefined : /^(\d+):(\d+)$/.exec(values.pin);
if (values.pin !== undefined && !PIN) throw new Error('--pin must be DRIVER_CPU:APP_CPU, e.g. 0:1');
const [, DRIVER_CPU, APP_CPU] = PIN ?? [];

/** Moves every thread of pid to the CPU (taskset); threads it starts later inherit it. */
function pinTo(pid: number | undefined, cpu: string): void {
  if (pid === undefined) throw new Error('--pin: the process has no pid');
  const done = spawnSync('taskset', ['-a', '-cp', cpu, String(pid)], { encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`--pin: taskset failed: ${done.stderr || done.error?.message}`);
}

async function drive(
  url: string,
  users: { id: string; targetId: number }[],
  kind: RequestKind,
  responseUrl: string,
  options: { count: number; first?: number; rate?: number },
) {
  const { count, first = 0, rate = 0 } = options;
  const send = benchRequester(url, responseUrl);
  const latencies: number[] = [];
  let next = first;
  const end = first + count;
  let failures = 0;
  // `scheduled`: in the open loop, latency counts from when the request was due, so a late driver
  // cannot hide the bot's queueing (coordinated omission).
  const one = async (i: number, scheduled?: number) => {
    const user = users[i % users.length];
    if (!user) return;
    const started = scheduled ?? performance.now();
    const status = await send(kind, user, i);
    latencies.push(performance.now() - started);
    if (status !== 200) failures += 1;
  };
  if (rate > 0) {
    const sent: Promise<void>[] = [];
    const start = performance.now();
    for (let i = first; i < end; i += 1) {
      const due = start + ((i - first) * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sent.push(one(i, due));
    }
    await Promise.all(sent);
    return { latencies, failures };
  }
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (next < end) {
      const i = next++;
      await one(i);
    }
  });
  await Promise.all(workers);
  return { latencies, failures };
}

/**
 * Waits until the fake Slack has had no chat.postMessage for 500 ms (the tracker's receipts and
 * channel posts follow its acks), so the next app is measured on a quiet machine. Returns the
 * messages that arrived since `from` and when the last one did (epoch ms).
 */
async function settle(fake: FakeSlack, from: number): Promise<{ messages: number; lastAt: number | null }> {
  let seen = -1;
  for (;;) {
    const posts = fake.callsTo('chat.postMessage').filter((c) => c.at >= from);
    if (posts.length === seen) return { messages: seen, lastAt: posts.at(-1)?.at ?? null };
    seen = posts.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The modal the tracker opens for the first user, saved for the baseline to open as is. */
async function captureModal(fake: FakeSlack, url: string, users: { id: string; targetId: number }[]) {
  const first = users[0];
  if (!first) throw new Error('no bench users');
  const before = fake.callsTo('views.open').length;
  await benchRequester(url, fake.responseUrl)('command', first, 0);
  for (let waited = 0; fake.callsTo('views.open').length === before; waited += 50) {
    if (waited > 10_000) throw new Error('the tracker opened no modal');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const file = join(mkdtempSync(join(tmpdir(), 'tracker-bench-view-')), 'view.json');
  writeFileSync(file, JSON.stringify(fake.callsTo('views.open').at(-1)?.params.view));
  return file;
}

async function main() {
  const fake = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'tracker-bench-'));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  await applyMigrations(databaseUrl);
  const database = await openDatabase(databaseUrl);
  const users = await seedBenchOrg(database.db, { departments: 20, targetsPerDepartment: 15, users: CONCURRENCY });
  await database.close();
  buildBot();
  const env = botEnvironment(fake.apiUrl);
  // At info (the default) the tracker writes one line per stored report; bare Bolt logs nothing.
  const bot = startBot({ ...env, LOG_LEVEL: values['log-level'] }, databaseUrl);
  let bare: ChildProcess | undefined;
  try {
    const botPort = await waitForPort(bot);
    if (DRIVER_CPU && APP_CPU) {
      pinTo(process.pid, DRIVER_CPU);
      pinTo(bot.pid, APP_CPU);
    }
    const viewFile = await captureModal(fake, `http://127.0.0.1:${botPort}`, users);
    // From here on only which method was called and when: the recorded modals of five runs grew
    // this process's heap until its collector paused for 0.4–0.8 s in the middle of a measurement.
    fake.keepParams = false;
    bare = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'bare-bolt.ts')], {
      env: { ...env, ...(ONE_BLOCK ? {} : { BARE_VIEW_FILE: viewFile }) },
    });
    const barePort = await waitForPort(bare);
    if (APP_CPU) {
      pinTo(bare.pid, APP_CPU);
      console.log(`pinned: this process on CPU ${DRIVER_CPU}, the tracker and bare Bolt on CPU ${APP_CPU}`);
    }
    const targets = { tracker: `http://127.0.0.1:${botPort}`, 'bare Bolt': `http://127.0.0.1:${barePort}` };
    const pids: Record<string, number | undefined> = { tracker: bot.pid, 'bare Bolt': bare.pid };
    const label = (kind: 'command' | 'submit') => (kind === 'command' ? '/progress' : 'modal submit');
    /** Measures every kind on both apps; resolves with each kind's ratios (tracker / bare Bolt). */
    const measure = async (rate: number, warmUp: boolean) => {
      const ratios: Record<string, { p50: number; p99: number; mean: number; cpu: number }> = {};
      const rows: (string | number)[][] = [];
      const results: Record<string, Record<string, number[]>> = {};
      const cpuPerRequest: Record<'command' | 'submit', Record<string, number>> = { command: {}, submit: {} };
      const perRound = REQUESTS / ROUNDS;
      for (const kind of ['command', 'submit'] as const) {
        const names = Object.keys(targets);
        const latencies: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
        const failures: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
        const roundP50: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
        const roundP99: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
        const busyMs: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
        // CPU ms of the app while its requests were answered, and after (its after-ack work), and of
        // this process (the load generator and the fake Slack) while they were answered.
        const cpuMs: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
        const afterCpuMs: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
        const driverCpuMs: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
        for (let round = 0; round < ROUNDS; round += 1) {
          const order = round % 2 === 0 ? names : [...names].reverse();
          for (const name of order) {
            const url = targets[name as keyof typeof targets];
            // Warm-up, discarded, right before each closed-loop window: the first run's is a full
            // run; later ones send twice the concurrency, which re-opens the connections the load
            // generator closed while the app sat idle (opening 50 at once adds a tail of connection
            // set-up to either app's answers). Both apps are warm for the open loop.
            const warmUpCount = rate > 0 ? 0 : round === 0 && warmUp ? REQUESTS : 2 * CONCURRENCY;
            if (warmUpCount > 0) {
              await drive(url, users, kind, fake.responseUrl, { count: warmUpCount });
              await settle(fake, Date.now());
            }
            const started = Date.now();
            const cpuBefore = processCpuMs(pids[name]);
            const driverBefore = process.cpuUsage();
            const result = await drive(url, users, kind, fake.responseUrl, {
              count: perRound,
              first: round * perRound,
              rate,
            });
            const answered = Date.now();
            const cpuAnswered = processCpuMs(pids[name]);
            const driverUsed = process.cpuUsage(driverBefore);
            const { messages, lastAt } = await settle(fake, started);
            const cpuSettled = processCpuMs(pids[name]);
            // NaN where /proc could not be read, so the columns say so instead of a wrong figure.
            const add = (into: Record<string, number>, from?: number, to?: number) => {
              into[name] = (into[name] ?? 0) + (from === undefined || to === undefined ? Number.NaN : to - from);
            };
            add(cpuMs, cpuBefore, cpuAnswered);
            add(afterCpuMs, cpuAnswered, cpuSettled);
            driverCpuMs[name] = (driverCpuMs[name] ?? 0) + (driverUsed.user + driverUsed.system) / 1000;
            if (messages > 0 && lastAt !== null) {
              console.log(
                `${name}, ${label(kind)}${rate ? ` at ${rate}/s` : ''}${ROUNDS > 1 ? `, round ${round + 1}` : ''}: ${perRound} answered in ${((answered - started) / 1000).toFixed(1)} s; ` +
                  `${messages} messages sent after the acks, the last ${((lastAt - answered) / 1000).toFixed(1)} s after the last answer`,
              );
            }
            latencies[name]?.push(...result.latencies);
            failures[name] = (failures[name] ?? 0) + result.failures;
            busyMs[name] = (busyMs[name] ?? 0) + (answered - started);
            roundP50[name]?.push(percentile(result.latencies, 50));
            roundP99[name]?.push(percentile(result.latencies, 99));
          }
        }
        results[kind] = latencies;
        for (const name of names) {
          const all = latencies[name] ?? [];
          rows.push([
            label(kind),
            name,
            all.length,
            failures[name] ?? 0,
            percentile(all, 50),
            percentile(all, 99),
            mean(all).toFixed(1),
            Math.round((all.length * 1000) / (busyMs[name] ?? Number.NaN)),
            (((cpuMs[name] ?? Number.NaN) * 1000) / all.length).toFixed(0),
            (((afterCpuMs[name] ?? Number.NaN) * 1000) / all.length).toFixed(0),
            (((driverCpuMs[name] ?? Number.NaN) * 1000) / all.length).toFixed(0),
          ]);
          cpuPerRequest[kind][name] = (cpuMs[name] ?? Number.NaN) / all.length;
        }
        if (ROUNDS > 1) {
          const ours = roundP50.tracker ?? [];
          const base = roundP50['bare Bolt'] ?? [];
          const ratios = ours.map((p, i) => (p / (base[i] ?? Number.NaN)).toFixed(2));
          const p99s = names.map((n) => `${n} ${(roundP99[n] ?? []).map((v) => v.toFixed(0)).join(', ')}`);
          console.log(
            `${label(kind)}${rate ? ` at ${rate}/s` : ''}: p50 ratio of each round ${ratios.join(', ')}; ` +
              `p99 ms of each round: ${p99s.join('; ')}`,
          );
        }
      }
      // CPU µs per request: the app's while answering, the app's after the last answer (after-ack work),
      // and the load generator's (with the fake Slack) while answering; from /proc (Linux).
      printTable(
        [
          'request',
          'app',
          'n',
          'non-200',
          'p50 ms',
          'p99 ms',
          'mean ms',
          'answers/s',
          'app CPU µs/req',
          'after µs/req',
          'driver µs/req',
        ],
        rows,
      );
      for (const kind of ['command', 'submit'] as const) {
        const ours = results[kind]?.tracker ?? [];
        const base = results[kind]?.['bare Bolt'] ?? [];
        const ratio = {
          p50: percentile(ours, 50) / percentile(base, 50),
          p99: percentile(ours, 99) / percentile(base, 99),
          mean: mean(ours) / mean(base),
          cpu: (cpuPerRequest[kind].tracker ?? Number.NaN) / (cpuPerRequest[kind]['bare Bolt'] ?? Number.NaN),
        };
        ratios[label(kind)] = ratio;
        const name = rate === 0 ? label(kind) : `${label(kind)} at ${rate}/s`;
        console.log(
          `${name}: p50 ratio ${ratio.p50.toFixed(2)}×, p99 ratio ${ratio.p99.toFixed(2)}×, mean ratio ${ratio.mean.toFixed(2)}×, CPU per request ratio ${ratio.cpu.toFixed(2)}× (tracker / bare Bolt)`,
        );
      }
      return { ratios, latencies: results };
    };
    console.log(`closed loop: ${CONCURRENCY} users, each sending its next request when answered; ${REPEATS} runs`);
    await readEventLoopDelay(bot);
    const runs: Awaited<ReturnType<typeof measure>>[] = [];
    for (let run = 0; run < REPEATS; run += 1) {
      if (REPEATS > 1) console.log(`\nclosed loop, run ${run + 1} of ${REPEATS}`);
      runs.push(await measure(0, run === 0));
    }
    if (REPEATS > 1) {
      console.log('');
      for (const kind of ['/progress', 'modal submit']) {
        const of = (key: 'p50' | 'p99' | 'mean' | 'cpu') => runs.map((r) => r.ratios[kind]?.[key] ?? Number.NaN);
        const fixed = (values: number[]) => values.map((v) => v.toFixed(2)).join(', ');
        console.log(
          `median of ${REPEATS} runs, ${kind}: p50 ratio ${middle(of('p50')).toFixed(2)}×, p99 ratio ${middle(of('p99')).toFixed(2)}×, ` +
            `mean ratio ${middle(of('mean')).toFixed(2)}×, CPU per request ratio ${middle(of('cpu')).toFixed(2)}× ` +
            `(tracker / bare Bolt; p50 ratio of each run ${fixed(of('p50'))}; p99 ${fixed(of('p99'))}; CPU ${fixed(of('cpu'))})`,
        );
      }
      // One run's p99 rests on its 20 slowest answers, so its ratio swings (0.55–2.10× for the same
      // code on 12-02); over every run's answers it rests on REPEATS times as many.
      for (const kind of ['command', 'submit'] as const) {
        const pooled = (name: string) => runs.flatMap((r) => r.latencies[kind]?.[name] ?? []);
        const ours = pooled('tracker');
        const base = pooled('bare Bolt');
        console.log(
          `all ${REPEATS} runs pooled, ${label(kind)}: p50 ratio ${(percentile(ours, 50) / percentile(base, 50)).toFixed(2)}×, ` +
            `p99 ratio ${(percentile(ours, 99) / percentile(base, 99)).toFixed(2)}× (tracker p50 ${percentile(ours, 50)} ms, ` +
            `p99 ${percentile(ours, 99)} ms; bare Bolt p50 ${percentile(base, 50)} ms, p99 ${percentile(base, 99)} ms; ` +
            `${ours.length} and ${base.length} answers)`,
        );
      }
    }
    // The tracker's event loop over its closed-loop windows (and the bare app's, when it idles).
    console.log(`tracker event-loop delay, closed loop: ${formatEventLoopDelay(await readEventLoopDelay(bot))}`);
    if (RATE > 0) {
      console.log(`\nopen loop: one request every ${(1000 / RATE).toFixed(1)} ms (${RATE}/s), answered or not`);
      await measure(RATE, false);
      console.log(
        `tracker event-loop delay, open loop at ${RATE}/s: ${formatEventLoopDelay(await readEventLoopDelay(bot))}`,
      );
    }
  } finally {
    bot.kill('SIGTERM');
    bare?.kill('SIGTERM');
    await fake.close();
  }
}

await main();
