import { loadOfflineConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { applyMigrations } from '../db/migrations.js';
import { createLogger } from '../logger.js';
import type { CliIo } from './io.js';

/** Opens the configured database with migrations applied, for offline subcommands. */
export async function openMigratedDatabase(io: CliIo) {
  const config = loadOfflineConfig(io.env);
  await applyMigrations(config.databaseUrl);
  const database = await openDatabase(config.databaseUrl);
  const logger = createLogger({ level: config.logLevel });
  return { config, database, logger };
}
