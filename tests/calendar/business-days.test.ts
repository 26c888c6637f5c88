import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDayOnOrAfter,
  businessDayOnOrBefore,
  holidayName,
  isBusinessDay,
  isNationalHoliday,
  isYearEndClosure,
  nextBusinessDay,
  previousBusinessDay,
} from '../../src/calendar/business-days.js';
import { addDays, dayOfWeek } from '../../src/calendar/days.js';

describe('isBusinessDay', () => {
  it('closes weekends and opens ordinary weekdays', () => {
    expect(isBusinessDay('2026-11-21')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-22')).toBe(false); // Sunday
    expect(isBusinessDay('2026-11-20')).toBe(true); // Friday
    expect(isBusinessDay('2026-11-24')).toBe(true); // Tuesday after 勤労感謝の日
  });

  it('closes Golden Week 2027: 昭和の日 and 5/3–5/5, but not the weekdays between', () => {
    expect(holidayName('2027-04-29')).toBe('昭和の日');
    expect(isBusinessDay('2027-04-29')).toBe(false);
    expect(isBusinessDay('2027-04-30')).toBe(true);
    for (const day of ['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05']) {
      expect(isBusinessDay(day), day).toBe(false);
    }
    expect(isBusinessDay('2027-05-06')).toBe(true);
  });

  it('closes substitute holidays (振替休日) from the package data', () => {
    // 2026-05-03 (憲法記念日) is a Sunday, so 5/6 is 振替休日.
    expect(dayOfWeek('2026-05-03')).toBe(0);
    expect(holidayName('2026-05-06')).toContain('振替休日');
    expect(isBusinessDay('2026-05-06')).toBe(false);
    // 2027-03-21 (春分の日) is a Sunday, so 3/22 is 振替休日.
    expect(holidayName('2027-03-22')).toContain('振替休日');
    expect(isBusinessDay('2027-03-22')).toBe(false);
  });

  it('closes 国民の休日 sandwiched between holidays (2026-09-22)', () => {
    expect(isNationalHoliday('2026-09-22')).toBe(true);
    expect(isBusinessDay('2026-09-22')).toBe(false);
  });

  it('closes 年末年始 12/29–1/3 even on weekdays', () => {
    expect(isYearEndClosure('2026-12-28')).toBe(false);
    expect(isBusinessDay('2026-12-28')).toBe(true); // Monday, 仕事納め
    for (const day of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) {
      expect(isYearEndClosure(day), day).toBe(true);
      expect(isBusinessDay(day), day).toBe(false);
    }
    expect(isBusinessDay('2027-01-04')).toBe(true); // Monday, 仕事始め
  });
});

describe('moving between business days', () => {
  it('steps over 年末年始', () => {
    expect(nextBusinessDay('2026-12-28')).toBe('2027-01-04');
    expect(previousBusinessDay('2027-01-04')).toBe('2026-12-28');
    expect(addBusinessDays('2026-12-25', 2)).toBe('2027-01-04');
  });

  it('steps over Golden Week', () => {
    expect(nextBusinessDay('2027-04-30')).toBe('2027-05-06');
    expect(previousBusinessDay('2027-05-06')).toBe('2027-04-30');
    expect(addBusinessDays('2027-04-28', 2)).toBe('2027-05-06');
    expect(businessDayOnOrBefore('2027-05-03')).toBe('2027-04-30');
    expect(businessDayOnOrAfter('2027-05-03')).toBe('2027-05-06');
  });

  it('crosses the fiscal-year boundary (March 31 → April 1)', () => {
    // 2027-03-31 is a Wednesday, 2027-04-01 a Thursday: both open, consecutive.
    expect(isBusinessDay('2027-03-31')).toBe(true);
    expect(isBusinessDay('2027-04-01')).toBe(true);
    expect(nextBusinessDay('2027-03-31')).toBe('2027-04-01');
    expect(previousBusinessDay('2027-04-01')).toBe('2027-03-31');
    // 2028-04-01 is a Saturday: the next business day after FY2027's last day is Monday 4/3.
    expect(nextBusinessDay('2028-03-31')).toBe('2028-04-03');
  });

  it('keeps business days where they are and counts zero as no move', () => {
    expect(businessDayOnOrBefore('2026-11-20')).toBe('2026-11-20');
    expect(businessDayOnOrAfter('2026-11-20')).toBe('2026-11-20');
    expect(addBusinessDays('2026-11-21', 0)).toBe('2026-11-21');
    expect(addBusinessDays('2026-11-20', -1)).toBe('2026-11-19');
  });

  it('never lands on a closed day and is reversible (property)', () => {
    const day = fc.integer({ min: 0, max: 365 * 20 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (d, n) => {
        const forward = addBusinessDays(d, n);
        expect(isBusinessDay(forward)).toBe(true);
        expect(forward > d).toBe(true);
        if (isBusinessDay(d)) expect(addBusinessDays(forward, -n)).toBe(d);
      }),
    );
  });
});
