import { describe, expect, it } from 'vitest';
import { readCalendarDay } from '../../src/calendar/read-day.js';

describe('readCalendarDay', () => {
  const today = '2026-12-04';

  it.each([
    ['2026-12-28', '2026-12-28'],
    ['2026/12/28', '2026-12-28'],
    ['2026/1/5', '2026-01-05'],
    ['2026.12.28', '2026-12-28'],
    ['２０２６／１２／２８', '2026-12-28'],
    ['2026年12月28日', '2026-12-28'],
    ['令和8年12月28日', '2026-12-28'],
    ['令和８年１２月２８日', '2026-12-28'],
    ['令和元年5月1日', '2019-05-01'],
    ['12/28', '2026-12-28'],
    ['１２／２８', '2026-12-28'],
    ['12月28日', '2026-12-28'],
    [' 12月4日 ', '2026-12-04'],
    // Already past this year: the next one.
    ['1/5', '2027-01-05'],
    ['12月3日', '2027-12-03'],
    // The next 29 February.
    ['2/29', '2028-02-29'],
  ])('reads %j as %s', (text, expected) => {
    expect(readCalendarDay(text, today)).toBe(expected);
  });

  it.each([
    '2026-13-45',
    '2027/13/45',
    '2026-02-30',
    '12/32',
    '13/1',
    '令和1年4月30日',
    '令和8年2月30日',
    '平成30年1月1日',
    'tomorrow',
    '12-28',
    '28/12/2026',
    '',
  ])('refuses %j', (text) => {
    expect(readCalendarDay(text, today)).toBeNull();
  });

  it('reads a day without its year only when today is known', () => {
    expect(readCalendarDay('12/28')).toBeNull();
    expect(readCalendarDay('12月28日')).toBeNull();
    expect(readCalendarDay('2026/9/30')).toBe('2026-09-30');
  });
});
