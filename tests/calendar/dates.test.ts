import { afterEach, describe, expect, it } from 'vitest';
import {
  calendarDayIn,
  calendarFromDate,
  dateFromCalendar,
  fiscalYearAt,
  fiscalYearLabel,
  fiscalYearOfDay,
  fiscalYearRange,
  formatDay,
} from '../../src/calendar/dates.js';

const HOST_ZONES = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Tokyo'];
const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

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

describe('fiscalYearAt (Asia/Tokyo)', () => {
  it('really runs under another host TZ when process.env.TZ is set (guards the tests below)', () => {
    const winter = new Date('2026-01-01T00:00:00Z');
    process.env.TZ = 'America/New_York';
    expect(winter.getTimezoneOffset()).toBe(300);
    process.env.TZ = 'Pacific/Kiritimati';
    expect(winter.getTimezoneOffset()).toBe(-840);
  });

  it.each(HOST_ZONES)('switches at April 1 00:00 JST whatever the host TZ (%s)', (zone) => {
    process.env.TZ = zone;
    expect(fiscalYearAt(new Date('2027-03-31T14:59:59Z'), 'Asia/Tokyo')).toBe(2026);
    expect(fiscalYearAt(new Date('2027-03-31T14:59:59.999Z'), 'Asia/Tokyo')).toBe(2026);
    expect(fiscalYearAt(new Date('2027-03-31T15:00:00Z'), 'Asia/Tokyo')).toBe(2027);
    expect(fiscalYearAt(new Date('2026-04-01T00:00:00Z'), 'Asia/Tokyo')).toBe(2026);
    expect(fiscalYearAt(new Date('2026-03-31T15:00:00Z'), 'Asia/Tokyo')).toBe(2026);
    expect(fiscalYearAt(new Date('2026-03-31T14:59:59Z'), 'Asia/Tokyo')).toBe(2025);
  });

  it('follows the configured zone, not UTC', () => {
    const instant = new Date('2027-03-31T20:00:00Z');
    expect(fiscalYearAt(instant, 'Asia/Tokyo')).toBe(2027);
    expect(fiscalYearAt(instant, 'UTC')).toBe(2026);
    expect(fiscalYearAt(instant, 'America/New_York')).toBe(2026);
  });
});

describe('fiscalYearOfDay and fiscalYearRange', () => {
  it('puts January to March in the previous fiscal year', () => {
    expect(fiscalYearOfDay('2027-01-15')).toBe(2026);
    expect(fiscalYearOfDay('2027-03-31')).toBe(2026);
    expect(fiscalYearOfDay('2027-04-01')).toBe(2027);
    expect(fiscalYearOfDay('2026-12-31')).toBe(2026);
  });

  it('runs from April 1 to March 31', () => {
    expect(fiscalYearRange(2026)).toEqual({ start: '2026-04-01', end: '2027-03-31' });
  });
});

describe('calendarDayIn', () => {
  it.each(HOST_ZONES)('gives the day in the given zone regardless of the host TZ (%s)', (zone) => {
    process.env.TZ = zone;
    expect(calendarDayIn(new Date('2026-06-30T14:59:59Z'), 'Asia/Tokyo')).toBe('2026-06-30');
    expect(calendarDayIn(new Date('2026-06-30T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-07-01');
    expect(calendarDayIn(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-31');
    expect(calendarDayIn(new Date('2026-01-01T03:00:00Z'), 'UTC')).toBe('2026-01-01');
  });

  it('zero-pads month and day', () => {
    expect(calendarDayIn(new Date('2026-02-03T00:00:00Z'), 'UTC')).toBe('2026-02-03');
  });
});

describe('dateFromCalendar and calendarFromDate', () => {
  it('stores a calendar day as 00:00Z and reads it back', () => {
    const date = dateFromCalendar('2026-09-30');
    expect(date.toISOString()).toBe('2026-09-30T00:00:00.000Z');
    expect(calendarFromDate(date)).toBe('2026-09-30');
    expect(dateFromCalendar('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '20260101',
    '2025-02-29',
    '2026-00-10',
    '2026-04-31',
    '2026-4-1',
    '',
    'x',
    ' 2026-04-01',
  ])('rejects %j', (day) => {
    expect(() => dateFromCalendar(day)).toThrow(RangeError);
  });

  it.each(HOST_ZONES)('does not depend on the host TZ (%s)', (zone) => {
    process.env.TZ = zone;
    expect(dateFromCalendar('2027-03-31').getTime()).toBe(Date.UTC(2027, 2, 31));
    expect(calendarFromDate(new Date(Date.UTC(2027, 2, 31)))).toBe('2027-03-31');
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
});
