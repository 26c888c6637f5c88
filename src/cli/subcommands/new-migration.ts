import { parseArgs } from 'node:util';
import { createMigration } from '../../db/create-migration.js';
import type { Subcommand } from '../io.js';

/** `tracker db new-migration NAME`: writes the next migration of both providers from the model. */
export const newMigrationSubcommand: Subcommand = {
  summary: 'Write the next migration for SQLite and PostgreSQL from prisma/models.prisma',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'pg-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' } },
    });
    const created = await createMigration(positionals[0] ?? 'change', { postgresAdminUrl: values['pg-url'] });
    for (const c of created) io.out(`${c.provider}: ${c.name ?? 'no changes'}`);
    return 0;
  },
};
