import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/import/csv-columns.js';
import type { Organization } from '../../src/import/organization.js';
import { organizationToCsv } from '../../src/import/organization-to-csv.js';
import { parseOrganizationCsv } from '../../src/import/parse-csv.js';
import { parseOrganizationYaml } from '../../src/import/parse-yaml.js';
import { parseOrganizationBytes } from '../../src/import/read-organization-file.js';
import { EXAMPLE_CSV, EXAMPLE_YAML, problemLines, SMALL_YAML } from './samples.js';

function organizationOf(yaml: string): Organization {
  const result = parseOrganizationYaml(yaml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.organization;
}

const small = organizationOf(SMALL_YAML);

/** A CSV from rows of { column: value }; header = the union of the columns used, in canonical order. */
function csvOf(rows: Record<string, string>[]): string {
  const columns = CSV_COLUMNS.map((c) => c.name).filter((name) => rows.some((r) => name in r));
  return stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]);
}

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

describe('parseOrganizationCsv', () => {
  it('reads what organizationToCsv writes (English and Japanese headers)', () => {
    for (const headers of ['en', 'ja'] as const) {
      const result = parseOrganizationCsv(organizationToCsv(small, { headers }));
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.organization).toEqual(small);
    }
  });

  it('reads department_continues (引継元の部コード) as the YAML continues list', () => {
    const yaml = readFileSync(new URL('../fixtures/reorganization/fy2027.yaml', import.meta.url), 'utf8');
    const org = organizationOf(yaml);
    expect(org.departments.find((d) => d.code === 'kankyo')?.continues).toEqual(['kankyo-a', 'kankyo-b']);
    for (const headers of ['en', 'ja'] as const) {
      const text = organizationToCsv(org, { headers });
      expect(text.split('\n')[0]).toContain(headers === 'ja' ? '引継元の部コード' : 'department_continues');
      const result = parseOrganizationCsv(text);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.organization).toEqual(org);
    }
  });

  it('keeps examples/itabashi-fy2026.csv in sync with the YAML, and reads it to the same organisation', () => {
    const yaml = organizationOf(readFileSync(EXAMPLE_YAML, 'utf8'));
    const bytes = readFileSync(EXAMPLE_CSV);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(organizationToCsv(yaml, { bom: true }));
    const parsed = parseOrganizationBytes(bytes, 'csv');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 5)));
    expect(parsed.encoding).toBe('utf-8-bom');
    expect(parsed.organization).toEqual(yaml);
  });

  it('accepts UTF-8 with BOM, without BOM, and CP932 bytes alike', () => {
    const text = organizationToCsv(small, { headers: 'ja' });
    const variants = [
      { bytes: Buffer.from(`\uFEFF${text}`, 'utf8'), encoding: 'utf-8-bom' },
      { bytes: Buffer.from(text, 'utf8'), encoding: 'utf-8' },
      { bytes: iconv.encode(text, 'cp932'), encoding: 'cp932' },
    ];
    for (const { bytes, encoding } of variants) {
      const result = parseOrganizationBytes(bytes, 'csv');
      expect(result.encoding).toBe(encoding);
      expect(result.ok && result.organization).toEqual(small);
    }
  });

  it('reports mixed encodings instead of importing mojibake', () => {
    const text = organizationToCsv(small);
    const bytes = Buffer.concat([
      Buffer.from(text, 'utf8'),
      iconv.encode(csvOf([row({ title: '文字化け' })]), 'cp932'),
    ]);
    const result = parseOrganizationBytes(bytes, 'csv');
    expect(result.ok).toBe(false);
    expect(problemLines(result)[0]).toMatch(/UTF-8.*undecodable bytes on line \d+/);
  });

  it('reports broken quoting with its line', () => {
    const broken = '2026,C0LEAD0001,seisaku,政策経営部,SK-3,施策,"壊れた引用,m@2026-09-30\n';
    const text = `${csvOf([row(), row({ target_code: 'SK-2' })])}${broken}2026,C0LEAD0001,seisaku,政策経営部,SK-4,施策,題名,\n`;
    expect(problemLines(parseOrganizationCsv(text))).toEqual([
      expect.stringMatching(
        /^line 5: broken CSV quoting: Quote Not Closed.*\(the quoted cell starting on line 4 is never closed\)$/,
      ),
    ]);
    expect(problemLines(parseOrganizationCsv(`${csvOf([row()])}${broken}`))).toEqual([
      expect.stringMatching(
        /^line 3: broken CSV quoting: Quote Not Closed: the parsing is finished with an opening quote at line 3$/,
      ),
    ]);
    const stray = `${csvOf([row()])}2026,C0LEAD0001,seisaku,政策経営部,SK-3,施策,題"名,m@2026-09-30\n`;
    expect(problemLines(parseOrganizationCsv(stray))).toEqual([expect.stringMatching(/^line 3: broken CSV quoting: /)]);
  });

  it('reports a row with the wrong number of cells', () => {
    const text = `${csvOf([row()])}2026,C0LEAD0001,seisaku\n`;
    expect(problemLines(parseOrganizationCsv(text))).toEqual([
      expect.stringMatching(/^line 3: broken CSV: Invalid Record Length/),
    ]);
  });

  it('quotes a bad date exactly as the cell holds it and names the accepted forms', () => {
    const text = csvOf([
      row({
        milestones: '設計@2027/13/45; 公表@２０２７／１３／４５; 試行@令和8年10月1日',
        review: '自己評価:2027/6/1..2027/6/20',
      }),
    ]);
    const forms = '(write 2026-09-30, 2026/9/30, 2026年9月30日 or 令和8年9月30日)';
    expect(problemLines(parseOrganizationCsv(text))).toEqual([
      `row 2, column milestones, item 1, due: "2027/13/45" is not a date ${forms}`,
      `row 2, column milestones, item 2, due: "２０２７／１３／４５" is not a date ${forms}`,
    ]);
  });

  it('lists every problem of every row with row and column, writing spreadsheet rows', () => {
    const text = csvOf([
      row({ description: '一行目\n二行目' }),
      row({ target_code: 'SK-2', title: 'x'.repeat(200), owner: 'someone' }),
      row({ target_code: 'SK-1', title: '重複', milestones: '設計@2027-04-15; 要件定義', indicator_target: '1e309' }),
      row({ target_code: 'SK-4', department_name: '総務部', category: '' }),
      row({
        target_code: 'SK-5',
        leadership_channel: 'C0OTHER001',
        indicator_kind: 'outcome',
        indicator_baseline: 'NaN',
      }),
    ]);
    expect(problemLines(parseOrganizationCsv(text))).toEqual([
      'row 3 (line 4), column title: is too long: 200 characters (at most 150)',
      expect.stringMatching(/^row 3 \(line 4\), column owner: "someone" is not a Slack user id/),
      'row 4 (line 5), column milestones, item 2: "要件定義" must look like 要件定義@2026-09-30',
      'row 4 (line 5), column indicator_kind: is required (activity or outcome)',
      'row 4 (line 5), column indicator_target: must be a finite number, not Infinity',
      'row 4 (line 5), column milestones, item 1, due: 2027-04-15 is outside fiscal year 2026 (2026-04-01 .. 2027-03-31)',
      'row 4 (line 5), column target_code: duplicate target code "SK-1" (first at row 2)',
      'row 5 (line 6), column department_name: "総務部" conflicts with "政策経営部" in row 2 (department columns must be the same on every row, or blank)',
      'row 5 (line 6), column category: is required',
      'row 6 (line 7), column leadership_channel: "C0OTHER001" conflicts with "C0LEAD0001" in row 2 (organisation columns must be the same on every row, or blank)',
      'row 6 (line 7), column indicator_baseline: must be a finite number, not "NaN"',
    ]);
  });

  it('counts empty lines as spreadsheet rows', () => {
    const [header, first] = csvOf([row(), row({ target_code: 'SK-2', title: '' })]).split('\n');
    const second = csvOf([row({ target_code: 'SK-2', title: '' })]).split('\n')[1];
    expect(problemLines(parseOrganizationCsv(`${header}\n${first}\n\n${second}\n`))).toEqual([
      'row 4, column title: is required',
    ]);
  });

  it('uses the file’s own (Japanese) header names in messages', () => {
    const text = organizationToCsv(small, { headers: 'ja' }).replace('区公式LINEの開設', '');
    expect(problemLines(parseOrganizationCsv(text))).toEqual(['row 2, column 目標名: is required']);
  });

  it('lets organisation and department columns be blank after the first row, and lists as any separator', () => {
    const text = csvOf([
      row({ department_managers: 'U0SEISAKM1  U0SEISAKM2', review: '自己評価：2027/6/1〜2027/6/20' }),
      row({
        fiscal_year: '',
        leadership_channel: '',
        department_name: '',
        department_managers: 'U0SEISAKM1、U0SEISAKM2',
        target_code: 'SK-2',
        indicator_kind: 'outcome',
        indicator_target: '１,２３４.５',
        milestones: '設計@2026/12/1；テスト＠2027-1-5',
      }),
      { department_code: 'somu', department_name: '総務部' },
    ]);
    const result = parseOrganizationCsv(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const org = result.organization;
    expect(org.review).toEqual([{ name: '自己評価', role: 'self', opensOn: '2027-06-01', closesOn: '2027-06-20' }]);
    expect(org.departments.map((d) => [d.code, d.targets.length])).toEqual([
      ['seisaku', 2],
      ['somu', 0],
    ]);
    expect(org.departments[0]?.managers).toEqual(['U0SEISAKM1', 'U0SEISAKM2']);
    expect(org.departments[0]?.targets[1]).toMatchObject({
      indicator: { kind: 'outcome', unit: null, baseline: null, target: 1234.5 },
      milestones: [
        { title: '設計', dueOn: '2026-12-01' },
        { title: 'テスト', dueOn: '2027-01-05' },
      ],
    });
  });

  it('groups a department’s rows wherever they are', () => {
    const text = csvOf([
      row(),
      row({ department_code: 'somu', department_name: '総務部', target_code: 'SM-1' }),
      row({ target_code: 'SK-2' }),
    ]);
    const result = parseOrganizationCsv(text);
    expect(result.ok && result.organization.departments.map((d) => d.targets.map((t) => t.code))).toEqual([
      ['SK-1', 'SK-2'],
      ['SM-1'],
    ]);
  });

  it('refuses unknown, duplicate and missing columns', () => {
    const text = 'fiscal_year,leadership_channel,department_code,department_name,target_code,title,titel,title\n';
    expect(problemLines(parseOrganizationCsv(text))).toEqual([
      expect.stringMatching(/^row 1, column 7: unknown column "titel"; columns are: fiscal_year, /),
      'row 1, column 8: column "title" appears twice',
      'row 1: missing column category (区分)',
    ]);
  });

  it('ignores blank trailing columns but not values under a blank header', () => {
    const [header, first] = csvOf([row()]).split('\n');
    const result = parseOrganizationCsv(`${header},,\n${first},,\n${first?.replace('SK-1', 'SK-2')},,stray\n`);
    expect(problemLines(result)).toEqual(['row 3, column 10: a value in a column without a header']);
  });

  it('rejects control characters and a missing department code', () => {
    const text = csvOf([row({ title: 'タイトル\u0008' }), row({ target_code: 'SK-2', department_code: ' ' })]);
    expect(problemLines(parseOrganizationCsv(text))).toEqual([
      'row 2, column title: contains control characters or line breaks',
      'row 3, column department_code: is required',
    ]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(problemLines(parseOrganizationCsv(''))).toEqual([': the file is empty (expected a header row)']);
    const header = csvOf([row()]).split('\n')[0];
    expect(problemLines(parseOrganizationCsv(`${header}\n,,,,,,,\n`))).toEqual([': the file has a header but no rows']);
  });
});
