import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { openDatabase } from '../../../src/db/client.js';
import { CSV_COLUMNS } from '../../../src/import/csv-columns.js';
import { parseOrganizationXlsx } from '../../../src/import/parse-xlsx.js';
import { wiring } from '../../helpers/wiring.js';
import { EXAMPLE_CSV, EXAMPLE_XLSX, EXAMPLE_YAML } from '../../import/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'tracker-import-xlsx-'));
const url = `file:${join(dir, 'tracker.db')}`;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { env: { DATABASE_URL: url, TRACKER_LANG: 'en' }, out: (l) => out.push(l), err: (l) => err.push(l) },
    wiring,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every row the import writes, with its update time, so "changes nothing" is exact. */
async function snapshot() {
  const { db, close } = await openDatabase(url);
  try {
    return {
      departments: await db.department.findMany({ orderBy: { id: 'asc' } }),
      targets: await db.target.findMany({ orderBy: { id: 'asc' } }),
      milestones: await db.milestone.findMany({ orderBy: { id: 'asc' } }),
      people: await db.departmentPerson.findMany({ orderBy: { id: 'asc' } }),
      settings: await db.setting.findMany({ orderBy: { key: 'asc' } }),
      audit: await db.auditEvent.count(),
    };
  } finally {
    await close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tracker import FILE.xlsx', () => {
  // Each test imports the whole example (279 targets), which takes a while on a busy machine.
  let before: Awaited<ReturnType<typeof snapshot>>;

  it('imports the example workbook', { timeout: 60_000 }, async () => {
    const first = await run(['import', EXAMPLE_XLSX]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Reading .*itabashi-fy2026\.xlsx \(XLSX, \d+ KB\)/);
    expect(first.out).toContain('Valid: FY2026 (令和8年度), 20 departments, 279 targets, 739 milestones');
    expect(first.out).toContain('  targets: 279 created, 0 updated, 0 unchanged');
    before = await snapshot();
    expect(before.targets).toHaveLength(279);
  });

  it('then importing the CSV twin changes nothing', { timeout: 60_000 }, async () => {
    const second = await run(['import', EXAMPLE_CSV]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('  targets: 0 created, 0 updated, 279 unchanged');
    expect(second.out).toContain('Nothing to change');
    expect(await snapshot()).toEqual(before);
  });

  it('titles the evaluation sheet with the organisation name the file gives', async () => {
    const file = join(dir, 'sheet.xlsx');
    expect((await run(['export', '--fy', '2026', '--out', file, '--lang', 'ja'])).code).toBe(0);
    const [sheet] = await readXlsxFile(readFileSync(file));
    expect(sheet?.data[0]?.[0]).toBe('板橋区　令和8年度 行政評価 評価シート');
    expect(sheet?.data).toHaveLength(2 + 279);
  });

  it('lists a broken workbook’s problems by row and column and writes nothing', async () => {
    const before = await snapshot();
    const file = join(dir, 'broken.xlsx');
    expect((await run(['export', '--template', 'xlsx', '--from', EXAMPLE_YAML, '--out', file])).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0] as import('exceljs').Worksheet;
    sheet.getCell(4, CSV_COLUMNS.findIndex((c) => c.name === 'category') + 1).value = null;
    sheet.getCell(11, CSV_COLUMNS.findIndex((c) => c.name === 'milestones') + 1).value = '要件定義@2027/13/45';
    await workbook.xlsx.writeFile(file);
    const { code, err } = await run(['import', file]);
    expect(code).toBe(1);
    expect(err.split('\n')).toEqual([
      'row 4, column 区分: is required',
      'row 11, column マイルストーン, item 1, due: "2027/13/45" is not a date (write 2026-09-30, 2026/9/30, 2026年9月30日 or 令和8年9月30日)',
      `Problems found in ${file}: 2. Nothing was written.`,
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('tracker export --template xlsx', () => {
  it('writes the empty import workbook, and one filled from an import file that reads back the same', async () => {
    const empty = join(dir, 'template.xlsx');
    const made = await run(['export', '--template', 'xlsx', '--out', empty]);
    expect(made.code).toBe(0);
    expect(made.out).toContain('Wrote the import workbook (headers and drop-down lists)');
    const read = await parseOrganizationXlsx(readFileSync(empty));
    expect(!read.ok && read.problems[0]?.message).toBe('the file has a header but no rows');

    const filled = join(dir, 'filled.xlsx');
    expect((await run(['export', '--template', 'xlsx', '--from', EXAMPLE_CSV, '--out', filled])).out).toContain(
      'with 279 rows',
    );
    const fromCsv = await parseOrganizationXlsx(readFileSync(filled));
    const fromExample = await parseOrganizationXlsx(readFileSync(EXAMPLE_XLSX));
    expect(fromCsv.ok && fromCsv.organization).toEqual(fromExample.ok && fromExample.organization);
  });

  it('explains a wrong template format, --from without --template and a broken source file', async () => {
    expect((await run(['export', '--template', 'ods'])).err).toContain('--template must be xlsx');
    const lonely = await run(['export', '--from', EXAMPLE_CSV]);
    expect(lonely.code).toBe(2);
    expect(lonely.err).toContain('--from goes with --template xlsx');
    const broken = await run(['export', '--template', 'xlsx', '--from', join(dir, 'missing.yaml')]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('no such file');
    const missing = join(dir, 'missing.yaml');
    const japanese = await run(['export', '--template', 'xlsx', '--from', missing, '--lang', 'ja']);
    expect(japanese.err.split('\n')).toEqual([
      `${missing}: ファイルが見つかりません`,
      `tracker export: ${missing} に問題があるため、ワークブックは書き出していません。`,
    ]);
  });
});
