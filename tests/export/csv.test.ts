import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sheetCells, sheetHeaders } from '../../src/export/columns.js';
import { evaluationSheetCsv, guardFormula } from '../../src/export/csv.js';
import { SAMPLE_NAMES, SAMPLE_ROWS } from './sample-rows.js';

const ja = { locale: 'ja', ownerNames: SAMPLE_NAMES } as const;

describe('evaluation sheet CSV', () => {
  const csv = evaluationSheetCsv(SAMPLE_ROWS, ja);

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF, for Japanese Excel', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    const lineEnds = text.match(/\r?\n/g) ?? [];
    // Record separators are CRLF; the only bare LF is inside the quoted multi-line comment.
    expect(lineEnds.filter((e) => e === '\r\n')).toHaveLength(SAMPLE_ROWS.length + 1);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has Japanese headers, with the owner, the progress status and the latest comment', () => {
    const [header] = parse(csv, { bom: true }) as string[][];
    expect(header).toEqual(sheetHeaders('ja'));
    expect(header?.slice(0, 5)).toEqual(['部', '区分', 'コード', '重点目標', '担当者']);
    expect(header?.slice(11, 14)).toEqual(['進捗状況', '最新コメント', '最終更新日']);
    expect(header).toContain('本部評価（確定）');
    expect(header).toContain('達成率（%）');
  });

  it('reads back (BOM stripped) to the same data', () => {
    const [, ...records] = parse(csv, { bom: true }) as string[][];
    const expected = SAMPLE_ROWS.map((row) => sheetCells(row, ja).map((c) => String(guardFormula(c))));
    expect(records).toEqual(expected);
    const column = (name: string) => sheetHeaders('ja').indexOf(name);
    expect(records[0]?.[column('自己評価コメント')]).toBe(
      '改訂素案を作成し、パブリックコメントを実施した。\n公表は3月末。',
    );
    expect(records[0]?.[column('本部コメント')]).toBe('成果を評価する, "外部要因" も考慮');
    expect(records[1]?.[column('達成率（%）')]).toBe('-40');
    expect(records[1]?.[column('評価状況')]).toBe('差戻し（再評価待ち）');
    expect(records[1]?.[column('指標')]).toBe('成果指標');
    expect(records[2]?.[column('指標')]).toBe('');
  });

  it('names owners by display name (else by id), says 未報告 before the first report and writes days as Excel does', () => {
    const [, ...records] = parse(csv, { bom: true }) as string[][];
    const column = (name: string) => sheetHeaders('ja').indexOf(name);
    expect(records.map((r) => r[column('担当者')])).toEqual(['板橋 花子', '', 'U0UNNAMED1']);
    expect(records.map((r) => r[column('進捗状況')])).toEqual(['完了', '未報告', '注意']);
    expect(records.map((r) => r[column('最終更新日')])).toEqual(['2027/3/31', '', '2026/10/5']);
    expect(records[0]?.[column('最新コメント')]).toBe('改訂版を公表した');
    // A comment typed in Slack that starts with + would run as a formula.
    expect(records[2]?.[column('最新コメント')]).toBe("'+ 研修日程の調整中");
  });

  it('keeps formula-like comments from running in Excel, and leaves numbers alone', () => {
    const [, , , third] = parse(csv, { bom: true }) as string[][];
    expect(third?.[sheetHeaders('ja').indexOf('自己評価コメント')]).toBe(`'=HYPERLINK("http://example.invalid","x")`);
    expect(guardFormula(-40)).toBe(-40);
    expect(guardFormula(Number.NaN)).toBe('');
    expect(guardFormula('-5 件')).toBe("'-5 件");
    expect(guardFormula('通常の文')).toBe('通常の文');
    expect(guardFormula(null)).toBe('');
  });

  it('writes Shift_JIS (CP932) without a byte-order mark on request', () => {
    const sjis = evaluationSheetCsv(SAMPLE_ROWS, ja, 'sjis');
    expect([...sjis.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    // 部 is 0x95 0x94 in Shift_JIS; in UTF-8 it would be three bytes starting 0xE9.
    expect([...sjis.subarray(0, 2)]).toEqual([0x95, 0x94]);
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    expect(() => utf8.decode(sjis)).toThrow(TypeError);
    const text = iconv.decode(sjis, 'cp932');
    expect(parse(text)).toEqual(parse(csv, { bom: true }));
  });

  it('writes English headers on request', () => {
    const [header] = parse(evaluationSheetCsv([], { locale: 'en' }), { bom: true }) as string[][];
    expect(header?.slice(0, 5)).toEqual(['Department', 'Category', 'Code', 'Key target', 'Owner']);
  });
});
