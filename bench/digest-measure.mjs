// Child of bench/digest.ts: builds the weekly digest (data, blocks, chart) three times on an
// already seeded database with the compiled bot (dist/, what `npx tracker start` runs), not
// through the TypeScript loader, so the memory measured is the bot's own. Prints one JSON line.
//   node bench/digest-measure.mjs DATABASE_URL
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const RUNS = 3;
const NOW = new Date('2027-03-22T00:00:00Z'); // a Monday late in FY2026: the whole year of history
const dist = join(import.meta.dirname, '..', 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const maxRssMb = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

const url = process.argv[2];
if (!url) throw new Error('usage: node bench/digest-measure.mjs DATABASE_URL');

// Everything the bot loads at start for a digest, before any work: the baseline.
const { openDatabase } = await load('src/db/client.js');
const { buildDigestData } = await load('src/services/digest/build-digest-data.js');
const { loadOfflineConfig } = await load('src/config.js');
const { defaultCadence } = loadOfflineConfig({}).reminders;
const { buildWeeklyDigest } = await load('src/blocks/digest-weekly.js');
const { buildDepartmentDigest } = await load('src/blocks/digest-department.js');
const { renderDigestChart } = await load('src/chart/render-chart.js');
const database = await openDatabase(url);
await database.ping();
const baselineRssMb = mb(process.memoryUsage().rss);
const baselineMaxRssMb = maxRssMb();

let sampledPeak = 0;
let heapPeak = 0;
const sample = () => {
  const m = process.memoryUsage();
  sampledPeak = Math.max(sampledPeak, m.rss);
  heapPeak = Math.max(heapPeak, m.heapUsed);
};
const timer = setInterval(sample, 5);
// The event loop over the builds: a digest job runs in the bot's process, so how long one build
// holds the loop at a stretch is how long the bot's other answers wait (figures beyond the 10 ms
// sampling interval, in ms).
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const beyond = (ns) => Math.max(0, Math.round((ns / 1e6 - 10) * 10) / 10);
const runs = [];
let messages = 0;
let chartBytes = 0;
try {
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    const data = await buildDigestData(database.db, { now: NOW, timeZone: 'Asia/Tokyo', defaultCadence });
    sample();
    if (!data) throw new Error('no digest data: was the database seeded?');
    const t1 = performance.now();
    const weekly = buildWeeklyDigest(data, 'ja', { chart: true });
    let departmentMessages = 0;
    for (const d of data.departments) departmentMessages += buildDepartmentDigest(data, d.id, 'ja').length;
    sample();
    const t2 = performance.now();
    const png = await renderDigestChart(data, 'ja');
    sample();
    const t3 = performance.now();
    messages = weekly.length + departmentMessages;
    chartBytes = png.length;
    runs.push({ dataMs: t1 - t0, blocksMs: t2 - t1, chartMs: t3 - t2, totalMs: t3 - t0, maxRssMb: maxRssMb() });
    // Let native finalisers (the rasteriser's) run between builds, as they do between job runs.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
} finally {
  clearInterval(timer);
  loop.disable();
  await database.close();
}
const totals = runs.map((r) => r.totalMs).sort((a, b) => a - b);
const maxRss = maxRssMb();
process.stdout.write(
  `${JSON.stringify({
    runs,
    medianMs: totals[Math.floor(totals.length / 2)] ?? Number.NaN,
    messages,
    chartBytes,
    baselineRssMb,
    baselineMaxRssMb,
    sampledPeakRssMb: mb(sampledPeak),
    // maxRSS is the child's high-water mark over its whole life (it does nothing but this).
    maxRssMb: maxRss,
    firstBuildMaxRssMb: runs[0]?.maxRssMb ?? maxRss,
    buildIncrementMb: Math.round((maxRss - baselineMaxRssMb) * 10) / 10,
    heapUsedPeakMb: mb(heapPeak),
    eventLoop: {
      p50: beyond(loop.percentile(50)),
      p99: beyond(loop.percentile(99)),
      max: beyond(loop.max),
      samples: loop.count,
    },
  })}\n`,
);
