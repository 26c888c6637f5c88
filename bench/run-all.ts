/**
 * `npm run bench`: the benchmarks in sequence, each in its own process (each is also
 * runnable alone, with the command printed before it), then one summary. Every figure is printed
 * with the load average of the machine just before it was measured.
 *
 *   npm run bench [-- --only ack,digest,fanout,memory,home-burst,lock-contention] [--scales 1,4]
 *                 [--providers sqlite,postgresql] [--people 1000] [--requests 2000] [--concurrency 50]
 *                 [--repeats 5]
 *
 * 1. Ack latency (bench/ack-latency.ts): tracker vs a bare Bolt app, HTTP mode, p50/p99 and ratios;
 *    the closed loop `--repeats` times, the summary giving the median of the runs' ratios.
 * 2. Digest build (bench/digest.ts): 200 departments × 30 targets × a year of weekly updates at each
 *    scale and provider; the median of 3 builds, and its ratio to the 1× build of the same provider
 *    (the baseline, measured in the same run). 16× needs about 2 GB of memory for its child;
 *    leave it out with `--scales 1,4`.
 * 3. Reminder fan-out (bench/reminder-fanout.ts): `--people` reminders through a fake Slack with
 *    1 message/s per channel and 20/s per workspace, against the floor those limits allow and a
 *    bare sender measured in the same run. The default is 1,000 people (about 2 minutes);
 *    `--people 5000` is the full-size run (about 9 minutes).
 * 4. Memory of a running bot (bench/idle-memory.ts): RSS after start and after 400 requests.
 * 5. Home-tab burst (bench/home-burst.ts): 500 people, 100 openings a second for 5 s, views.publish
 *    held to Slack's Tier 4 by the fake Slack; acks, publishes per opening, render CPU.
 * 6. Lock contention (bench/lock-contention.ts): another process holds SQLite's write lock for 20 s
 *    while a submission arrives every 2 s (and a /progress between them); the slowest answer.
 * Every scenario reports the event-loop delay (perf_hooks.monitorEventLoopDelay) of the process
 * doing the work: the bot's through a preloaded probe (bench/event-loop-probe.mjs), the digest's
 * and the reminders job's in their own process.
 */
import { spawn } from 'node:child_process';
import { pbkdf2Sync } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type EventLoopDelay, formatEventLoopDelay } from './bot-process.js';
import { printTable } from './stats.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'ack,digest,fanout,memory,home-burst,lock-contention' },
    scales: { type: 'string', default: '1,4,16' },
    providers: { type: 'string', default: 'sqlite,postgresql' },
    people: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    repeats: { type: 'string', default: '5' },
  },
});
const only = new Set(values.only.split(',').map((s) => s.trim()));
const here = import.meta.dirname;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Milliseconds for a fixed CPU workload (100,000 rounds of PBKDF2-SHA256), median of 5: the
 * machine's speed at the time of the run. Every ratio in the benchmarks is within one run; this
 * is what makes absolute times from different runs comparable.
 */
function calibrate(): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    pbkdf2Sync('tracker', 'bench', 100_000, 32, 'sha256');
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

/** Runs one bench script with tsx, echoing its output; resolves with stdout. */
function runScript(script: string, args: string[]): Promise<string> {
  console.log(`\n$ npx tsx bench/${script} ${args.join(' ')}    # load average ${load()}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      process.stdout.write(d);
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`bench/${script} exited with ${code}`))));
  });
}

const summary: (string | number)[][] = [];
const started = Date.now();
const calibrationMs = calibrate();
console.log(`machine speed: ${calibrationMs.toFixed(1)} ms for the fixed workload (lower is faster)`);

if (only.has('ack')) {
  const loadBefore = load();
  const out = await runScript('ack-latency.ts', [
    '--requests',
    values.requests,
    '--concurrency',
    values.concurrency,
    '--repeats',
    values.repeats,
  ]);
  const repeated = Number(values.repeats) > 1;
  let afterAckSeen = false;
  for (const line of out.split('\n')) {
    // With several runs the closed loop's figure is their median; the open loop runs once.
    const m = repeated
      ? /^(median of \d+ runs, .+|all \d+ runs pooled, .+|.+ at \d+\/s): p50 ratio ([\d.]+)×, p99 ratio ([\d.]+)×/.exec(
          line,
        )
      : /^(.+): p50 ratio ([\d.]+)×, p99 ratio ([\d.]+)×/.exec(line);
    // The CPU the app spent per request (bench/process-cpu.ts); absent where /proc was not read.
    const cpu = /CPU per request ratio ([\d.]+)×/.exec(line)?.[1];
    if (m) {
      const cpuText = cpu ? `, CPU ${cpu}×` : '';
      summary.push([`ack ${m[1]}`, `p50 ${m[2]}× / p99 ${m[3]}×${cpuText} of bare Bolt`, loadBefore]);
    }
    const f =
      /^tracker, (.+?): (\d+) answered in ([\d.]+) s; (\d+) messages sent after the acks, the last ([\d.]+) s/.exec(
        line,
      );
    const loop = /^tracker event-loop delay, (.+): (p50 .+)$/.exec(line);
    if (loop) summary.push([`ack ${loop[1]}, event-loop delay`, loop[2] as string, loadBefore]);
    if (f && !afterAckSeen) {
      afterAckSeen = true;
      summary.push([
        `ack ${f[1]}, after-ack messages`,
        `${f[4]} messages, the last ${f[5]} s after the last answer`,
        loadBefore,
      ]);
    }
  }
}

if (only.has('digest')) {
  const scales = values.scales.split(',').map(Number);
  for (const provider of values.providers.split(',')) {
    let baselineMs: number | null = null;
    for (const scale of scales) {
      const loadBefore = load();
      const out = await runScript('digest.ts', ['--scale', String(scale), '--provider', provider]);
      const last = out.trim().split('\n').at(-1) ?? '{}';
      const m = JSON.parse(last) as {
        medianMs?: number;
        updates?: number;
        maxRssMb?: number;
        baselineRssMb?: number;
        firstBuildMaxRssMb?: number;
        eventLoop?: EventLoopDelay;
      };
      const ms = m.medianMs ?? Number.NaN;
      if (scale === scales[0]) baselineMs = ms;
      const ratio = baselineMs ? ` = ${(ms / baselineMs).toFixed(2)}× the ${scales[0]}× build` : '';
      summary.push([
        `digest ${provider} ${scale}×`,
        `median ${Math.round(ms)} ms for ${m.updates} updates${ratio}; RSS ${m.baselineRssMb} MB before, ` +
          `${m.firstBuildMaxRssMb} MB peak in the first build, ${m.maxRssMb} MB over three; ` +
          `event-loop delay ${m.eventLoop ? formatEventLoopDelay(m.eventLoop) : '-'}`,
        loadBefore,
      ]);
    }
  }
}

if (only.has('memory')) {
  const loadBefore = load();
  const out = await runScript('idle-memory.ts', []);
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  const m = JSON.parse(line?.slice('RESULT '.length) ?? '{}') as {
    afterStartMb?: number;
    afterWorkMb?: number;
    peakMb?: number;
    eventLoop?: EventLoopDelay;
  };
  summary.push([
    'bot memory (SQLite)',
    `RSS ${m.afterStartMb} MB after start, ${m.afterWorkMb} MB after 400 requests (peak ${m.peakMb} MB); ` +
      `event-loop delay ${m.eventLoop ? formatEventLoopDelay(m.eventLoop) : '-'}`,
    loadBefore,
  ]);
}

if (only.has('fanout')) {
  const loadBefore = load();
  const out = await runScript('reminder-fanout.ts', ['--people', values.people]);
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  const result = JSON.parse(line?.slice('RESULT '.length) ?? '{}') as {
    runs?: {
      scenario: string;
      seconds: number;
      floorSeconds: number;
      baselineSeconds: number | null;
      lost: number;
      duplicates: number;
      http429: number;
      eventLoop?: EventLoopDelay;
    }[];
  };
  for (const r of result.runs ?? []) {
    summary.push([
      `fan-out ${values.people} people (${r.scenario})`,
      `${r.seconds.toFixed(1)} s = ${(r.seconds / r.floorSeconds).toFixed(2)}× the floor (${r.floorSeconds.toFixed(1)} s)` +
        (r.baselineSeconds ? `, ${(r.seconds / r.baselineSeconds).toFixed(2)}× the bare sender` : '') +
        `; lost ${r.lost}, duplicates ${r.duplicates}, 429s ${r.http429}` +
        `; event-loop delay ${r.eventLoop ? formatEventLoopDelay(r.eventLoop) : '-'}`,
      loadBefore,
    ]);
  }
}

/** The RESULT line a script printed, parsed. */
function resultOf<T>(out: string): Partial<T> {
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  return JSON.parse(line?.slice('RESULT '.length) ?? '{}') as Partial<T>;
}

if (only.has('home-burst')) {
  const loadBefore = load();
  const r = resultOf<{
    openings: number;
    people: number;
    ackP50: number;
    ackP99: number;
    ackMax: number;
    over3s: number;
    publishes: number;
    publishedPeople: number;
    publish429: number;
    lastPublishS: number;
    eventLoopBurst: EventLoopDelay;
    eventLoopPublishing: EventLoopDelay;
    renderMemberCpuMs: number;
    renderHqCpuMs: number;
  }>(await runScript('home-burst.ts', []));
  summary.push([
    `Home burst, ${r.openings} openings by ${r.people} people`,
    `ack p50 ${r.ackP50} ms / p99 ${r.ackP99} ms / max ${r.ackMax} ms, ${r.over3s} over 3 s; ` +
      `${r.publishes} views.publish (${((r.publishes ?? 0) / (r.openings ?? 1)).toFixed(2)} per opening, ` +
      `${r.publishedPeople} people, ${r.publish429} 429s, the last at ${r.lastPublishS?.toFixed(0)} s); ` +
      `event-loop delay ${r.eventLoopBurst ? formatEventLoopDelay(r.eventLoopBurst) : '-'} in the burst, ` +
      `${r.eventLoopPublishing ? formatEventLoopDelay(r.eventLoopPublishing) : '-'} while publishing; ` +
      `render CPU ${r.renderMemberCpuMs} ms (member) / ${r.renderHqCpuMs} ms (headquarters)`,
    loadBefore,
  ]);
}

if (only.has('lock-contention')) {
  const loadBefore = load();
  const r = resultOf<{
    holdS: number;
    answers: number;
    slowestMs: number;
    over3s: number;
    non200: number;
    submissions: number;
    storedDuringLock: number;
    eventLoop: EventLoopDelay;
  }>(await runScript('lock-contention.ts', []));
  summary.push([
    `SQLite write lock held ${r.holdS} s`,
    `${r.answers} answers, the slowest ${r.slowestMs} ms, ${r.over3s} over 3 s, ${r.non200} not 200; ` +
      `${r.storedDuringLock} of ${r.submissions} reports stored; ` +
      `event-loop delay ${r.eventLoop ? formatEventLoopDelay(r.eventLoop) : '-'}`,
    loadBefore,
  ]);
}

console.log(
  `\nSummary (${new Date().toISOString()}, ${Math.round((Date.now() - started) / 1000)} s; ` +
    `machine speed ${calibrationMs.toFixed(1)} ms at the start, ${calibrate().toFixed(1)} ms at the end):`,
);
printTable(['benchmark', 'result', 'load average before'], summary);
