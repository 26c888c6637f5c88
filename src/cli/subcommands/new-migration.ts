import { parseArgs } from 'node:util';
import { createMigration } from '../../db/create-migration.js';
import { t } from '../../i18n/messages.js';
import type { SubcommandIo } from '../io.js';

/** `tracker db new-migration NAME`: writes the next migration of both providers from the model. */
export async function runNewMigration(args: string[], io: SubcommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'pg-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' } },
  });
  const created = await createMigration(positionals[0] ?? 'change', { postgresAdminUrl: values['pg-url'] });
  for (const c of created) io.out(`${c.provider}: ${c.name ?? t(io.locale, 'cli.new_migration.no_changes')}`);
  return 0;
}
