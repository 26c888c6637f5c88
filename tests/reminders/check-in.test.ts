import { describe, expect, it } from 'vitest';
import { isBusinessDay } from '../../src/calendar/business-days.js';
import { addDays } from '../../src/calendar/days.js';
import { checkInOn, fiscalYearFirstMonday, isNominalCheckIn } from '../../src/reminders/check-in.js';

function heldDays(from: string, to: string, cadence: Parameters<typeof checkInOn>[1]): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (checkInOn(d, cadence)) days.push(d);
  return days;
}

describe('biweekly check-ins', () => {
  it('are anchored to the fiscal year first Monday', () => {
    expect(fiscalYearFirstMonday(2026)).toBe('2026-04-06');
    expect(fiscalYearFirstMonday(2027)).toBe('2027-04-05');
    expect(isNominalCheckIn('2026-04-06', 'biweekly')).toBe(true);
    expect(isNominalCheckIn('2026-04-13', 'biweekly')).toBe(false);
    expect(isNominalCheckIn('2026-04-20', 'biweekly')).toBe(true);
  });

  it('move a holiday Monday to the next business day (Golden Week 2026)', () => {
    // 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日: the check-in is held on Thursday 5/7.
    expect(heldDays('2026-04-01', '2026-05-31', 'biweekly')).toEqual([
      '2026-04-06',
      '2026-04-20',
      '2026-05-07',
      '2026-05-18',
    ]);
    expect(checkInOn('2026-05-07', 'biweekly')).toEqual({
      day: '2026-05-07',
      nominalDays: ['2026-05-04'],
      periodStart: '2026-04-20',
    });
  });

  it('restart each April and look back across the fiscal-year boundary', () => {
    // FY2026's last biweekly Monday is 2027-03-22 (振替休日) → held 3/23; FY2027 starts on 4/5.
    expect(heldDays('2027-03-15', '2027-04-30', 'biweekly')).toEqual(['2027-03-23', '2027-04-05', '2027-04-19']);
    expect(checkInOn('2027-04-05', 'biweekly')?.periodStart).toBe('2027-03-23');
  });

  it('are only ever held on business days', () => {
    for (const day of heldDays('2026-04-01', '2028-03-31', 'biweekly')) expect(isBusinessDay(day), day).toBe(true);
  });
});

describe('weekly check-ins', () => {
  it('collapse Mondays inside 年末年始 onto the first business day, counting from the last one held', () => {
    // 2025-12-29 is a Monday in the closure: it is held on Monday 2026-01-05 with that week's own.
    expect(checkInOn('2026-01-05', 'weekly')).toEqual({
      day: '2026-01-05',
      nominalDays: ['2025-12-29', '2026-01-05'],
      periodStart: '2025-12-22',
    });
    expect(checkInOn('2025-12-30', 'weekly')).toBeNull();
  });
});

describe('monthly check-ins', () => {
  it('fall on the first business day of the month', () => {
    expect(checkInOn('2026-05-01', 'monthly')?.periodStart).toBe('2026-04-01');
    expect(checkInOn('2026-08-03', 'monthly')).toMatchObject({
      nominalDays: ['2026-08-01'],
      periodStart: '2026-07-01',
    });
    expect(checkInOn('2027-01-04', 'monthly')?.periodStart).toBe('2026-12-01');
    expect(checkInOn('2026-08-01', 'monthly')).toBeNull();
  });
});

describe('off', () => {
  it('never checks in', () => {
    expect(heldDays('2026-04-01', '2026-06-30', 'off')).toEqual([]);
  });
});
