import { loadOfflineConfig } from '../../config.js';
import { applyMigrations } from '../../db/migrations.js';
import type { Subcommand } from '../io.js';

/** `tracker migrate`: applies pending migrations and exits. */
export const migrateSubcommand: Subcommand = {
  summary: 'Apply pending database migrations and exit',
  async run(_args, io) {
    const config = loadOfflineConfig(io.env);
    const applied = await applyMigrations(config.databaseUrl);
    io.out(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    return 0;
  },
};
