import { ConfigError } from '../config.js';
import { AppError } from '../errors.js';
import { type CliIo, commands } from './commands.js';

const usage = `Usage: tracker <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(28)}${c.summary}`)
  .join('\n')}
`;

/** Runs one CLI command and returns the process exit code; errors become one clear line. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Two-word commands ("jobs run", "reminders preview") are looked up before one-word ones.
  const two = argv.slice(0, 2).join(' ');
  const name = two in commands ? two : (argv[0] ?? '');
  const command = commands[name];
  if (!command || name === 'help' || argv.includes('--help')) {
    (command ? io.out : io.err)(usage);
    return command || name === 'help' ? 0 : 2;
  }
  const rest = argv.slice(name.split(' ').length);
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof ConfigError) io.err(error.message);
    else if (error instanceof AppError) io.err(`tracker ${name}: ${error.message}`);
    else io.err(`tracker ${name}: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}
