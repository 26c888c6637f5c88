import type { App } from '@slack/bolt';
import type { AppContext } from '../src/context.js';

/** Registers every slash command, action, view, options and event listener: the one place they are wired. */
export function registerCommands(app: App, ctx: AppContext): void {
  // --- foundation: /progress, /targets ---
  // --- reminders: /tracker pause|resume|reassign ---
  // --- digest, App Home, yearly review ---
  void app;
  void ctx;
}
