import type { OfflineConfig } from '../config.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import type { EmailLocation, Organization } from '../import/organization.js';
import { withSlackIds } from '../import/person-reference.js';
import type { AppLogger } from '../logger.js';
import { type ResolvedPerson, resolveEmailAddresses } from '../services/people/resolve-email-addresses.js';
import { createJobSlackClient } from '../slack/job-client.js';
import { lookupUserByEmail } from '../slack/lookup-user-by-email.js';
import { sendFailure } from '../slack/send-failure.js';
import type { CliIo } from './io.js';

export type ImportPeople = { ok: true; organization: Organization; found: ResolvedPerson[] } | { ok: false };

/**
 * The import's organisation with people named by e-mail address resolved to Slack user ids: from
 * the mapping earlier imports stored, else with users.lookupByEmail (the bot token is needed only
 * then). Addresses Slack does not know are listed with their row or path, and the import stops.
 */
export async function resolveImportEmails(
  deps: { db: Db; io: CliIo; config: OfflineConfig; logger: AppLogger; file: string },
  organization: Organization,
  emails: readonly EmailLocation[],
): Promise<ImportPeople> {
  const { io } = deps;
  if (emails.length === 0) return { ok: true, organization, found: [] };
  const resolution = await resolveEmailAddresses(
    {
      db: deps.db,
      connect: (count) => {
        if (!deps.config.slack.botToken) {
          throw new AppError(
            'import_needs_slack',
            `${count} e-mail address${count === 1 ? '' : 'es'} in ${deps.file} ${count === 1 ? 'is' : 'are'} not yet ` +
              'known and need Slack to resolve (users.lookupByEmail, scope users:read.email): set SLACK_BOT_TOKEN, ' +
              'or name those people by Slack user id. Nothing was written. / メールアドレスをSlackユーザーに変換するには ' +
              'SLACK_BOT_TOKEN が必要です。何も書き込んでいません。',
          );
        }
        io.out(`Looking up ${count} e-mail address${count === 1 ? '' : 'es'} in Slack (users.lookupByEmail)…`);
        return lookupUserByEmail(createJobSlackClient(deps.config, deps.logger));
      },
    },
    emails.map((e) => e.address),
  ).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    const { reason } = sendFailure(error);
    const scope =
      reason === 'missing_scope' ? ' (the app needs the users:read.email scope: update it from manifest.yml)' : '';
    throw new AppError(
      'import_lookup_failed',
      `users.lookupByEmail failed: ${reason}${scope}. Nothing was written. / ` +
        'メールアドレスの照会に失敗したため、何も書き込んでいません。',
    );
  });
  const unknown = new Set(resolution.unknown);
  if (unknown.size > 0) {
    const places = emails.filter((e) => unknown.has(e.address));
    for (const e of places) io.err(`${e.location}: no Slack user has the e-mail address ${e.address}`);
    io.err(
      `${unknown.size} e-mail address${unknown.size === 1 ? '' : 'es'} not found in Slack (${places.length} ` +
        `place${places.length === 1 ? '' : 's'} in ${deps.file}); nothing was written. / ` +
        `Slackに見つからないメールアドレスが${unknown.size}件あるため、何も書き込んでいません。`,
    );
    return { ok: false };
  }
  const asked = resolution.found.length;
  io.out(
    `People by e-mail: ${resolution.ids.size} address${resolution.ids.size === 1 ? '' : 'es'}, ` +
      `${resolution.known} already known, ${asked} resolved with Slack`,
  );
  return { ok: true, organization: withSlackIds(organization, resolution.ids), found: resolution.found };
}
