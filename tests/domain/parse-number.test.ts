import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, readNumber } from '../../src/domain/parse-number.js';

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['1,234.5', 1234.5],
    ['１２．５', 12.5],
    [' 7 ', 7],
    ['1e3', 1000],
    ['+5', 5],
    ['.5', 0.5],
    ['5.', 5],
    ['1,000,000', 1_000_000],
    ['　８　', 8],
    ['－２', -2],
    ['−4', -4],
    ['１，２３４', 1234],
    ['2.5E-1', 0.25],
  ])('accepts %j as %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each([
    'abc',
    '',
    '   ',
    '1e309',
    '-1e309',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '0b11',
    '1.2.3',
    '--1',
    '+-1',
    '1e',
    'e3',
    '.',
    '-',
    '12%',
    '¥100',
    '1/2',
    '٣',
  ])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it('turns -0 into +0', () => {
    const result = parseNumber('-0');
    expect(result).not.toBeNull();
    expect(Object.is(result, 0)).toBe(true);
    expect(Object.is(parseNumber('-0.0'), 0)).toBe(true);
    expect(Object.is(parseNumber('－０'), 0)).toBe(true);
  });

  it('returns null or a finite number for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const result = parseNumber(text);
        expect(result === null || (typeof result === 'number' && Number.isFinite(result))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns null or a finite number for strings made of number-like characters', () => {
    const chars = fc.constantFrom(...'0123456789.,eE+-− ０１２３４５６７８９．，－'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 30 }), (text) => {
        const result = parseNumber(text);
        expect(result === null || Number.isFinite(result)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips String(x) for every finite double x', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseNumber(String(x))).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads safe integers written with thousands separators and full-width digits', () => {
    const toFullWidth = (s: string) => s.replace(/[0-9,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const grouped = n.toLocaleString('en-US');
        expect(parseNumber(grouped)).toBe(n === 0 ? 0 : n);
        expect(parseNumber(toFullWidth(grouped))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('readNumber', () => {
  it('reads well-formed numbers beyond the range of doubles as ±Infinity', () => {
    expect(readNumber('1e309')).toBe(Number.POSITIVE_INFINITY);
    expect(readNumber('－１e309')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('reads what parseNumber reads, and nothing that is not a number', () => {
    expect(readNumber('１，２３４．５')).toBe(1234.5);
    expect(readNumber('−4')).toBe(-4);
    for (const text of ['abc', '', 'NaN', 'Infinity', '12,5', '0x10', '12%']) expect(readNumber(text), text).toBeNull();
  });
});
