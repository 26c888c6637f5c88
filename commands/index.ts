import type { App } from '@slack/bolt';
import { PROGRESS_CALLBACK_ID, PROGRESS_TARGET_ACTION } from '../src/blocks/progress-modal.js';
import { OPEN_PROGRESS_ACTION, TARGETS_PAGE_ACTION } from '../src/blocks/targets-message.js';
import type { AppContext } from '../src/context.js';
import { openProgressAction } from './open-progress.js';
import { progressCommand } from './progress.js';
import { progressSubmit } from './progress-submit.js';
import { progressTargetOptions } from './progress-target-options.js';
import { progressTargetSelected } from './progress-target-selected.js';
import { targetsCommand } from './targets.js';
import { targetsPage } from './targets-page.js';

/** Registers every slash command, action, view, options and event listener: the one place they are wired. */
export function registerCommands(app: App, ctx: AppContext): void {
  // --- foundation: /progress, /targets ---
  app.command('/progress', progressCommand(ctx));
  app.action({ type: 'block_actions', action_id: PROGRESS_TARGET_ACTION }, progressTargetSelected(ctx));
  app.options({ action_id: PROGRESS_TARGET_ACTION }, progressTargetOptions(ctx));
  app.view(PROGRESS_CALLBACK_ID, progressSubmit(ctx));
  app.action(OPEN_PROGRESS_ACTION, openProgressAction(ctx));
  app.command('/targets', targetsCommand(ctx));
  app.action(new RegExp(`^${TARGETS_PAGE_ACTION}_(next|previous)$`), targetsPage(ctx));
  // --- reminders: /tracker pause|resume|reassign ---
  // --- digest, App Home, yearly review ---
}
