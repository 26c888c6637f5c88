import type { App, BlockAction, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import { HOME_PAGE_ACTION } from '../src/blocks/home.js';
import { PROGRESS_CALLBACK_ID, PROGRESS_TARGET_ACTION } from '../src/blocks/progress-modal.js';
import { REVIEW_LIST_OPEN_ACTION, REVIEW_OPEN_ACTION, REVIEW_PAGE_ACTION } from '../src/blocks/review-list.js';
import { REVIEW_STEP_CALLBACK_ID } from '../src/blocks/review-step-modal.js';
import { OPEN_PROGRESS_ACTION, TARGETS_PAGE_ACTION } from '../src/blocks/targets-message.js';
import type { ListenerContext } from '../src/context.js';
import { HomePublisher } from '../src/slack/home-publisher.js';
import { appHomeOpened, renderHome } from './app-home.js';
import { appHomePage } from './app-home-page.js';
import { openProgressAction } from './open-progress.js';
import { progressCommand } from './progress.js';
import { progressSubmit } from './progress-submit.js';
import { progressTargetOptions } from './progress-target-options.js';
import { progressTargetSelected } from './progress-target-selected.js';
import { reviewOpen } from './review-open.js';
import { reviewOpenList } from './review-open-list.js';
import { reviewPage } from './review-page.js';
import { reviewSubmit } from './review-submit.js';
import { targetsCommand } from './targets.js';
import { targetsPage } from './targets-page.js';
import { trackerCommand } from './tracker.js';

/** Registers every Slack listener with Bolt: the one place they are wired. */
export function registerListeners(app: App, ctx: ListenerContext): void {
  // One queue of Home publishes per app, shared by openings and paging buttons.
  const home = new HomePublisher({
    render: (client, userId, pages) => renderHome(ctx, client, userId, pages),
    logger: ctx.logger,
  });
  app.command('/progress', progressCommand(ctx));
  app.command('/targets', targetsCommand(ctx));
  app.command('/tracker', trackerCommand(ctx));

  app.action<BlockAction>(PROGRESS_TARGET_ACTION, progressTargetSelected(ctx));
  app.action<BlockButtonAction>(OPEN_PROGRESS_ACTION, openProgressAction(ctx));
  app.action<BlockButtonAction>(new RegExp(`^${TARGETS_PAGE_ACTION}_(next|previous)$`), targetsPage(ctx));
  app.action<BlockButtonAction>(new RegExp(`^${HOME_PAGE_ACTION}_(mine|org)_(next|previous)$`), appHomePage(home));
  app.action<BlockButtonAction>(REVIEW_LIST_OPEN_ACTION, reviewOpenList(ctx));
  app.action<BlockButtonAction>(REVIEW_OPEN_ACTION, reviewOpen(ctx));
  app.action<BlockButtonAction>(new RegExp(`^${REVIEW_PAGE_ACTION}_(next|previous)$`), reviewPage(ctx));

  app.view<ViewSubmitAction>(PROGRESS_CALLBACK_ID, progressSubmit(ctx));
  app.view<ViewSubmitAction>(REVIEW_STEP_CALLBACK_ID, reviewSubmit(ctx));

  app.options({ action_id: PROGRESS_TARGET_ACTION }, progressTargetOptions(ctx));
  app.event('app_home_opened', appHomeOpened(home));
}
