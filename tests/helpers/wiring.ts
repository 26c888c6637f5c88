import { registerListeners } from '../../commands/index.js';
import { allJobs } from '../../jobs/index.js';
import type { Wiring } from '../../src/cli/io.js';

export { registerListeners };

/** The program's real listeners and jobs, as the CLI entry hands them to subcommands. */
export const wiring: Wiring = {
  listeners: async () => registerListeners,
  jobs: async () => allJobs,
};
