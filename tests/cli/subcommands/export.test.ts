import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import nock from 'nock';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { runExport } from '../../../src/cli/subcommands/export.js';
import { sheetCells, sheetHeaders } from '../../../src/export/columns.js';
import { guardFormula } from '../../../src/export/csv.js';
import { listEvaluationRows } from '../../../src/services/review/list-evaluation-rows.js';
import { recordReviewStep } from '../../../src/services/review/record-review-step.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { wiring } from '../../helpers/wiring.js';
import { IN_REVIEW, PEOPLE, type SeededOrg, seedReviewOrg } from '../../review/fixtures.js';

describe.each(PROVIDERS)('tracker export on %s', (provider) => {
  let database: TestDatabase;
  let org: SeededOrg;
  let dir: string;
  let expected: Awaited<ReturnType<typeof listEvaluationRows>>;
  const out: string[] = [];
  const err: string[] = [];
  const io = (extra: NodeJS.ProcessEnv = {}): CliIo => ({
    env: { DATABASE_URL: database.url, TRACKER_TIME_ZONE: 'Asia/Tokyo', LOG_LEVEL: 'error', ...extra },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    org = await seedReviewOrg(database.db);
    await recordReviewStep(database.db, {
      targetId: org.targets['SK-1'] as number,
      actorId: PEOPLE.memberA1,
      step: 'self',
      grade: 'B',
      comment: '素案作成済み, 公表は3月',
      now: IN_REVIEW,
      timeZone: 'Asia/Tokyo',
      hqUsers: [],
    });
    await database.db.setting.create({ data: { key: 'organization_name', value: 'テスト市' } });
    expected = await listEvaluationRows(database.db, { fiscalYear: 2026, timeZone: 'Asia/Tokyo' });
    // The CLI opens its own connection and migrates first; SQLite's schema engine needs the file
    // to itself for that, so this test's connection steps aside.
    await database.close();
    dir = mkdtempSync(join(tmpdir(), 'tracker-export-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.destroy();
  });

  it('writes the XLSX sheet with a title row and one row per target, owners by id without a bot token', async () => {
    const file = join(dir, 'sheet.xlsx');
    expect(await runCli(['export', '--fy', '2026', '--format', 'xlsx', '--out', file], io(), wiring)).toBe(0);
    expect(out.at(-1)).toContain('重点目標6件');
    const [sheet] = await readXlsxFile(readFileSync(file));
    expect(sheet?.data[0]?.[0]).toBe('テスト市　令和8年度 行政評価 評価シート');
    expect(sheet?.data.slice(1)).toEqual([sheetHeaders('ja'), ...expected.map((r) => sheetCells(r, { locale: 'ja' }))]);
    expect(sheet?.data[2]?.slice(0, 5)).toEqual(['政策経営部', '施策', 'SK-1', '実現プランの改訂', PEOPLE.memberA1]);
  });

  it('names owners by their Slack display names when the bot token is set', async () => {
    const file = join(dir, 'named.xlsx');
    const asked: (string | null)[] = [];
    nock('https://slack.com')
      .post('/api/users.info')
      .times(10)
      .reply(200, (_u, body) => {
        const user = new URLSearchParams(String(body)).get('user');
        asked.push(user);
        return user === PEOPLE.memberA1
          ? { ok: true, user: { id: user, profile: { display_name: '板橋 一郎' } } }
          : { ok: false, error: 'user_not_found' };
      });
    const env = { SLACK_BOT_TOKEN: 'xoxb-test' };
    expect(await runCli(['export', '--fy', '2026', '--out', file], io(env), wiring)).toBe(0);
    const [sheet] = await readXlsxFile(readFileSync(file));
    const owner = sheetHeaders('ja').indexOf('担当者');
    const owners = sheet?.data.slice(2).map((r) => r[owner]);
    expect(owners?.[0]).toBe('板橋 一郎');
    // An owner Slack does not know keeps the id.
    expect(owners).toContain(PEOPLE.memberA2);
    nock.cleanAll();
    // One lookup per owner, not per row.
    expect(asked.sort()).toEqual([PEOPLE.memberA1, PEOPLE.memberA2, PEOPLE.memberB1].sort());
  });

  it('writes the CSV sheet that reads back to the same data', async () => {
    const file = join(dir, 'sheet.csv');
    expect(await runCli(['export', '--fy', '2026', '--format', 'csv', '--out', file], io(), wiring)).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parse(bytes, { bom: true }) as string[][];
    expect(header).toEqual(sheetHeaders('ja'));
    expect(records).toEqual(expected.map((r) => sheetCells(r, { locale: 'ja' }).map((c) => String(guardFormula(c)))));
    expect(records[0]?.[sheetHeaders('ja').indexOf('自己評価コメント')]).toBe('素案作成済み, 公表は3月');
    expect(records[0]?.[sheetHeaders('ja').indexOf('最終更新日')]).toBe('2027/3/31');
  });

  it('writes the CSV sheet in Shift_JIS with --encoding sjis', async () => {
    const file = join(dir, 'sheet-sjis.csv');
    const args = ['export', '--fy', '2026', '--format', 'csv', '--encoding', 'sjis', '--out', file];
    expect(await runCli(args, io(), wiring)).toBe(0);
    expect(out.at(-1)).toContain('CSV、Shift_JIS');
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 2)]).toEqual([0x95, 0x94]);
    const [header, first] = parse(iconv.decode(bytes, 'cp932')) as string[][];
    expect(header).toEqual(sheetHeaders('ja'));
    expect(first?.slice(0, 3)).toEqual(['政策経営部', '施策', 'SK-1']);
  });

  it('defaults the file name to hyouka-sheet-FY2026.xlsx and the year to the one under review', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await runExport([], { ...io(), locale: 'ja' }, IN_REVIEW)).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const [sheet] = await readXlsxFile(readFileSync(join(dir, 'hyouka-sheet-FY2026.xlsx')));
    expect(sheet?.data).toHaveLength(8);
    // The title row says the day it was made, in Tokyo.
    expect(sheet?.data[0]).toContain('2027年6月10日現在');
  });

  it('fails clearly for an unknown year or bad options', async () => {
    err.length = 0;
    expect(await runCli(['export', '--fy', '2031', '--out', join(dir, 'x.xlsx')], io(), wiring)).toBe(1);
    expect(err.join('\n')).toContain('2031年度はまだ取り込まれていません');
    expect(await runCli(['export', '--fy', '2026', '--format', 'pdf'], io(), wiring)).toBe(2);
    expect(await runCli(['export', '--fy', 'next'], io(), wiring)).toBe(2);
    expect(err.join('\n')).toContain('--format は csv, xlsx のどれかです。');
    expect(await runCli(['export', '--fy', '2026', '--format', 'csv', '--encoding', 'euc'], io(), wiring)).toBe(2);
    expect(err.join('\n')).toContain('--encoding は utf8, sjis のどれかです。');
    expect(await runCli(['export', '--fy', '2026', '--encoding', 'sjis'], io(), wiring)).toBe(2);
    expect(err.join('\n')).toContain('--encoding は --format csv のときだけ指定できます。');
  });

  it('writes the sheet and its messages in English with --lang en', async () => {
    const file = join(dir, 'sheet-en.xlsx');
    expect(await runCli(['export', '--fy', '2026', '--out', file, '--lang', 'en'], io(), wiring)).toBe(0);
    expect(out.at(-1)).toBe(`Wrote the FY2026 evaluation sheet (6 targets, XLSX) to ${file}`);
    const [sheet] = await readXlsxFile(readFileSync(file));
    expect(sheet?.data[1]).toEqual(sheetHeaders('en'));
  });
});
