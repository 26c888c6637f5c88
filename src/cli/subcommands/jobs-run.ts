import { parseArgs } from 'node:util';
import { loadOfflineConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { applyMigrations } from '../../db/migrations.js';
import { createLogger } from '../../logger.js';
import { createJobSlackClient } from '../../slack/job-client.js';
import type { CliIo, Wiring } from '../io.js';

/** An ISO-8601 instant with a zone (Z or ±hh:mm), or null. */
export function parseInstant(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * `tracker jobs run <job-id> [--at ISO-8601]`: one tick of a job as if it were that time, then exit.
 * Safe while the bot runs on the same database: every delivery is claimed by key before sending.
 */
export async function runJobsRun(args: string[], io: CliIo, wiring: Wiring): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { at: { type: 'string' } } });
  const config = loadOfflineConfig(io.env);
  const jobs = (await wiring.jobs())(config);
  const jobId = positionals[0];
  const job = jobs.find((j) => j.id === jobId);
  if (!job) {
    io.err(
      `${jobId ? `Unknown job "${jobId}". ` : ''}Usage: tracker jobs run <job-id> [--at 2027-05-25T00:30:00Z]\nJobs: ${jobs
        .map((j) => `${j.id} (${j.schedule})`)
        .join(', ')}`,
    );
    return 2;
  }
  const at = values.at === undefined ? new Date() : parseInstant(values.at);
  if (!at) {
    io.err(`--at must be an ISO-8601 instant with a zone, such as 2027-05-25T00:30:00Z (got "${values.at}")`);
    return 2;
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.slack.botToken, config.slack.appToken, config.slack.signingSecret],
  });
  // Before touching the database: without a token nothing could be sent.
  const slack = createJobSlackClient(config, logger);
  await applyMigrations(config.databaseUrl);
  const database = await openDatabase(config.databaseUrl);
  try {
    const result = await job.run({ db: database.db, slack, logger, now: at, config });
    io.out(`${job.id} at ${at.toISOString()}: sent ${result.sent}, skipped ${result.skipped}, failed ${result.failed}`);
    return result.failed > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
