import type { App } from '@slack/bolt';
import type { OfflineConfig } from '../config.js';
import type { ListenerContext } from '../context.js';
import type { Locale, MessageKey } from '../i18n/messages.js';
import type { Job } from '../scheduler/job.js';

/** What a CLI run is given by its process: the environment and where its output goes. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What a subcommand is given: the process's io and the language its messages are written in. */
export interface SubcommandIo extends CliIo {
  /** From --lang, else TRACKER_LANG, else Japanese (src/cli/cli-locale.ts). */
  locale: Locale;
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

/**
 * One subcommand of the command line (`tracker <name> …`): what `tracker help` and
 * `tracker <name> --help` say about it, and how it runs. The help is plain data, so showing it
 * loads none of the subcommand's code.
 */
export interface Subcommand {
  /** One line in `tracker help`. */
  summary: MessageKey;
  /** The command lines it takes, e.g. `tracker backup FILE [--force]` (not translated). */
  usage: readonly string[];
  /** Its options as typed (`--at ISO-8601`) with what each does. */
  options: readonly (readonly [flag: string, help: MessageKey])[];
  /** Further explanation under the options, if any. */
  details?: MessageKey;
  run(args: string[], io: SubcommandIo, wiring: Wiring): Promise<number>;
}
