/**
 * Weekly digest bench: seeds 200 × scale departments × 30 targets with a year of weekly updates
 * (300,000 × scale ProgressUpdate rows) into a fresh SQLite file or PostgreSQL database, then, in a
 * child process (so seeding does not count), times building the digest data, blocks and chart
 * (median of 3) and reports the child's peak RSS.
 *
 *   npx tsx bench/digest.ts [--scale 1|4|16] [--provider sqlite|postgresql]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDepartmentDigest } from '../src/blocks/digest-department.js';
import { buildWeeklyDigest } from '../src/blocks/digest-weekly.js';
import { renderDigestChart } from '../src/chart/render-chart.js';
import { openDatabase } from '../src/db/client.js';
import { buildDigestData } from '../src/services/build-digest-data.js';
import { createTestDatabase, type TestProvider } from '../tests/helpers/databases.js';
import { seedSyntheticOrganization } from '../tests/helpers/digest-fixtures.js';

const NOW = new Date('2027-03-22T00:00:00Z'); // a Monday late in FY2026: the whole year of history
const RUNS = 3;
const WEEKS = 50;

interface Measurement {
  runs: { dataMs: number; blocksMs: number; chartMs: number; totalMs: number }[];
  medianMs: number;
  messages: number;
  chartBytes: number;
  baselineRssMb: number;
  sampledPeakRssMb: number;
  maxRssMb: number;
  heapUsedPeakMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Child: measure on an already seeded database. */
async function measure(url: string): Promise<Measurement> {
  const database = await openDatabase(url);
  let sampledPeak = 0;
  let heapPeak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    sampledPeak = Math.max(sampledPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  };
  const baseline = process.memoryUsage().rss;
  const timer = setInterval(sample, 5);
  const runs: Measurement['runs'] = [];
  let messages = 0;
  let chartBytes = 0;
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const t0 = performance.now();
      const data = await buildDigestData(database.db, { now: NOW, timeZone: 'Asia/Tokyo' });
      sample();
      if (!data) throw new Error('no digest data: was the database seeded?');
      const t1 = performance.now();
      const weekly = buildWeeklyDigest(data, 'ja', { chart: true });
      let departmentMessages = 0;
      for (const d of data.departments) departmentMessages += buildDepartmentDigest(data, d.id, 'ja').length;
      sample();
      const t2 = performance.now();
      const png = renderDigestChart(data, 'ja');
      sample();
      const t3 = performance.now();
      messages = weekly.length + departmentMessages;
      chartBytes = png.length;
      runs.push({ dataMs: t1 - t0, blocksMs: t2 - t1, chartMs: t3 - t2, totalMs: t3 - t0 });
    }
  } finally {
    clearInterval(timer);
    await database.close();
  }
  const totals = runs.map((r) => r.totalMs).sort((a, b) => a - b);
  return {
    runs,
    medianMs: totals[Math.floor(totals.length / 2)] ?? Number.NaN,
    messages,
    chartBytes,
    baselineRssMb: mb(baseline),
    sampledPeakRssMb: mb(sampledPeak),
    // maxRSS is in kilobytes, for the child's whole life (measurement only).
    maxRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    heapUsedPeakMb: mb(heapPeak),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      provider: { type: 'string', default: 'sqlite' },
      measure: { type: 'string' },
    },
  });
  if (values.measure) {
    process.stdout.write(`${JSON.stringify(await measure(values.measure))}\n`);
    return;
  }
  const scale = Number(values.scale);
  if (![1, 4, 16].includes(scale)) throw new Error('--scale must be 1, 4 or 16');
  const provider = values.provider as TestProvider;
  if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error('--provider must be sqlite or postgresql');

  const database = await createTestDatabase(provider);
  try {
    const t0 = performance.now();
    const seeded = await seedSyntheticOrganization(database.db, {
      departments: 200 * scale,
      targetsPerDepartment: 30,
      weeks: WEEKS,
      batch: provider === 'sqlite' ? 5000 : 2000,
    });
    const seedSeconds = (performance.now() - t0) / 1000;
    process.stdout.write(
      `seeded ${provider} ×${scale}: ${seeded.departments} departments, ${seeded.targets} targets, ${seeded.updates} updates in ${seedSeconds.toFixed(1)} s\n`,
    );
    // SQLite: close our connection so the child is the only one reading the file.
    if (provider === 'sqlite') await database.close();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', database.url],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    if (child.status !== 0) throw new Error(`measurement failed:\n${child.stderr}`);
    const line = child.stdout.trim().split('\n').at(-1) ?? '{}';
    const m = JSON.parse(line) as Measurement;
    for (const [i, r] of m.runs.entries()) {
      process.stdout.write(
        `run ${i + 1}: data ${r.dataMs.toFixed(0)} ms, blocks ${r.blocksMs.toFixed(0)} ms, chart ${r.chartMs.toFixed(0)} ms, total ${r.totalMs.toFixed(0)} ms\n`,
      );
    }
    process.stdout.write(
      `median ${m.medianMs.toFixed(0)} ms; ${m.messages} messages (weekly + department digests), chart ${Math.round(m.chartBytes / 1024)} KiB\n` +
        `memory: baseline RSS ${m.baselineRssMb} MB, sampled peak RSS ${m.sampledPeakRssMb} MB, max RSS ${m.maxRssMb} MB, peak heap ${m.heapUsedPeakMb} MB\n`,
    );
    process.stdout.write(`${JSON.stringify({ provider, scale, updates: seeded.updates, seedSeconds, ...m })}\n`);
  } finally {
    if (provider === 'sqlite') {
      // Already closed above; destroy() also removes the temporary folder.
      await database.destroy().catch(() => undefined);
    } else {
      await database.destroy();
    }
  }
}

await main();
