import { loadOfflineConfig } from '../../config.js';
import { applyMigrations } from '../../db/migrations.js';
import { t } from '../../i18n/messages.js';
import type { SubcommandIo } from '../io.js';

/** `tracker migrate`: applies pending migrations and exits. */
export async function runMigrate(_args: string[], io: SubcommandIo): Promise<number> {
  const config = loadOfflineConfig(io.env);
  const applied = await applyMigrations(config.databaseUrl);
  io.out(
    applied.length
      ? t(io.locale, 'cli.migrate.applied', { list: applied.join(', ') })
      : t(io.locale, 'cli.migrate.up_to_date'),
  );
  return 0;
}
