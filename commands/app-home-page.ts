import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { applyHomePageValue, parseHomePages } from '../src/blocks/home.js';
import type { HomePublisher } from '../src/slack/home-publisher.js';

/** A paging button on the Home tab (home_page_mine_next, home_page_org_previous…): republishes that page. */
export const appHomePage =
  (home: HomePublisher) =>
  async ({
    ack,
    body,
    action,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const pages = applyHomePageValue(parseHomePages(body.view?.private_metadata), action.value);
    home.request(client, body.user.id, pages);
  };
