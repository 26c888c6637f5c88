import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/import/csv-columns.js';
import { importWorkbookXlsx } from '../../src/import/import-workbook.js';
import { parseOrganizationCsv } from '../../src/import/parse-csv.js';
import { parseOrganizationXlsx } from '../../src/import/parse-xlsx.js';
import { parseOrganizationYaml } from '../../src/import/parse-yaml.js';
import { parseOrganizationBytes } from '../../src/import/read-organization-file.js';
import { problemLines } from './samples.js';

const YAML = `fiscal_year: 2026
leadership_channel: C0LEAD0001
departments:
  - code: seisaku
    nmae: 政策経営部
    managers: [U0SEISAKM1]
    targets:
      - code: SK-1
        title: ${'あ'.repeat(151)}
        owner: someone@
        indicator: { kind: outcome, baseline: 十二 }
        milestones:
          - { title: 要件定義, due: 2027/13/45 }
          - { title: 開設, due: 2027-04-15 }
      - code: SK-1
        category: 改革
        title: 補正予算対応
        owner: U0OTHER001
`;

const row = (overrides: Record<string, string> = {}) => ({
  fiscal_year: '2026',
  leadership_channel: 'C0LEAD0001',
  department_code: 'seisaku',
  department_name: '政策経営部',
  target_code: 'SK-1',
  category: '施策',
  title: '区公式LINEの開設',
  milestones: '要件定義@2026-09-30',
  ...overrides,
});

/** A CSV from rows of { column: value } with the Japanese or English headers. */
function csvOf(rows: Record<string, string>[], headers: 'ja' | 'en' = 'ja'): string {
  const columns = CSV_COLUMNS.filter((c) => rows.some((r) => c.name in r));
  return stringify([
    columns.map((c) => (headers === 'ja' ? c.ja : c.name)),
    ...rows.map((r) => columns.map((c) => r[c.name] ?? '')),
  ]);
}

const DATE_FORMS = '2026-09-30、2026/9/30、2026年9月30日、令和8年9月30日';

describe('import problems in Japanese (locale ja)', () => {
  it('YAML: each problem at its path and line, values quoted as written, warnings too', () => {
    const result = parseOrganizationYaml(YAML, 'ja');
    expect(problemLines(result)).toEqual([
      'departments[0].name（4行目）: 必須です（書かれていません）',
      'departments[0].nmae（5行目）: 不明なキー "nmae" です（"name" の書き間違いではありませんか）。使えるキー: code, name, name_en, channel, cadence, managers, members, continues, targets',
      'departments[0].targets[0].category（8行目）: 必須です（書かれていません）',
      'departments[0].targets[0].title（9行目）: 長すぎます: 151文字（150文字まで）',
      'departments[0].targets[0].owner（10行目）: "someone@" はSlackユーザーID（U…またはW…、例: U0123ABCD）でもメールアドレスでもありません',
      'departments[0].targets[0].indicator.baseline（11行目）: "十二" は数値として読めません（有限の数値を書いてください）',
      `departments[0].targets[0].milestones[0].due（13行目）: "2027/13/45" は日付として読めません（${DATE_FORMS} のように書いてください）`,
      'departments[0].targets[0].milestones[1].due（14行目）: 2027-04-15 は2026年度（2026-04-01〜2027-03-31）の範囲外です',
      'departments[0].targets[1].code（15行目）: 目標コード "SK-1" が重複しています（最初は departments[0].targets[0].code、8行目）',
    ]);
    expect(result.warnings.map((w) => `${w.location}: ${w.message}`)).toEqual([
      'departments[0].targets[0].owner（10行目）: someone@ は部 "seisaku" の管理職でも職員でもありません',
      'departments[0].targets[1].owner（18行目）: U0OTHER001 は部 "seisaku" の管理職でも職員でもありません',
    ]);
  });

  it('YAML: syntax errors, the wrong shape and a wrong type in Japanese', () => {
    expect(problemLines(parseOrganizationYaml('a: [1, 2', 'ja'))[0]).toMatch(/^1行目・9文字目: YAML の構文エラー: /);
    expect(problemLines(parseOrganizationYaml('[]', 'ja'))).toEqual([
      'ファイル全体（1行目）: fiscal_year、leadership_channel、departments などを持つマッピングを書いてください（リストになっています）',
    ]);
    expect(problemLines(parseOrganizationYaml(YAML.replace('fiscal_year: 2026', 'fiscal_year: 1999'), 'ja'))[0]).toBe(
      'fiscal_year（1行目）: 2000〜2100 の年にしてください',
    );
  });

  it('CSV: row, column and item in Japanese; cells quoted as written', () => {
    const text = csvOf([
      row({ milestones: '要件定義@2027/13/45;開設' }),
      row({ category: '', indicator_kind: 'outcome', indicator_baseline: '１２万' }),
      row({ target_code: 'SK-1', department_name: '総務部', owner: 'a@@b', department_cadence: 'daily' }),
    ]);
    expect(problemLines(parseOrganizationCsv(text, 'ja'))).toEqual([
      '2行目・マイルストーン列・2件目: "開設" は 要件定義@2026-09-30 の形で書いてください',
      `2行目・マイルストーン列・1件目・期限: "2027/13/45" は日付として読めません（${DATE_FORMS} のように書いてください）`,
      '3行目・区分列: 必須です（書かれていません）',
      '3行目・基準値列: "１２万" は数値として読めません（有限の数値を書いてください）',
      '3行目・目標コード列: 目標コード "SK-1" が重複しています（最初は2行目）',
      '4行目・部名列: "総務部" が2行目の "政策経営部" と食い違っています（部の列はすべての行で同じにするか、空欄にしてください）',
      '4行目・部の報告頻度列: weekly、biweekly、monthly のどれかにしてください（"daily" になっています）',
      '4行目・担当者列: "a@@b" はSlackユーザーID（U…またはW…、例: U0123ABCD）でもメールアドレスでもありません',
      '4行目・目標コード列: 目標コード "SK-1" が重複しています（最初は2行目）',
    ]);
  });

  it('CSV: the header row, broken quoting and unreadable encodings in Japanese', () => {
    const text = csvOf([row()]);
    const columns = CSV_COLUMNS.map((c) => c.ja).join('、');
    expect(problemLines(parseOrganizationCsv(text.replace('区分', '区分け'), 'ja'))).toEqual([
      `1行目・6列目: 不明な列 "区分け" です。使える列: ${columns}（または英語の列名）`,
      '1行目: 列「区分」（category）がありません',
    ]);
    expect(problemLines(parseOrganizationCsv('年度\n"2026', 'ja'))).toEqual([
      '2行目: CSV の引用符が壊れています: Quote Not Closed: the parsing is finished with an opening quote at line 2',
    ]);
    expect(problemLines(parseOrganizationCsv(text.split('\n')[0] ?? '', 'ja'))).toEqual([
      ': 見出し行だけで、データの行がありません',
    ]);
    const utf16 = parseOrganizationBytes(Buffer.from([0xff, 0xfe, 0x41, 0]), 'csv', 'ja');
    expect(!utf16.ok && utf16.problems[0]?.message).toBe(
      'UTF-16（Unicode テキスト）のファイルには対応していません。「CSV UTF-8」または CSV（Shift_JIS）で保存してください',
    );
    const mixed = parseOrganizationBytes(Buffer.from([0x41, 0x0a, 0x81, 0x0a]), 'csv', 'ja');
    expect(!mixed.ok && mixed.problems[0]?.message).toMatch(/^文字コードが混在しているか不正です.*2行目/);
  });

  it('XLSX: the same row-and-column problems as the CSV, in Japanese', async () => {
    const columns = CSV_COLUMNS.map((c) => c.name);
    const records = [row({ milestones: '要件定義@2027/13/45' }), row({ target_code: 'SK-2', title: '' })].map((r) =>
      columns.map((c) => (r as Record<string, string>)[c] ?? ''),
    );
    const result = await parseOrganizationXlsx(await importWorkbookXlsx(records), 'ja');
    expect(problemLines(result)).toEqual([
      `2行目・マイルストーン列・1件目・期限: "2027/13/45" は日付として読めません（${DATE_FORMS} のように書いてください）`,
      '3行目・目標名列: 必須です（書かれていません）',
    ]);
    const broken = await parseOrganizationXlsx(new Uint8Array([1, 2, 3]), 'ja');
    expect(problemLines(broken)[0]).toMatch(
      /^: 読み込める \.xlsx ブックではありません（.*）。Excel で \.xlsx 形式で保存してください$/,
    );
  });

  it('stays in English when no language is given (programmatic callers)', () => {
    expect(problemLines(parseOrganizationYaml(YAML))[0]).toBe('departments[0].name (line 4): is required');
    expect(problemLines(parseOrganizationCsv(csvOf([row({ milestones: '要件定義@2027/13/45' })], 'en')))).toEqual([
      'row 2, column milestones, item 1, due: "2027/13/45" is not a date (write 2026-09-30, 2026/9/30, 2026年9月30日 or 令和8年9月30日)',
    ]);
  });
});
