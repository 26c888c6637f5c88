import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalYearLabel, formatDay } from '../../src/calendar/format.js';
import { anyDay, HOST_ZONES, underHostZone } from './utc-oracle.js';

describe('fiscalYearLabel', () => {
  it.each([
    [2019, '令和元年度'],
    [2020, '令和2年度'],
    [2026, '令和8年度'],
    [2018, '2018年度'],
  ])('names %d in Japanese as %s', (year, label) => {
    expect(fiscalYearLabel(year, 'ja')).toBe(label);
  });

  it('names the year in English as FY<year>', () => {
    expect(fiscalYearLabel(2026, 'en')).toBe('FY2026');
    expect(fiscalYearLabel(2019, 'en')).toBe('FY2019');
  });
});

describe('formatDay', () => {
  it('formats in Japanese without the year by default', () => {
    expect(formatDay('2026-09-30', 'ja')).toBe('9月30日');
    expect(formatDay('2027-01-05', 'ja')).toBe('1月5日');
  });

  it('adds the year in Japanese only when it differs from refYear', () => {
    expect(formatDay('2026-09-30', 'ja', 2026)).toBe('9月30日');
    expect(formatDay('2027-01-05', 'ja', 2026)).toBe('2027年1月5日');
  });

  it('formats in English without the year by default', () => {
    expect(formatDay('2026-09-30', 'en')).toBe('Sep 30');
    expect(formatDay('2027-01-05', 'en')).toBe('Jan 5');
    expect(formatDay('2026-12-01', 'en')).toBe('Dec 1');
  });

  it('adds the year in English only when it differs from refYear', () => {
    expect(formatDay('2026-09-30', 'en', 2026)).toBe('Sep 30');
    expect(formatDay('2027-01-05', 'en', 2026)).toBe('Jan 5, 2027');
  });

  it('writes the day’s own numbers for any day 2000–2100 (any host TZ)', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 2000, max: 2100 }), fc.constantFrom(...HOST_ZONES), (day, ref, zone) => {
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        const year = y === ref ? '' : `${y}`;
        underHostZone(zone, () => {
          expect(formatDay(day, 'ja', ref)).toBe(`${year && `${year}年`}${m}月${d}日`);
          expect(formatDay(day, 'en', ref)).toBe(`${months[m - 1]} ${d}${year && `, ${year}`}`);
          expect(formatDay(day, 'ja')).toBe(`${m}月${d}日`);
        });
      }),
      { numRuns: 500 },
    );
  });
});
