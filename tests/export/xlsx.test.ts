import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { SHEET_COLUMNS, sheetCells, sheetHeaders } from '../../src/export/columns.js';
import { evaluationSheetXlsx, sheetTitleText, wrappedLines } from '../../src/export/xlsx.js';
import { SAMPLE_NAMES, SAMPLE_ROWS } from './sample-rows.js';

const ja = { locale: 'ja', ownerNames: SAMPLE_NAMES } as const;
const title = { organization: '板橋区', fiscalYear: 2026, asOf: '2026-12-05' };

/** The workbook's XML parts by name. */
function parts(data: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(data));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('evaluation sheet XLSX', () => {
  it('opens with read-excel-file: a title row, the header, then the same rows', async () => {
    const data = await evaluationSheetXlsx(SAMPLE_ROWS, ja, title);
    const sheets = await readXlsxFile(data);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.sheet).toBe('評価シート');
    const [titleRow, header, ...rows] = sheets[0]?.data ?? [];
    expect(titleRow?.[0]).toBe('板橋区　令和8年度 行政評価 評価シート');
    expect(titleRow?.at(-3)).toBe('2026年12月5日現在');
    expect(header).toEqual(sheetHeaders('ja'));
    expect(rows).toEqual(SAMPLE_ROWS.map((r) => sheetCells(r, ja)));
    const column = (name: string) => sheetHeaders('ja').indexOf(name);
    // Numbers stay numbers (Excel can sum and sort them), text stays verbatim, formulas do not run.
    expect(rows[1]?.[column('達成率（%）')]).toBe(-40);
    expect(rows[2]?.[column('自己評価コメント')]).toBe('=HYPERLINK("http://example.invalid","x")');
    expect(rows.map((r) => r[column('担当者')])).toEqual(['板橋 花子', null, 'U0UNNAMED1']);
    expect(rows.map((r) => r[column('進捗状況')])).toEqual(['完了', '未報告', '注意']);
    // The last update is a real date cell on the right calendar day.
    expect(rows[0]?.[column('最終更新日')]).toEqual(new Date('2027-03-31T00:00:00Z'));
  });

  it('stores numbers and dates as typed cells shown the Japanese way, never Infinity or NaN', async () => {
    const rows = [{ ...SAMPLE_ROWS[0], achievementPercent: Number.POSITIVE_INFINITY, actual: Number.NaN }];
    const xml = parts(await evaluationSheetXlsx(rows as typeof SAMPLE_ROWS, ja, title));
    const sheet = xml['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).not.toMatch(/Infinity|NaN/);
    const styles = xml['xl/styles.xml'] ?? '';
    const dateFormat = /<numFmt numFmtId="(\d+)" formatCode="yyyy\/m\/d"\/>/.exec(styles);
    expect(dateFormat).not.toBeNull();
    // The date cell (column N, row 3) holds the serial number of 2027-03-31 with that format.
    const cell = /<c r="N3" s="(\d+)"[^>]*><v>([^<]+)<\/v><\/c>/.exec(sheet);
    expect(cell?.[2]).toBe('46477');
    const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g)];
    expect(xfs[Number(cell?.[1])]?.[0]).toContain(`numFmtId="${dateFormat?.[1]}"`);
  });

  it('prints on A4 landscape, fitted to the page width, the title and header rows on every page', async () => {
    const xml = parts(await evaluationSheetXlsx(SAMPLE_ROWS, ja, title));
    const sheet = xml['xl/worksheets/sheet1.xml'] ?? '';
    const pageSetup = /<pageSetup [^>]*\/>/.exec(sheet)?.[0] ?? '';
    expect(pageSetup).toContain('paperSize="9"');
    expect(pageSetup).toContain('orientation="landscape"');
    expect(pageSetup).toContain('fitToWidth="1"');
    expect(pageSetup).toContain('fitToHeight="0"');
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toMatch(/<printOptions [^>]*horizontalCentered="1"/);
    expect(sheet).toContain('<oddFooter>&amp;P / &amp;N</oddFooter>');
    expect(xml['xl/workbook.xml']).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;評価シート&apos;!\$1:\$2<\/definedName>/,
    );
  });

  it('has an autofilter on the header, frozen header rows, borders and set column widths', async () => {
    const xml = parts(await evaluationSheetXlsx(SAMPLE_ROWS, ja, title));
    const sheet = xml['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toContain('<autoFilter ref="A2:U5"/>');
    expect(sheet).toMatch(/<pane[^>]*ySplit="2"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<col min="4" max="4" width="30"/);
    expect(sheet).toContain('<mergeCell ref="A1:R1"/>');
    // Every header and body cell is drawn with a thin border on all four sides.
    const styles = xml['xl/styles.xml'] ?? '';
    const borders = [...(/<borders[^>]*>(.*?)<\/borders>/s.exec(styles)?.[1] ?? '').matchAll(/<border>.*?<\/border>/g)];
    const thin = borders.findIndex((b) =>
      ['left', 'right', 'top', 'bottom'].every((side) => b[0].includes(`<${side} style="thin"/>`)),
    );
    expect(thin).toBeGreaterThan(0);
    const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g)];
    const table = [...sheet.matchAll(/<c r="[A-U]([2-5])" s="(\d+)"/g)];
    expect(table).toHaveLength(4 * SHEET_COLUMNS.length);
    for (const cell of table) expect(xfs[Number(cell[2])]?.[0]).toContain(`borderId="${thin}"`);
  });

  it('sets each row tall enough for its longest wrapped text', async () => {
    const xml = parts(await evaluationSheetXlsx(SAMPLE_ROWS, ja, title));
    const heights = [...(xml['xl/worksheets/sheet1.xml'] ?? '').matchAll(/<row r="(\d+)" ht="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // Row 3: a two-line self-assessment comment, 30 characters wide, needs 3 lines; row 4: one.
    expect(heights).toContainEqual([3, 3 * 14 + 4]);
    expect(heights).toContainEqual([4, 2 * 14 + 4]);
    expect(wrappedLines('あいう', 7)).toBe(1);
    expect(wrappedLines('あいうえ', 7)).toBe(2);
    expect(wrappedLines('abc\ndef', 30)).toBe(2);
  });

  it('writes a header-only sheet when there are no targets, and an English title', async () => {
    const sheets = await readXlsxFile(
      await evaluationSheetXlsx([], { locale: 'en' }, { ...title, organization: null }),
    );
    expect(sheets[0]?.data.slice(1)).toEqual([sheetHeaders('en')]);
    expect(sheets[0]?.data[0]?.[0]).toBe('FY2026 administrative evaluation sheet');
    expect(sheetTitleText(title, 'en')).toBe('板橋区　FY2026 administrative evaluation sheet');
  });
});
