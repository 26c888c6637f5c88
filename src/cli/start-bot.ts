import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { applyMigrations } from '../db/migrations.js';
import { createLogger } from '../logger.js';
import { startScheduler } from '../scheduler/scheduler.js';
import { startApp } from '../slack/app.js';
import { createJobSlackClient } from '../slack/job-client.js';
import type { CliIo } from './commands.js';

/** Applies migrations, starts the Slack app, and stops cleanly on SIGINT/SIGTERM. */
export async function startBot(config: Config, io: CliIo): Promise<number> {
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.slack.botToken, config.slack.appToken, config.slack.signingSecret],
  });
  const applied = await applyMigrations(config.databaseUrl);
  if (applied.length) logger.event('info', 'migrations applied', { applied });
  const database = await openDatabase(config.databaseUrl);
  const ctx = { db: database.db, database, config, logger, now: () => new Date() };
  const running = await startApp(ctx);
  // Jobs get their own client that never retries by itself: the send queue owns 429s and retries.
  const scheduler = startScheduler({ ...ctx, slack: createJobSlackClient(config, logger) });
  const mode = config.slack.appToken ? 'socket' : 'http';
  logger.event('info', 'tracker started', { mode, port: running.port, provider: database.provider });
  io.out(`tracker is running (${mode === 'socket' ? 'Socket Mode' : `HTTP on :${running.port}/slack/events`}).`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await scheduler.stop();
  await running.stop();
  await database.close();
  return 0;
}
