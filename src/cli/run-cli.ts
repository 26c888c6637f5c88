import { ConfigError } from '../config.js';
import { AppError } from '../errors.js';
import type { CliIo, Wiring } from './io.js';
import { subcommands } from './subcommands.js';

const usage = `Usage: tracker <subcommand> [options]

Subcommands:
${Object.entries(subcommands)
  .map(([name, c]) => `  ${name.padEnd(28)}${c.summary}`)
  .join('\n')}
`;

/** Runs one subcommand and returns the process exit code; errors become one clear line. */
export async function runCli(argv: string[], io: CliIo, wiring: Wiring): Promise<number> {
  // Two-word subcommands ("jobs run", "reminders preview") are looked up before one-word ones.
  const two = argv.slice(0, 2).join(' ');
  const name = two in subcommands ? two : (argv[0] ?? '');
  const subcommand = subcommands[name];
  if (!subcommand || name === 'help' || argv.includes('--help')) {
    (subcommand ? io.out : io.err)(usage);
    return subcommand || name === 'help' ? 0 : 2;
  }
  const rest = argv.slice(name.split(' ').length);
  try {
    return await subcommand.run(rest, io, wiring);
  } catch (error) {
    if (error instanceof ConfigError) io.err(error.message);
    else if (error instanceof AppError) io.err(`tracker ${name}: ${error.message}`);
    else io.err(`tracker ${name}: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}
