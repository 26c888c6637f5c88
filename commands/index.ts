import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { HOME_PAGE_ACTION } from '../src/blocks/home.js';
import { PROGRESS_CALLBACK_ID, PROGRESS_TARGET_ACTION } from '../src/blocks/progress-modal.js';
import { REVIEW_LIST_OPEN_ACTION, REVIEW_OPEN_ACTION, REVIEW_PAGE_ACTION } from '../src/blocks/review-list.js';
import { REVIEW_STEP_CALLBACK_ID } from '../src/blocks/review-step-modal.js';
import { OPEN_PROGRESS_ACTION, TARGETS_PAGE_ACTION } from '../src/blocks/targets-message.js';
import type { ListenerContext } from '../src/context.js';
import { createRouter, type Route } from '../src/slack/routes.js';
import { appHomeOpened } from './app-home.js';
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

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Registers every slash command, action, view, options and event listener: the one place they are
 * wired. Each kind of request has one Bolt listener that routes by id (src/slack/routes.ts says why).
 */
export function registerCommands(app: App, ctx: ListenerContext): void {
  const commands: Route<CommandArgs>[] = [
    // --- foundation: /progress, /targets ---
    { id: '/progress', listener: progressCommand(ctx) },
    { id: '/targets', listener: targetsCommand(ctx) },
    // --- reminders: /tracker pause|resume|reassign ---
    { id: '/tracker', listener: trackerCommand(ctx) },
  ];
  const actions: Route<ActionArgs>[] = [
    { id: PROGRESS_TARGET_ACTION, listener: progressTargetSelected(ctx) },
    { id: OPEN_PROGRESS_ACTION, listener: openProgressAction(ctx) },
    { id: new RegExp(`${TARGETS_PAGE_ACTION}_(next|previous)`), listener: targetsPage(ctx) },
    // --- digest, App Home, yearly review ---
    { id: new RegExp(`${HOME_PAGE_ACTION}_(mine|org)_(next|previous)`), listener: appHomePage(ctx) },
    { id: REVIEW_LIST_OPEN_ACTION, listener: reviewOpenList(ctx) },
    { id: REVIEW_OPEN_ACTION, listener: reviewOpen(ctx) },
    { id: new RegExp(`${REVIEW_PAGE_ACTION}_(next|previous)`), listener: reviewPage(ctx) },
  ];
  const submissions: Route<SubmissionArgs>[] = [
    { id: PROGRESS_CALLBACK_ID, listener: progressSubmit(ctx) },
    { id: REVIEW_STEP_CALLBACK_ID, listener: reviewSubmit(ctx) },
  ];
  const commandRouter = createRouter(commands);
  const actionRouter = createRouter(actions);
  const submissionRouter = createRouter(submissions);
  app.command(commandRouter.pattern, async (args) => {
    await commandRouter.dispatch(args.command.command, args);
  });
  app.action({ type: 'block_actions', action_id: actionRouter.pattern }, async (args) => {
    await actionRouter.dispatch(args.action.action_id, args);
  });
  app.view<ViewSubmitAction>(submissionRouter.pattern, async (args) => {
    await submissionRouter.dispatch(args.view.callback_id, args);
  });
  app.options({ action_id: PROGRESS_TARGET_ACTION }, progressTargetOptions(ctx));
  app.event('app_home_opened', appHomeOpened(ctx));
}
