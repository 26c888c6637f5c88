import { parseArgs } from 'node:util';
import { loadOfflineConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { applyMigrations } from '../../db/migrations.js';
import { t } from '../../i18n/messages.js';
import { createLogger } from '../../logger.js';
import { createJobSlackClient } from '../../slack/job-client.js';
import type { SubcommandIo, Wiring } from '../io.js';
import { parseInstant } from '../parse-instant.js';

/**
 * `tracker jobs run <job-id> [--at ISO-8601]`: one tick of a job as if it were that time, then exit.
 * Safe while the bot runs on the same database: every delivery is claimed by key before sending.
 */
export async function runJobsRun(args: string[], io: SubcommandIo, wiring: Wiring): Promise<number> {
  const { locale } = io;
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { at: { type: 'string' } } });
  const config = loadOfflineConfig(io.env);
  const jobs = (await wiring.jobs())(config);
  const jobId = positionals[0];
  const job = jobs.find((j) => j.id === jobId);
  if (!job) {
    const list = jobs.map((j) => `${j.id} (${j.schedule})`).join(', ');
    io.err(
      [
        ...(jobId ? [t(locale, 'cli.jobs.unknown', { job: JSON.stringify(jobId) })] : []),
        t(locale, 'cli.jobs.usage'),
        t(locale, 'cli.jobs.list', { list }),
      ].join('\n'),
    );
    return 2;
  }
  const at = values.at === undefined ? new Date() : parseInstant(values.at);
  if (!at) {
    io.err(t(locale, 'cli.error.bad_instant', { value: JSON.stringify(values.at) }));
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
    io.out(
      t(locale, 'cli.jobs.result', {
        job: job.id,
        at: at.toISOString(),
        sent: result.sent,
        skipped: result.skipped,
        failed: result.failed,
      }),
    );
    return result.failed > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
