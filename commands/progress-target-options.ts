import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { groupTargetOptions } from '../src/blocks/progress-modal.js';
import type { AppContext } from '../src/context.js';
import { findProgressFiscalYear } from '../src/services/organization/find-progress-fiscal-year.js';
import { peekUserLocale } from '../src/services/people/get-user-locale.js';
import { listReportableTargets } from '../src/services/progress/list-reportable-targets.js';
import { STATIC_SELECT_MAX } from '../src/slack/prepare-progress-modal.js';

/** Options for the target select when a user has more than 100 targets: searched as they type. */
export const progressTargetOptions =
  (ctx: AppContext) =>
  async ({ ack, body }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs) => {
    try {
      // The language names the group of the user's own targets; read beside the fiscal year.
      const [locale, fiscalYear] = await Promise.all([
        peekUserLocale(ctx.db, body.user.id).catch(() => 'ja' as const),
        findProgressFiscalYear(ctx.db, { now: ctx.now(), timeZone: ctx.config.timeZone }),
      ]);
      const targets = await listReportableTargets(ctx.db, {
        slackUserId: body.user.id,
        fiscalYear,
        query: body.value.slice(0, 100),
        limit: STATIC_SELECT_MAX,
      });
      await ack({ option_groups: groupTargetOptions(targets, locale) });
    } catch (error) {
      ctx.logger.event('error', 'target options failed', { user: body.user.id, error });
      await ack({ options: [] });
    }
  };
