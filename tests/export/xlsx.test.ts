import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { sheetCells, sheetHeaders } from '../../src/export/columns.js';
import { evaluationSheetXlsx } from '../../src/export/xlsx.js';
import { SAMPLE_ROWS } from './sample-rows.js';

describe('evaluation sheet XLSX', () => {
  it('opens with read-excel-file and has the header and the same rows', async () => {
    const data = await evaluationSheetXlsx(SAMPLE_ROWS);
    const sheets = await readXlsxFile(data);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.sheet).toBe('評価シート');
    const [header, ...rows] = sheets[0]?.data ?? [];
    expect(header).toEqual(sheetHeaders('ja'));
    expect(rows).toEqual(SAMPLE_ROWS.map((r) => sheetCells(r, 'ja')));
    // Numbers stay numbers (Excel can sum and sort them), text stays verbatim, formulas do not run.
    expect(rows[1]?.[9]).toBe(-40);
    expect(rows[2]?.[13]).toBe('=HYPERLINK("http://example.invalid","x")');
  });

  it('freezes the header row and sets column widths', async () => {
    const data = await evaluationSheetXlsx(SAMPLE_ROWS);
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(new Uint8Array(data));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<col [^>]*width="50"/);
  });

  it('writes a header-only sheet when there are no targets', async () => {
    const sheets = await readXlsxFile(await evaluationSheetXlsx([]));
    expect(sheets[0]?.data).toEqual([sheetHeaders('ja')]);
  });
});
