import { AppError } from '../errors.js';
import { type Locale, t } from '../i18n/messages.js';
import { readLangOption } from './cli-locale.js';
import type { CliIo, Subcommand, Wiring } from './io.js';
import { subcommands } from './subcommands.js';

const HELP_FLAGS = new Set(['--help', '-h']);

/** Options every subcommand takes, after its own in `tracker <name> --help`. */
const COMMON_OPTIONS = [
  ['--lang ja|en', 'cli.option.lang'],
  ['--help', 'cli.option.help'],
] as const;

function table(rows: readonly (readonly [string, string])[], indent = 2): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `${' '.repeat(indent)}${left.padEnd(width)}${right}`);
}

/** `tracker help`: every subcommand with one line each. */
export function generalHelp(locale: Locale): string {
  return [
    t(locale, 'cli.help.usage'),
    '',
    t(locale, 'cli.help.commands'),
    ...table(Object.entries(subcommands).map(([name, c]) => [name, t(locale, c.summary)])),
    '',
    t(locale, 'cli.help.common_options'),
    ...table(COMMON_OPTIONS.map(([flag, key]) => [flag, t(locale, key)])),
    '',
    t(locale, 'cli.help.more'),
  ].join('\n');
}

/** `tracker <name> --help`: the subcommand's command lines and options. */
export function commandHelp(subcommand: Subcommand, locale: Locale): string {
  const lines = [
    t(locale, 'cli.help.command_usage'),
    ...subcommand.usage.map((u) => `  ${u}`),
    '',
    t(locale, subcommand.summary),
    '',
    t(locale, 'cli.help.options'),
    ...table([...subcommand.options, ...COMMON_OPTIONS].map(([flag, key]) => [flag, t(locale, key)])),
  ];
  if (subcommand.details) lines.push('', t(locale, subcommand.details));
  return lines.join('\n');
}

function find(name: string): Subcommand | undefined {
  return Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
}

/**
 * Runs one subcommand and returns the process exit code; errors become one clear line. Help asked
 * for (`help`, `--help`, `-h`) goes to stdout with exit 0; a missing or unknown subcommand gets
 * the general help on stderr with exit 2.
 */
export async function runCli(argv: string[], io: CliIo, wiring: Wiring): Promise<number> {
  const lang = readLangOption(argv, io.env);
  const { locale } = lang;
  if ('error' in lang) {
    io.err(t(locale, 'cli.error.bad_lang', { value: JSON.stringify(lang.error) }));
    return 2;
  }
  const args = lang.args;
  // Two-word subcommands ("jobs run", "reminders preview") are looked up before one-word ones.
  const two = args.slice(0, 2).join(' ');
  const name = find(two) ? two : (args[0] ?? '');
  if (name === 'help' || HELP_FLAGS.has(name)) {
    const topic = args
      .slice(1)
      .filter((a) => !HELP_FLAGS.has(a))
      .join(' ');
    const about = find(topic);
    if (topic !== '' && !about) {
      io.err(`${t(locale, 'cli.error.unknown_command', { name: topic })}\n\n${generalHelp(locale)}`);
      return 2;
    }
    io.out(about ? commandHelp(about, locale) : generalHelp(locale));
    return 0;
  }
  const subcommand = find(name);
  const wantsHelp = (rest: string[]) => {
    const end = rest.indexOf('--');
    return (end < 0 ? rest : rest.slice(0, end)).some((a) => HELP_FLAGS.has(a));
  };
  if (!subcommand && wantsHelp(args)) {
    // `tracker jobs --help`: help was asked for, about a group or a misspelt command.
    io.out(generalHelp(locale));
    return 0;
  }
  if (!subcommand) {
    const problem = name === '' ? t(locale, 'cli.error.no_command') : t(locale, 'cli.error.unknown_command', { name });
    io.err(`${problem}\n\n${generalHelp(locale)}`);
    return 2;
  }
  const rest = args.slice(name.split(' ').length);
  if (wantsHelp(rest)) {
    io.out(commandHelp(subcommand, locale));
    return 0;
  }
  try {
    return await subcommand.run(rest, { ...io, locale }, wiring);
  } catch (error) {
    io.err(await describeError(error, name, locale));
    return isArgumentError(error) ? 2 : 1;
  }
}

/** node:util parseArgs refuses an unknown option or a missing value with one of these codes. */
function isArgumentError(error: unknown): error is TypeError {
  return error instanceof TypeError && /^ERR_PARSE_ARGS_/.test((error as NodeJS.ErrnoException).code ?? '');
}

/** One clear message for an error a subcommand did not handle itself; never a stack trace. */
async function describeError(error: unknown, name: string, locale: Locale): Promise<string> {
  // The configuration module is loaded only here: it is already in memory when it threw.
  const { ConfigError } = await import('../config.js');
  if (error instanceof ConfigError) {
    return [
      t(locale, 'cli.error.config'),
      ...error.problems.map((p) => `  - ${p}`),
      t(locale, 'cli.error.config_hint'),
    ].join('\n');
  }
  if (isArgumentError(error)) {
    return `tracker ${name}: ${t(locale, 'cli.error.bad_arguments', { detail: error.message })}\n${t(locale, 'cli.help.see', { name })}`;
  }
  if (error instanceof AppError) {
    // An error that names its message for people is shown in their language; others as written.
    const text = error.userMessage === 'error.generic' ? error.message : t(locale, error.userMessage, error.params);
    return `tracker ${name}: ${text}`;
  }
  return `tracker ${name}: ${(error as Error)?.message ?? String(error)}`;
}
