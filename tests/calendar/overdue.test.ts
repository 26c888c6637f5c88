import { describe, expect, it } from 'vitest';
import { dateFromCalendar } from '../../src/calendar/days.js';
import { isOverdue } from '../../src/calendar/overdue.js';

describe('isOverdue', () => {
  const today = dateFromCalendar('2026-11-20');

  it('is true for a day before today and false for today and later', () => {
    expect(isOverdue(dateFromCalendar('2026-11-19'), today)).toBe(true);
    expect(isOverdue(dateFromCalendar('2025-12-31'), today)).toBe(true);
    expect(isOverdue(dateFromCalendar('2026-11-20'), today)).toBe(false);
    expect(isOverdue(dateFromCalendar('2027-03-01'), today)).toBe(false);
  });
});
