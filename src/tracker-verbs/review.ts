import { buildReviewLauncherMessage } from '../blocks/review-list.js';
import { fiscalYearLabel } from '../calendar/format.js';
import { AppError } from '../errors.js';
import { t } from '../i18n/messages.js';
import { prepareReviewList } from '../review/prepare-review-list.js';
import type { TrackerVerb, VerbInput } from './types.js';

/** A fiscal year typed as 2026 or FY2026; undefined when none was given. */
export function parseFiscalYearArg(arg: string | undefined): number | undefined {
  if (arg === undefined) return undefined;
  const match = /^(?:FY)?(\d{4})$/i.exec(arg.normalize('NFKC'));
  if (!match) throw new AppError('bad_fiscal_year', `not a fiscal year: ${arg}`, 'review.error.bad_fiscal_year');
  return Number(match[1]);
}

/**
 * `/tracker review [fy]`: the review list of the fiscal year under review (or the given one).
 * A modal needs the command's trigger_id; when the dispatcher passes none, a DM with a button
 * that opens the list is sent instead.
 */
export const reviewVerb: TrackerVerb = {
  help: 'review.help',
  async run(input: VerbInput) {
    const { ctx, client, userId, locale } = input;
    const fiscalYear = parseFiscalYearArg(input.args[0]);
    const list = await prepareReviewList(ctx, { userId, locale, fiscalYear });
    if (input.triggerId) {
      await client.views.open({ trigger_id: input.triggerId, view: list.view });
      return t(locale, 'review.launcher.opened');
    }
    const message = buildReviewLauncherMessage({
      locale,
      fiscalYearLabel: fiscalYearLabel(list.fiscalYear, locale),
      yourTurn: list.yourTurn,
    });
    await client.chat.postMessage({ channel: userId, ...message });
    return t(locale, 'review.launcher.sent');
  },
};
