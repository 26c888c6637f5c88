import { afterEach, describe, expect, it } from 'vitest';
import { fiscalYearAt, fiscalYearOfDay, fiscalYearRange } from '../../src/calendar/fiscal-year.js';
import { HOST_ZONES } from './utc-oracle.js';

const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
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
