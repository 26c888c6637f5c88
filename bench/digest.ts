/**
 * Weekly digest bench: seeds 200 × scale departments × 30 targets with a year of weekly updates
 * (300,000 × scale ProgressUpdate rows) into a fresh SQLite file or PostgreSQL database, then, in a
 * child process running the compiled bot (bench/digest-measure.mjs on dist/, so seeding and the
 * TypeScript loader do not count), times building the digest data, blocks and chart (median of 3)
 * and reports the child's memory: before any work, at the peak of the first build and overall.
 *
 *   npx tsx bench/digest.ts [--scale 1|4|16] [--provider sqlite|postgresql]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTestDatabase, type TestProvider } from '../tests/helpers/databases.js';
import { seedSyntheticOrganization } from '../tests/helpers/digest-fixtures.js';
import { buildBot, type EventLoopDelay, formatEventLoopDelay } from './bot-process.js';

const WEEKS = 50;
const root = join(import.meta.dirname, '..');

interface Measurement {
  runs: { dataMs: number; blocksMs: number; chartMs: number; totalMs: number; maxRssMb: number }[];
  medianMs: number;
  messages: number;
  chartBytes: number;
  /** RSS with the bot's modules loaded and the database open, before the first build. */
  baselineRssMb: number;
  /** Peak RSS up to the end of the first build (a weekly job builds once per process). */
  firstBuildMaxRssMb: number;
  /** Peak RSS over all three builds. */
  maxRssMb: number;
  /** Peak RSS minus the baseline: what the builds added to a running bot. */
  buildIncrementMb: number;
  heapUsedPeakMb: number;
  /** The measuring process's event loop over the builds (ms beyond the sampling interval). */
  eventLoop: EventLoopDelay;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, provider: { type: 'string', default: 'sqlite' } },
  });
  const scale = Number(values.scale);
  if (![1, 4, 16].includes(scale)) throw new Error('--scale must be 1, 4 or 16');
  const provider = values.provider as TestProvider;
  if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error('--provider must be sqlite or postgresql');

  // The child measures the compiled bot: build it first.
  buildBot();
  const database = await createTestDatabase(provider);
  try {
    const t0 = performance.now();
    const seeded = await seedSyntheticOrganization(database.db, {
      provider,
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
    const child = spawnSync(process.execPath, [join(root, 'bench', 'digest-measure.mjs'), database.url], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
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
        `memory: RSS before building ${m.baselineRssMb} MB, peak in the first build ${m.firstBuildMaxRssMb} MB, ` +
        `peak over ${m.runs.length} builds ${m.maxRssMb} MB (+${m.buildIncrementMb} MB), peak heap ${m.heapUsedPeakMb} MB\n` +
        `event-loop delay over the builds: ${formatEventLoopDelay(m.eventLoop)}\n`,
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
