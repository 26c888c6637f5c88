#!/usr/bin/env node
// The CLI entry and the program's composition root: the one module in src/ that reaches the Slack
// listeners (commands/) and the scheduled jobs (jobs/), and hands them to the subcommands.
import type { Wiring } from './io.js';
import { runCli } from './run-cli.js';

const wiring: Wiring = {
  listeners: async () => (await import('../../commands/index.js')).registerListeners,
  jobs: async () => (await import('../../jobs/index.js')).allJobs,
};

// Output piped into a program that stops reading (`tracker reminders preview | head`) ends the
// run quietly, as other command-line tools do, instead of with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(
  process.argv.slice(2),
  {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
  wiring,
);
