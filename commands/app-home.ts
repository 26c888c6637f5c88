import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { HomeView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { buildHomeView, type HomePages } from '../src/blocks/home.js';
import { fiscalYearLabel } from '../src/calendar/format.js';
import type { AppContext } from '../src/context.js';
import { getUserLocale } from '../src/services/people/get-user-locale.js';
import { getHomeData } from '../src/services/progress/get-home-data.js';
import type { HomePublisher } from '../src/slack/home-publisher.js';

/** One formatter per zone: building an Intl.DateTimeFormat costs more than formatting with it. */
const asOfFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026/11/20 10:00" in the organisation's zone. */
function asOf(now: Date, timeZone: string): string {
  let format = asOfFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('ja-JP', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    asOfFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** Builds a person's Home tab as it stands now (the HomePublisher sends it when its turn comes). */
export async function renderHome(
  ctx: AppContext,
  client: WebClient,
  userId: string,
  pages: HomePages,
): Promise<HomeView> {
  const now = ctx.now();
  const [locale, data] = await Promise.all([
    getUserLocale({ ...ctx, client }, userId),
    getHomeData(ctx.db, { slackUserId: userId, hqUsers: ctx.config.hqUsers, now, timeZone: ctx.config.timeZone }),
  ]);
  return buildHomeView({
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
}

/**
 * app_home_opened (the event also fires for the Messages tab, ignored): Bolt has acked the event
 * before this runs; the Home is queued for publishing, coalesced and paced (HomePublisher).
 */
export const appHomeOpened =
  (home: HomePublisher) =>
  async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    home.request(client, event.user, { mine: 0, org: 0 });
  };
