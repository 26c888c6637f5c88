import type { OfflineConfig } from '../config.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { t } from '../i18n/messages.js';
import type { EmailLocation, Organization } from '../import/organization.js';
import { withSlackIds } from '../import/person-reference.js';
import type { AppLogger } from '../logger.js';
import { type ResolvedPerson, resolveEmailAddresses } from '../services/people/resolve-email-addresses.js';
import { createJobSlackClient } from '../slack/job-client.js';
import { lookupUserByEmail } from '../slack/lookup-user-by-email.js';
import { sendFailure } from '../slack/send-failure.js';
import type { SubcommandIo } from './io.js';

export type ImportPeople = { ok: true; organization: Organization; found: ResolvedPerson[] } | { ok: false };

/**
 * The import's organisation with people named by e-mail address resolved to Slack user ids: from
 * the mapping earlier imports stored, else with users.lookupByEmail (the bot token is needed only
 * then). Addresses Slack does not know are listed with their row or path, and the import stops.
 */
export async function resolveImportEmails(
  deps: { db: Db; io: SubcommandIo; config: OfflineConfig; logger: AppLogger; file: string },
  organization: Organization,
  emails: readonly EmailLocation[],
): Promise<ImportPeople> {
  const { io } = deps;
  const { locale } = io;
  if (emails.length === 0) return { ok: true, organization, found: [] };
  const addresses = (n: number) => `${n} e-mail address${n === 1 ? '' : 'es'}`;
  const resolution = await resolveEmailAddresses(
    {
      db: deps.db,
      connect: (count) => {
        if (!deps.config.slack.botToken) {
          const params = { count, file: deps.file, addresses: addresses(count), are: count === 1 ? 'is' : 'are' };
          throw new AppError(
            'import_needs_slack',
            t('en', 'import.email.needs_slack', params),
            'import.email.needs_slack',
            params,
          );
        }
        io.out(t(locale, 'import.email.looking_up', { count, addresses: addresses(count) }));
        return lookupUserByEmail(createJobSlackClient(deps.config, deps.logger));
      },
    },
    emails.map((e) => e.address),
  ).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    const { reason } = sendFailure(error);
    const key = reason === 'missing_scope' ? 'import.email.lookup_failed_scope' : 'import.email.lookup_failed';
    throw new AppError('import_lookup_failed', t('en', key, { reason }), key, { reason });
  });
  const unknown = new Set(resolution.unknown);
  if (unknown.size > 0) {
    const places = emails.filter((e) => unknown.has(e.address));
    for (const e of places) {
      io.err(`${e.location}: ${t(locale, 'import.email.not_found', { address: e.address })}`);
    }
    io.err(
      t(locale, 'import.email.not_found_summary', {
        count: unknown.size,
        addresses: addresses(unknown.size),
        placeCount: places.length,
        places: `${places.length} place${places.length === 1 ? '' : 's'}`,
        file: deps.file,
      }),
    );
    return { ok: false };
  }
  const asked = resolution.found.length;
  const count = resolution.ids.size;
  io.out(
    t(locale, 'import.email.resolved', {
      count,
      addresses: `${count} address${count === 1 ? '' : 'es'}`,
      known: resolution.known,
      asked,
    }),
  );
  return { ok: true, organization: withSlackIds(organization, resolution.ids), found: resolution.found };
}
