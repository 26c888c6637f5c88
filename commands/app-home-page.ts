import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { applyHomePageValue, parseHomePages } from '../src/blocks/home.js';
import type { AppContext } from '../src/context.js';
import { publishHome } from './app-home.js';

/** A paging button on the Home tab (home_page_mine_next, home_page_org_previous…): republishes that page. */
export const appHomePage =
  (ctx: AppContext) =>
  async ({
    ack,
    body,
    action,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const pages = applyHomePageValue(parseHomePages(body.view?.private_metadata), action.value);
    await publishHome(ctx, client, body.user.id, pages);
  };
