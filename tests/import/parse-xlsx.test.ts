import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/import/csv-columns.js';
import { IMPORT_SHEET_NAME, importWorkbookXlsx } from '../../src/import/import-workbook.js';
import { organizationToCsv, organizationToRecords } from '../../src/import/organization-to-csv.js';
import { parseOrganizationCsv } from '../../src/import/parse-csv.js';
import { cellText, parseOrganizationXlsx } from '../../src/import/parse-xlsx.js';
import { parseOrganizationYaml } from '../../src/import/parse-yaml.js';
import { EXAMPLE_XLSX, EXAMPLE_YAML, TEMPLATE_XLSX } from './samples.js';

const yaml = parseOrganizationYaml(readFileSync(EXAMPLE_YAML, 'utf8'));
if (!yaml.ok) throw new Error('the example YAML must be valid');
const example = yaml.organization;

/** Every cell of the first sheet as text, row by row (what the import reads). */
async function sheetText(data: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data.slice().buffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(CSV_COLUMNS.map((_, i) => cellText(row.getCell(i + 1).value)));
  });
  return rows;
}

describe('parseOrganizationXlsx', () => {
  it('reads examples/itabashi-fy2026.xlsx to the same organisation as the YAML', async () => {
    const result = await parseOrganizationXlsx(readFileSync(EXAMPLE_XLSX));
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.ok && result.organization).toEqual(example);
  });

  it('keeps the example workbook in sync with `tracker export --template xlsx --from` the YAML', async () => {
    const fresh = await importWorkbookXlsx(organizationToRecords(example).slice(1));
    const committed = await sheetText(readFileSync(EXAMPLE_XLSX));
    expect(committed).toEqual(await sheetText(fresh));
    expect(committed[0]).toEqual(CSV_COLUMNS.map((c) => c.ja));
    expect(committed).toHaveLength(280);
  });

  it('reports the same problems, by row and column, as the CSV with the same cells', async () => {
    const records = organizationToRecords(example);
    const broken = records.map((r) => [...r]);
    const column = (name: string) => CSV_COLUMNS.findIndex((c) => c.name === name);
    (broken[3] as string[])[column('category')] = '';
    (broken[10] as string[])[column('indicator_kind')] = 'output';
    (broken[40] as string[])[column('leadership_channel')] = 'C0OTHER001';
    (broken[41] as string[])[column('indicator_target')] = '１２万';
    const xlsx = await parseOrganizationXlsx(await importWorkbookXlsx(broken.slice(1)));
    // The workbook has Japanese headers; the CSV gets the same ones.
    broken[0] = CSV_COLUMNS.map((c) => c.ja);
    const csv = parseOrganizationCsv(
      broken
        .map((r) => r.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','))
        .join('\n'),
    );
    expect(xlsx.ok).toBe(false);
    expect(!xlsx.ok && xlsx.problems).toEqual(!csv.ok && csv.problems);
    expect(!xlsx.ok && xlsx.problems.map((p) => p.location)).toEqual([
      'row 4, column 区分',
      'row 11, column 指標の種類',
      'row 41, column 幹部チャンネル',
      // Row 42's target has no indicator kind: a value alone is an incomplete indicator.
      'row 42, column 指標の種類',
      'row 42, column 目標値',
    ]);
  });

  it('numbers rows as Excel shows them, skipping empty rows as the CSV skips empty lines', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    const [header, first, second] = organizationToRecords(example);
    sheet.getRow(2).values = header as string[];
    sheet.getRow(3).values = first as string[];
    sheet.getRow(6).values = (second as string[]).map((cell, i) => (i === column('target_code') ? '' : cell));
    const result = await parseOrganizationXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(!result.ok && result.problems).toEqual([{ location: 'row 6, column target_code', message: 'is required' }]);
  });

  it('reads numbers, dates, formulas, rich text, links and errors as the text the CSV would hold', () => {
    expect(cellText(2026)).toBe('2026');
    expect(cellText(0.5)).toBe('0.5');
    expect(cellText(new Date('2026-09-30T00:00:00Z'))).toBe('2026-09-30');
    expect(cellText({ formula: 'A1+1', result: 2027 } as ExcelJS.CellFormulaValue)).toBe('2027');
    expect(cellText({ richText: [{ text: '区公式' }, { text: 'LINE' }] })).toBe('区公式LINE');
    expect(cellText({ text: 'C0LEAD0001', hyperlink: 'https://example.invalid' })).toBe('C0LEAD0001');
    expect(cellText({ error: '#N/A' } as ExcelJS.CellErrorValue)).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });

  it('refuses a file that is not a workbook, and the empty template with a clear message', async () => {
    const bad = await parseOrganizationXlsx(new TextEncoder().encode(organizationToCsv(example)));
    expect(!bad.ok && bad.problems[0]?.message).toMatch(/^not a readable \.xlsx workbook/);
    const empty = await parseOrganizationXlsx(readFileSync(TEMPLATE_XLSX));
    expect(!empty.ok && empty.problems).toEqual([{ location: '', message: 'the file has a header but no rows' }]);
  });
});

function column(name: string): number {
  return CSV_COLUMNS.findIndex((c) => c.name === name);
}

describe('the import workbook (tracker export --template xlsx)', () => {
  it('has the import headers and drop-down lists for the category, the indicator kind and the cadences', async () => {
    const data = await importWorkbookXlsx();
    const xml = Object.fromEntries(
      Object.entries(unzipSync(new Uint8Array(data))).map(([name, bytes]) => [name, strFromU8(bytes)]),
    );
    expect(xml['xl/workbook.xml']).toContain(`name="${IMPORT_SHEET_NAME}"`);
    const sheet = xml['xl/worksheets/sheet1.xml'] ?? '';
    const letter = (name: string) => String.fromCharCode(65 + column(name));
    const validation = (name: string) =>
      new RegExp(
        `<dataValidation [^>]*sqref="${letter(name)}2:${letter(name)}1000"[^>]*>\\s*<formula1>([^<]*)</formula1>`,
      ).exec(sheet)?.[1];
    expect(validation('category')).toBe('&quot;施策,改革,人材育成・活用&quot;');
    expect(validation('indicator_kind')).toBe('&quot;activity,outcome&quot;');
    expect(validation('cadence')).toBe('&quot;weekly,biweekly,monthly&quot;');
    expect(validation('department_cadence')).toBe('&quot;weekly,biweekly,monthly&quot;');
    // Other categories are allowed after a warning; an unknown indicator kind is refused.
    expect(sheet).toMatch(new RegExp(`<dataValidation [^>]*errorStyle="warning"[^>]*sqref="${letter('category')}2:`));
    expect(sheet).not.toMatch(
      new RegExp(`<dataValidation [^>]*errorStyle="warning"[^>]*sqref="${letter('indicator_kind')}2:`),
    );
    expect(await sheetText(data)).toEqual([CSV_COLUMNS.map((c) => c.ja)]);
  });

  it('is committed as examples/import-template.xlsx', async () => {
    expect(await sheetText(readFileSync(TEMPLATE_XLSX))).toEqual(await sheetText(await importWorkbookXlsx()));
  });
});
