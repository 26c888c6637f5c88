import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sheetCells, sheetHeaders } from '../../src/export/columns.js';
import { evaluationSheetCsv, guardFormula } from '../../src/export/csv.js';
import { SAMPLE_ROWS } from './sample-rows.js';

describe('evaluation sheet CSV', () => {
  const csv = evaluationSheetCsv(SAMPLE_ROWS);

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF, for Japanese Excel', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    const lineEnds = text.match(/\r?\n/g) ?? [];
    // Record separators are CRLF; the only bare LF is inside the quoted multi-line comment.
    expect(lineEnds.filter((e) => e === '\r\n')).toHaveLength(SAMPLE_ROWS.length + 1);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has Japanese headers', () => {
    const [header] = parse(csv, { bom: true }) as string[][];
    expect(header).toEqual(sheetHeaders('ja'));
    expect(header?.slice(0, 4)).toEqual(['部', '区分', 'コード', '重点目標']);
    expect(header).toContain('本部評価（確定）');
    expect(header).toContain('達成率（%）');
  });

  it('reads back (BOM stripped) to the same data', () => {
    const [, ...records] = parse(csv, { bom: true }) as string[][];
    const expected = SAMPLE_ROWS.map((row) =>
      sheetCells(row, 'ja').map((c) => (c === null ? '' : String(guardFormula(c)))),
    );
    expect(records).toEqual(expected);
    expect(records[0]?.[13]).toBe('改訂素案を作成し、パブリックコメントを実施した。\n公表は3月末。');
    expect(records[0]?.[14]).toBe('成果を評価する, "外部要因" も考慮');
    expect(records[1]?.[9]).toBe('-40');
    expect(records[1]?.[16]).toBe('差戻し（再評価待ち）');
    expect(records[2]?.[4]).toBe('');
  });

  it('keeps formula-like comments from running in Excel, and leaves numbers alone', () => {
    const [, , , third] = parse(csv, { bom: true }) as string[][];
    expect(third?.[13]).toBe(`'=HYPERLINK("http://example.invalid","x")`);
    expect(guardFormula(-40)).toBe(-40);
    expect(guardFormula('-5 件')).toBe("'-5 件");
    expect(guardFormula('通常の文')).toBe('通常の文');
    expect(guardFormula(null)).toBe('');
  });

  it('writes English headers on request', () => {
    const [header] = parse(evaluationSheetCsv([], 'en'), { bom: true }) as string[][];
    expect(header?.[0]).toBe('Department');
  });
});
