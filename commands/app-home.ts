import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { buildHomeView, type HomePages } from '../src/blocks/home.js';
import { fiscalYearLabel } from '../src/calendar/format.js';
import type { AppContext } from '../src/context.js';
import { isDatabaseUnavailable } from '../src/errors.js';
import { getUserLocale } from '../src/services/people/get-user-locale.js';
import { getHomeData } from '../src/services/progress/get-home-data.js';

/** "2026/11/20 10:00" in the organisation's zone. */
function asOf(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(now);
}

/**
 * Builds and publishes a person's Home tab. Failures (database, Slack) are logged and swallowed:
 * the Home tab is a convenience, and Slack keeps showing the last published view.
 */
export async function publishHome(
  ctx: AppContext,
  client: WebClient,
  userId: string,
  pages: HomePages,
): Promise<boolean> {
  try {
    const now = ctx.now();
    const [locale, data] = await Promise.all([
      getUserLocale({ ...ctx, client }, userId),
      getHomeData(ctx.db, { slackUserId: userId, hqUsers: ctx.config.hqUsers, now, timeZone: ctx.config.timeZone }),
    ]);
    const view = buildHomeView({
      locale,
      fiscalYear: data.fiscalYear,
      fiscalYearLabel: fiscalYearLabel(data.fiscalYear, locale),
      asOf: asOf(now, ctx.config.timeZone),
      today: data.today,
      timeZone: ctx.config.timeZone,
      departments: data.departments,
      pausedUntil: data.pausedUntil,
      review: data.review && { ...data.review, fiscalYearLabel: fiscalYearLabel(data.review.fiscalYear, locale) },
      org: data.org,
      pages,
    });
    await client.views.publish({ user_id: userId, view });
    return true;
  } catch (error) {
    ctx.logger.event('error', 'home tab not published', {
      user: userId,
      code: isDatabaseUnavailable(error) ? 'database_unavailable' : ((error as { code?: string }).code ?? 'unexpected'),
      error,
    });
    return false;
  }
}

/** app_home_opened: publishes the Home tab (the event also fires for the Messages tab, ignored). */
export const appHomeOpened =
  (ctx: AppContext) =>
  async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await publishHome(ctx, client, event.user, { mine: 0, org: 0 });
  };
