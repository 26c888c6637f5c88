import type { App } from '@slack/bolt';
import type { OfflineConfig } from '../config.js';
import type { ListenerContext } from '../context.js';
import type { Job } from '../scheduler/job.js';

/** What a CLI run is given by its process: the environment and where its output goes. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Registers every Slack listener on the app (commands/index.ts). */
export type RegisterListeners = (app: App, ctx: ListenerContext) => void;

/**
 * The parts of the program outside src/ that subcommands start: the Slack listeners (commands/)
 * and the scheduled jobs (jobs/). The CLI entry (main.ts) loads them, on demand, so that a
 * subcommand that needs neither does not pay for loading them.
 */
export interface Wiring {
  listeners(): Promise<RegisterListeners>;
  jobs(): Promise<(config: OfflineConfig) => Job[]>;
}

/** One subcommand of the command line (`tracker <name> …`). */
export interface Subcommand {
  summary: string;
  run(args: string[], io: CliIo, wiring: Wiring): Promise<number>;
}
