import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { subcommands } from '../../../src/cli/subcommands.js';
import { wiring } from '../../helpers/wiring.js';

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env, out: (l) => out.push(l), err: (l) => err.push(l) }, wiring);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const root = resolve(import.meta.dirname, '../../..');
const main = join(root, 'dist', 'src', 'cli', 'main.js');

/**
 * Every module main.js loads before it runs anything: its static imports, followed through the
 * compiled files (dynamic import() calls are not followed; they load only when a subcommand runs).
 */
function staticImportsOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('/')) return;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

describe('tracker help', () => {
  it.each([['--help'], ['-h'], ['help']])(
    '`tracker %s` prints the commands in Japanese on stdout, exit 0',
    async (arg) => {
      const { code, out, err } = await run([arg]);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toMatch(/^使い方: tracker <コマンド> \[オプション\]/);
      for (const name of Object.keys(subcommands)) expect(out).toMatch(new RegExp(`^ {2}${name} {2,}\\S`, 'm'));
      expect(out).toMatch(/ {2}import\s+部・重点目標・マイルストーンを YAML、CSV、XLSX ファイルから取り込みます/);
      expect(out).toContain('--lang ja|en');
    },
  );

  it("shows one command's own usage and options for `tracker <command> --help` and `tracker help <command>`", async () => {
    const asked = await run(['import', '--help']);
    expect(asked.code).toBe(0);
    expect(asked.err).toBe('');
    expect(asked.out).toMatch(/^使い方:\n {2}tracker import FILE\.yaml\|FILE\.csv\|FILE\.xlsx \[--dry-run\]/);
    expect(asked.out).toMatch(
      / {2}--dry-run\s+変更内容を表示するだけで、何も書き込みません（データベースファイルも作りません）/,
    );
    expect(asked.out).toMatch(/ {2}--actor SLACK_USER_ID\s+/);
    expect(asked.out).toContain('2026/9/30');
    // Not the general help.
    expect(asked.out).not.toContain('reminders preview');
    expect(await run(['help', 'import'])).toEqual(asked);
    expect(await run(['help', 'import', '--help'])).toEqual(asked);
    // A group of commands: the general help.
    expect(await run(['jobs', '--help'])).toEqual(await run(['help']));

    const preview = await run(['reminders', 'preview', '-h', '--lang', 'en']);
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/^Usage:\n {2}tracker reminders preview \[--at ISO-8601\] \[--missed\]/);
    expect(preview.out).toMatch(/ {2}--missed\s+Also list reminders missed beyond the catch-up bound/);
  });

  it('speaks English with --lang en (anywhere) or TRACKER_LANG=en, and --lang wins', async () => {
    for (const [args, env] of [
      [['--lang', 'en', 'help'], {}],
      [['help', '--lang=en'], {}],
      [['help'], { TRACKER_LANG: 'en' }],
      [['help', '--lang', 'en'], { TRACKER_LANG: 'ja' }],
    ] as const) {
      const { code, out } = await run([...args], env);
      expect(code).toBe(0);
      expect(out).toMatch(/^Usage: tracker <command> \[options\]/);
      expect(out).toMatch(/ {2}import\s+Import departments, targets and milestones from a YAML, CSV or XLSX file/);
    }
    expect((await run(['help', '--lang', 'ja'], { TRACKER_LANG: 'en' })).out).toMatch(/^使い方/);
  });

  it('refuses an unknown language, an unknown command and no command on stderr with exit 2', async () => {
    const lang = await run(['help', '--lang', 'fr']);
    expect(lang).toMatchObject({ code: 2, out: '' });
    expect(lang.err).toBe('--lang には ja か en を指定してください（指定された値: "fr"）。');
    const unknown = await run(['imprt', 'x.csv']);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toMatch(/^「imprt」というコマンドはありません。\n\n使い方: tracker/);
    const none = await run([]);
    expect(none).toMatchObject({ code: 2, out: '' });
    expect(none.err).toMatch(/^コマンドを指定してください。/);
    const option = await run(['import', 'a.yaml', '--forse']);
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/^tracker import: 引数を読み取れません（Unknown option '--forse'/);
    expect(option.err).toContain('使い方は tracker import --help で表示します。');
  });

  it('reports a bad TRACKER_LANG with the other configuration problems', async () => {
    const { code, err } = await run(['migrate'], { TRACKER_LANG: 'fr', DATABASE_URL: 'mysql://x' });
    expect(code).toBe(1);
    expect(err).toMatch(/^設定に問題があります:\n/);
    expect(err).toContain('  - TRACKER_LANG must be ja or en');
    expect(err).toContain('  - DATABASE_URL must be a SQLite file');
  });

  it('loads no subcommand, configuration, database, Slack or spreadsheet code to answer --help', () => {
    const loaded = [...staticImportsOf(main)];
    const local = loaded.filter((m) => m.startsWith('/')).map((m) => m.slice(root.length + 1));
    expect(local).toEqual(expect.arrayContaining(['dist/src/cli/main.js', 'dist/src/cli/subcommands.js']));
    // The entry, the help table, the language option, errors and the message catalogues; nothing else.
    const allowed = /^dist\/src\/(cli\/(main|run-cli|cli-locale|subcommands)\.js|errors\.js|i18n\/[a-z-]+\.js)$/;
    expect(local.filter((f) => !allowed.test(f))).toEqual([]);
    // No package at all: zod (configuration), Prisma, Bolt, exceljs, echarts are loaded by the subcommands.
    expect(loaded.filter((m) => !m.startsWith('/'))).toEqual([]);
  });

  it('answers `node dist/src/cli/main.js --help` on stdout with exit 0 (the built program)', () => {
    const result = spawnSync(process.execPath, [main, '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^使い方: tracker <コマンド>/);
  });
});
