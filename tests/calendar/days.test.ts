import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysBetween, firstOfPreviousMonth, instantAt } from '../../src/calendar/days.js';

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2027-03-31', 1)).toBe('2027-04-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2027-05-25', '2027-06-01')).toBe(7);
    expect(dayOfWeek('2027-05-25')).toBe(2);
    expect(firstOfPreviousMonth('2027-01-04')).toBe('2026-12-01');
  });

  it('places a wall-clock time in the organisation zone, whatever the host TZ', () => {
    expect(instantAt('2027-05-25', '09:30', 'Asia/Tokyo').toISOString()).toBe('2027-05-25T00:30:00.000Z');
    expect(instantAt('2027-05-25', '09:30', 'Europe/London').toISOString()).toBe('2027-05-25T08:30:00.000Z');
  });

  it('rejects malformed input', () => {
    expect(() => addDays('2027-5-1', 1)).toThrow(RangeError);
    expect(() => instantAt('2027-05-25', '9:30', 'Asia/Tokyo')).toThrow(RangeError);
  });
});
