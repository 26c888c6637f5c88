import type { App } from '@slack/bolt';
import type { AppContext } from '../src/context.js';

/** Registers every slash command, action, view and event listener: the one place they are wired. */
export function registerCommands(_app: App, _ctx: AppContext): void {}
