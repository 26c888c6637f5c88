import { describe, expect, it } from 'vitest';
import {
  type DigestSchedule,
  dueDigest,
  formatDigestSchedule,
  parseDigestSchedule,
} from '../../src/digest/schedule.js';

const TZ = 'Asia/Tokyo';
const MONDAY_0900: DigestSchedule = { weekday: 1, time: '09:00' };
const jst = (local: string) => new Date(`${local}+09:00`);

describe('parseDigestSchedule', () => {
  it('reads a weekday and a time, or off', () => {
    expect(parseDigestSchedule('mon 09:00')).toEqual({ weekday: 1, time: '09:00' });
    expect(parseDigestSchedule(' FRI  17:30 ')).toEqual({ weekday: 5, time: '17:30' });
    expect(parseDigestSchedule('off')).toBeNull();
    expect(formatDigestSchedule({ weekday: 3, time: '08:15' })).toBe('wed 08:15');
  });

  it('rejects anything else', () => {
    expect(() => parseDigestSchedule('monday 9am')).toThrow(RangeError);
    expect(() => parseDigestSchedule('mon 24:00')).toThrow(RangeError);
  });
});

describe('dueDigest (Monday 09:00 in Tokyo)', () => {
  const due = (local: string) => dueDigest(jst(local), TZ, MONDAY_0900);

  it('is due from 09:00 on Monday for 24 hours', () => {
    expect(dueDigest(new Date('2026-11-30T00:00:00Z'), TZ, MONDAY_0900)).toEqual({
      day: '2026-11-30',
      dueAt: new Date('2026-11-30T00:00:00Z'),
    });
    expect(due('2026-11-30T08:59:59')).toBeNull();
    expect(due('2026-12-01T08:59:00')?.day).toBe('2026-11-30');
    expect(due('2026-12-01T09:00:00')).toBeNull();
    expect(due('2026-12-03T09:00:00')).toBeNull();
  });

  it('moves a holiday Monday to the next business day (敬老の日, 国民の休日 and 秋分の日 in 2026)', () => {
    // 2026-09-21 (Mon) 敬老の日, 09-22 (Tue) 国民の休日, 09-23 (Wed) 秋分の日: the digest is on Thursday.
    expect(due('2026-09-21T09:00:00')).toBeNull();
    expect(due('2026-09-22T09:00:00')).toBeNull();
    expect(due('2026-09-24T08:59:00')).toBeNull();
    expect(due('2026-09-24T09:00:00')).toEqual({ day: '2026-09-24', dueAt: jst('2026-09-24T09:00:00') });
  });

  it('moves 成人の日 (2027-01-11) to Tuesday', () => {
    expect(due('2027-01-11T10:00:00')).toBeNull();
    expect(due('2027-01-12T09:30:00')?.day).toBe('2027-01-12');
  });

  it('moves past 年末年始 and never sends two digests for one day', () => {
    // Saturday schedule: 2025-12-27's next business day is 2026-01-05, in the following week, so that
    // week has none; 2026-01-03's own digest is held on 2026-01-05.
    const saturday = { weekday: 6, time: '09:00' };
    expect(dueDigest(jst('2025-12-27T09:00:00'), TZ, saturday)).toBeNull();
    expect(dueDigest(jst('2026-01-05T09:00:00'), TZ, saturday)).toEqual({
      day: '2026-01-05',
      dueAt: jst('2026-01-05T09:00:00'),
    });
    // The ordinary Monday after 年末年始 is a business day.
    expect(due('2027-01-04T09:00:00')?.day).toBe('2027-01-04');
  });

  it('takes the business-day rule as a parameter', () => {
    const closedAllWeek = (day: string) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(dueDigest(jst('2026-11-30T09:00:00'), TZ, MONDAY_0900, closedAllWeek)).toBeNull();
  });

  it('keeps the day in the organisation time zone whatever the instant in UTC', () => {
    // Sunday 2026-11-29 15:00 UTC is Monday 00:00 in Tokyo: not yet 09:00.
    expect(dueDigest(new Date('2026-11-29T15:00:00Z'), TZ, MONDAY_0900)).toBeNull();
    expect(dueDigest(new Date('2026-11-30T09:00:00Z'), 'Europe/London', MONDAY_0900)?.day).toBe('2026-11-30');
  });
});
