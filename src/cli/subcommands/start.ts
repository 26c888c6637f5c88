import { type Config, loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { applyMigrations } from '../../db/migrations.js';
import { t } from '../../i18n/messages.js';
import { createLogger } from '../../logger.js';
import { startScheduler } from '../../scheduler/scheduler.js';
import { assertPortFree, startApp } from '../../slack/app.js';
import { createJobSlackClient } from '../../slack/job-client.js';
import type { SubcommandIo, Wiring } from '../io.js';

/** Applies migrations, starts the Slack app, and stops cleanly on SIGINT/SIGTERM. */
async function startBot(config: Config, io: SubcommandIo, wiring: Wiring): Promise<number> {
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.slack.botToken, config.slack.appToken, config.slack.signingSecret],
  });
  // A port that cannot be bound ends the start before the migrations and Slack are waited for.
  await assertPortFree(config.port);
  const applied = await applyMigrations(config.databaseUrl);
  if (applied.length) logger.event('info', 'migrations applied', { applied });
  const database = await openDatabase(config.databaseUrl);
  const ctx = { db: database.db, database, config, logger, now: () => new Date() };
  const running = await startApp(ctx, await wiring.listeners());
  // Jobs get their own client: bounded retries and a request timeout (job-client.ts).
  const scheduler = startScheduler(
    { ...ctx, slack: createJobSlackClient(config, logger) },
    (await wiring.jobs())(config),
  );
  const mode = config.slack.appToken ? 'socket' : 'http';
  logger.event('info', 'tracker started', { mode, port: running.port, provider: database.provider });
  // "HTTP on :PORT" stays the same in every language: scripts and tests read the port from it.
  const where = mode === 'socket' ? 'Socket Mode' : `HTTP on :${running.port}/slack/events`;
  io.out(t(io.locale, 'cli.start.running', { where }));
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

/** `tracker start`: runs the bot until SIGINT or SIGTERM. */
export function runStart(_args: string[], io: SubcommandIo, wiring: Wiring): Promise<number> {
  return startBot(loadConfig(io.env), io, wiring);
}
