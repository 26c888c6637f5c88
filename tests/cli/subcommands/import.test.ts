import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { type Database, openDatabase } from '../../../src/db/client.js';
import { createEmptyDatabase, createTestDatabase } from '../../helpers/databases.js';
import { wiring } from '../../helpers/wiring.js';
import { EXAMPLE_CSV, EXAMPLE_YAML, SMALL_YAML } from '../../import/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'tracker-import-cli-'));
const url = `file:${join(dir, 'tracker.db')}`;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env: { DATABASE_URL: url, TRACKER_LANG: 'en' },
    out: (l: string) => out.push(l),
    err: (l: string) => err.push(l),
    lines: { out, err },
  };
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const cli = io();
  const code = await runCli(args, { ...cli, env: { ...cli.env, ...env } }, wiring);
  return { code, out: cli.lines.out.join('\n'), err: cli.lines.err.join('\n') };
}

/**
 * Opens the database only while reading, as a second process (the bot) would.
 */
async function withDatabase<T>(read: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(url);
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}

function counts() {
  return withDatabase(async ({ db }) => ({
    departments: await db.department.count(),
    targets: await db.target.count(),
    milestones: await db.milestone.count(),
    people: await db.departmentPerson.count(),
    lastUpdate: (await db.target.aggregate({ _max: { updatedAt: true } }))._max.updatedAt?.getTime() ?? null,
    audit: await db.auditEvent.count(),
  }));
}

describe('tracker import', () => {
  beforeAll(async () => {
    // A dry run creates no database file; migrate does.
    expect((await run(['import', '--dry-run', EXAMPLE_YAML])).code).toBe(0);
    expect(existsSync(join(dir, 'tracker.db'))).toBe(false);
    expect((await run(['migrate'])).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('dry run on an empty database writes nothing', async () => {
    expect(await counts()).toMatchObject({ departments: 0, targets: 0, milestones: 0 });
  });

  it('imports the example YAML with a line per department and a summary', async () => {
    const { code, out, err } = await run(['import', EXAMPLE_YAML]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Valid: FY2026 (令和8年度), 20 departments, 279 targets, 739 milestones');
    expect(out).toContain(
      '[3/20] 危機管理部 (kikikanri): 19 targets, 53 milestones — new department, 19 targets created',
    );
    expect(out).toContain('  targets: 279 created, 0 updated, 0 unchanged');
    expect(out).toContain('  milestones: 739 created, 0 updated, 0 unchanged, 0 deleted');
    expect(out).toMatch(/Import complete in \d+\.\d s/);
    expect(await counts()).toMatchObject({ departments: 20, targets: 279, milestones: 739, people: 81, audit: 1 });
  });

  it('re-importing (here from the CSV twin) changes nothing', async () => {
    const before = await counts();
    const { code, out } = await run(['import', EXAMPLE_CSV]);
    expect(code).toBe(0);
    expect(out).toContain('(CSV, UTF-8 with BOM');
    expect(out).toContain('[20/20] 区議会事務局 (gikai): 9 targets, 21 milestones — unchanged');
    expect(out).toContain('  targets: 0 created, 0 updated, 279 unchanged');
    expect(out).toContain('Nothing to change');
    expect(await counts()).toEqual(before);
  });

  it('--dry-run prints what would change without writing', async () => {
    const before = await counts();
    const text = readFileSync(EXAMPLE_YAML, 'utf8').replace(
      'title: 緊急課題への補正予算対応とスライド条項による契約変更対応',
      'title: 補正予算対応（改題）',
    );
    const file = join(dir, 'changed.yaml');
    writeFileSync(file, text);
    const bytes = readFileSync(join(dir, 'tracker.db'));
    const { code, out } = await run(['import', file, '--dry-run']);
    expect(readFileSync(join(dir, 'tracker.db')).equals(bytes)).toBe(true);
    expect(code).toBe(0);
    expect(out).toContain('Dry run against a temporary copy of the database: nothing will be written.');
    expect(out).toContain('[1/20] 政策経営部 (seisaku): 9 targets, 27 milestones — would change: 1 targets updated');
    expect(out).toContain('  targets: 0 created, 1 updated, 278 unchanged');
    expect(out).toContain('Dry run: nothing was written.');
    expect(await counts()).toEqual(before);
  });

  it('a CSV with several errors in several rows lists them all and writes nothing', async () => {
    const before = await counts();
    // Shift_JIS files have no BOM.
    const lines = readFileSync(EXAMPLE_CSV, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    lines[3] = lines[3]?.replace(',施策,', ',,') ?? '';
    lines[10] = lines[10]?.replace('@2026-', '@2025-') ?? '';
    lines[40] = lines[40]?.replace('C0LEAD0001', 'C0OTHER001') ?? '';
    const file = join(dir, 'broken.csv');
    writeFileSync(file, iconv.encode(lines.join('\r\n'), 'cp932'));
    const { code, out, err } = await run(['import', file]);
    expect(code).toBe(1);
    expect(out).toContain('(CSV, Shift_JIS (CP932)');
    const problems = err.split('\n');
    expect(problems).toEqual([
      'row 4, column category: is required',
      expect.stringMatching(/^row 11, column milestones, item 1, due: 2025-\d\d-\d\d is outside fiscal year 2026/),
      expect.stringMatching(/^row 41, column leadership_channel: "C0OTHER001" conflicts with "C0LEAD0001" in row 2/),
      `Problems found in ${file}: 3. Nothing was written.`,
    ]);
    expect(await counts()).toEqual(before);
  });

  it('--dry-run against a database that does not exist lists the changes and creates no file', async () => {
    const missing = join(dir, 'not-yet', 'tracker.db');
    const { code, out, err } = await run(['import', EXAMPLE_CSV, '--dry-run'], {
      DATABASE_URL: `file:${missing}`,
      TRACKER_LANG: 'ja',
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(
      'ドライラン: データベースがまだないため、空のデータベースと比べます。データベースファイルは作りません。',
    );
    expect(out).toContain(
      '[3/20] 危機管理部（kikikanri）: 重点目標19件、マイルストーン53件 — 変更予定: 部を新規登録、重点目標19件を追加、マイルストーン53件を追加',
    );
    expect(out).toContain('  重点目標: 追加279件、更新0件、変更なし0件');
    expect(out).toContain('ドライランのため、何も書き込んでいません。');
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(dirname(missing))).toBe(false);
  });

  it('quotes a bad date exactly as the clerk typed it, in Japanese, naming the accepted forms', async () => {
    const before = await counts();
    const lines = readFileSync(EXAMPLE_CSV, 'utf8').split('\r\n');
    lines[1] = lines[1]?.replace('改訂素案作成@2026-08-31', '改訂素案作成@2027/13/45') ?? '';
    const file = join(dir, 'bad-date.csv');
    writeFileSync(file, lines.join('\r\n'));
    const { code, err } = await run(['import', file], { TRACKER_LANG: '' });
    expect(code).toBe(1);
    expect(err.split('\n')).toEqual([
      '2行目・milestones列・1件目・期限: "2027/13/45" は日付として読めません（2026-09-30、2026/9/30、2026年9月30日、令和8年9月30日 のように書いてください）',
      `${file} に1件の問題があるため、何も書き込んでいません。`,
    ]);
    expect(await counts()).toEqual(before);
  });

  it('lists the problems of a bad CSV in Japanese by default and in English with --lang en', async () => {
    const before = await counts();
    const lines = readFileSync(EXAMPLE_CSV, 'utf8').split('\r\n');
    lines[0] = lines[0]?.replace('indicator_unit', 'indicator_units') ?? '';
    const file = join(dir, 'bad.csv');
    writeFileSync(file, lines.join('\r\n'));
    const japanese = await run(['import', file], { TRACKER_LANG: '' });
    expect(japanese.code).toBe(1);
    expect(japanese.err.split('\n')[0]).toMatch(
      /^1行目・\d+列目: 不明な列 "indicator_units" です。使える列: 年度、幹部チャンネル、.*、マイルストーン（または英語の列名）$/,
    );
    const english = await run(['import', file, '--lang', 'en'], { TRACKER_LANG: '' });
    expect(english.code).toBe(1);
    expect(english.err.split('\n')[0]).toMatch(
      /^row 1, column \d+: unknown column "indicator_units"; columns are: fiscal_year, leadership_channel, .*, milestones \(or their Japanese names\)$/,
    );
    expect(english.err.split('\n')[1]).toBe(`Problems found in ${file}: 1. Nothing was written.`);

    const yaml = join(dir, 'bad.yaml');
    writeFileSync(yaml, SMALL_YAML.replace('title: 区公式LINEの開設', 'titel: 区公式LINEの開設'));
    const fromYaml = await run(['import', yaml], { TRACKER_LANG: '' });
    expect(fromYaml.err.split('\n')).toEqual([
      'departments[0].targets[0].title（16行目）: 必須です（書かれていません）',
      'departments[0].targets[0].titel（18行目）: 不明なキー "titel" です（"title" の書き間違いではありませんか）。使えるキー: code, category, title, description, owner, indicator, milestones',
      `${yaml} に2件の問題があるため、何も書き込んでいません。`,
    ]);
    expect(await counts()).toEqual(before);
  });

  it('a YAML file with an alias bomb fails fast', async () => {
    const file = join(dir, 'bomb.yaml');
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 10; i++) {
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    }
    writeFileSync(file, levels.join('\n'));
    const { code, err } = await run(['import', file]);
    expect(code).toBe(1);
    expect(err).toMatch(/alias bomb/);
  });

  it('imports a changed file in place', async () => {
    const file = join(dir, 'small.yaml');
    writeFileSync(file, SMALL_YAML);
    const { code, out } = await run(['import', file, '--actor', 'U0HQ000001']);
    expect(code).toBe(0);
    // seisaku exists (20 departments already): small.yaml rewrites its targets' order and people.
    expect(out).toMatch(
      /\[1\/2\] 政策経営部 \(seisaku\): 2 targets, 2 milestones — department updated, 2 targets updated/,
    );
    expect(out).toContain(
      'warning: department kikikanri "危機管理部" is in the database but not in the file; it was kept',
    );
    const audit = await withDatabase(({ db }) => db.auditEvent.findFirst({ orderBy: { id: 'desc' } }));
    expect(audit).toMatchObject({ actorId: 'U0HQ000001', action: 'import', subject: 'fy:2026' });
  });

  it('explains usage errors and missing files', async () => {
    expect(await run(['import'])).toMatchObject({
      code: 2,
      err: 'tracker import: give one file to import.\nSee tracker import --help',
    });
    expect(await run(['import', 'a.yaml', '--force'])).toMatchObject({
      code: 2,
      err: expect.stringContaining("Unknown option '--force'"),
    });
    expect(await run(['import', join(dir, 'missing.csv')])).toMatchObject({
      code: 1,
      err: expect.stringContaining('no such file'),
    });
  });

  it('imports while another connection (the running bot) holds the SQLite database open', async () => {
    const { code, err } = await withDatabase(async ({ db }) => {
      await db.department.count();
      return run(['import', EXAMPLE_YAML]);
    });
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('reports an unreachable database as a failure', async () => {
    const cli = io();
    const code = await runCli(
      ['import', EXAMPLE_YAML],
      {
        ...cli,
        env: { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', TRACKER_LANG: 'en' },
      },
      wiring,
    );
    expect(code).toBe(1);
    expect(cli.lines.err.join('\n')).toMatch(/^tracker import: /);
  });
});

describe('tracker import --dry-run on PostgreSQL', () => {
  it('reads a migrated database without writing to it', async () => {
    const database = await createTestDatabase('postgresql');
    try {
      const out: string[] = [];
      const env = { DATABASE_URL: database.url, TRACKER_LANG: 'en' };
      const code = await runCli(
        ['import', EXAMPLE_YAML, '--dry-run'],
        { env, out: (l) => out.push(l), err: (l) => out.push(l) },
        wiring,
      );
      expect(code).toBe(0);
      expect(out).toContain('Dry run against postgresql, reading only: nothing will be written.');
      expect(out).toContain('  targets: 279 created, 0 updated, 0 unchanged');
      expect(await database.db.department.count()).toBe(0);
      expect(await database.db.auditEvent.count()).toBe(0);
    } finally {
      await database.destroy();
    }
  });

  it('refuses, writing nothing, when the database still needs migrations', async () => {
    const empty = await createEmptyDatabase('postgresql');
    try {
      const err: string[] = [];
      const code = await runCli(
        ['import', EXAMPLE_YAML, '--dry-run'],
        { env: { DATABASE_URL: empty.url }, out: () => {}, err: (l) => err.push(l) },
        wiring,
      );
      expect(code).toBe(1);
      expect(err.join('\n')).toContain('データベースに未適用のマイグレーションがあります');
      const database = await openDatabase(empty.url);
      try {
        const tables = await database.db.$queryRawUnsafe<{ n: bigint }[]>(
          "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
        );
        expect(Number(tables[0]?.n)).toBe(0);
      } finally {
        await database.close();
      }
    } finally {
      await empty.drop();
    }
  });
});
