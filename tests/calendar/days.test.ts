import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  calendarFromDate,
  dateFromCalendar,
  dayOfWeek,
  daysBetween,
  firstOfPreviousMonth,
  isCalendarDay,
} from '../../src/calendar/days.js';
import { anyDay, DAY_MS, dayNumber, HOST_ZONES, oracle, underHostZone } from './utc-oracle.js';

const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2027-03-31', 1)).toBe('2027-04-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2027-05-25', '2027-06-01')).toBe(7);
    expect(dayOfWeek('2027-05-25')).toBe(2);
    expect(firstOfPreviousMonth('2027-01-04')).toBe('2026-12-01');
  });

  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-11-30', '2027-06-01')).toBe(183);
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1);
  });

  it('rejects malformed input', () => {
    expect(() => addDays('2027-5-1', 1)).toThrow(RangeError);
    expect(() => dayOfWeek('2027-02-30')).toThrow(RangeError);
    expect(() => daysBetween('2027-01-01', 'x')).toThrow(RangeError);
  });
});

describe('calendar days agree with UTC day-number arithmetic (2000–2100, any host TZ)', () => {
  const hostZone = fc.constantFrom(...HOST_ZONES);

  it('addDays', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -800, max: 800 }), hostZone, (day, n, zone) => {
        expect(underHostZone(zone, () => addDays(day, n))).toBe(oracle.addDays(day, n));
      }),
      { numRuns: 1000 },
    );
  });

  it('dayOfWeek', () => {
    fc.assert(
      fc.property(anyDay, hostZone, (day, zone) => {
        expect(underHostZone(zone, () => dayOfWeek(day))).toBe(oracle.dayOfWeek(day));
      }),
      { numRuns: 1000 },
    );
  });

  it('daysBetween', () => {
    fc.assert(
      fc.property(anyDay, anyDay, hostZone, (a, b, zone) => {
        expect(underHostZone(zone, () => daysBetween(a, b))).toBe(oracle.daysBetween(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('firstOfPreviousMonth', () => {
    fc.assert(
      fc.property(anyDay, hostZone, (day, zone) => {
        expect(underHostZone(zone, () => firstOfPreviousMonth(day))).toBe(oracle.firstOfPreviousMonth(day));
      }),
      { numRuns: 1000 },
    );
  });

  it('dateFromCalendar and calendarFromDate', () => {
    fc.assert(
      fc.property(anyDay, hostZone, (day, zone) => {
        underHostZone(zone, () => {
          expect(dateFromCalendar(day).getTime()).toBe(dayNumber(day) * DAY_MS);
          expect(calendarFromDate(new Date(dayNumber(day) * DAY_MS))).toBe(day);
          expect(isCalendarDay(day)).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('dateFromCalendar and calendarFromDate', () => {
  it('stores a calendar day as 00:00Z and reads it back', () => {
    const date = dateFromCalendar('2026-09-30');
    expect(date.toISOString()).toBe('2026-09-30T00:00:00.000Z');
    expect(calendarFromDate(date)).toBe('2026-09-30');
    expect(dateFromCalendar('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('returns a plain Date, as the database clients expect', () => {
    expect(Object.getPrototypeOf(dateFromCalendar('2026-09-30'))).toBe(Date.prototype);
  });

  it('reads the UTC day of any stored instant', () => {
    expect(calendarFromDate(new Date('2026-09-30T23:59:59.999Z'))).toBe('2026-09-30');
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
    expect(isCalendarDay(day)).toBe(false);
  });

  it.each(HOST_ZONES)('does not depend on the host TZ (%s)', (zone) => {
    process.env.TZ = zone;
    expect(dateFromCalendar('2027-03-31').getTime()).toBe(Date.UTC(2027, 2, 31));
    expect(calendarFromDate(new Date(Date.UTC(2027, 2, 31)))).toBe('2027-03-31');
  });
});
