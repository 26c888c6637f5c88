import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarDayIn, instantAt } from '../../src/calendar/time-zone.js';
import { anyDay, DAY_MS, dayNumber, dayOfNumber, HOST_ZONES, underHostZone } from './utc-oracle.js';

const originalTz = process.env.TZ;
/** Japan Standard Time: UTC+9 all year (no daylight saving since 1951). */
const JST_MS = 9 * 60 * 60 * 1000;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('instantAt', () => {
  it('places a wall-clock time in the organisation zone, whatever the host TZ', () => {
    expect(instantAt('2027-05-25', '09:30', 'Asia/Tokyo').toISOString()).toBe('2027-05-25T00:30:00.000Z');
    expect(instantAt('2027-05-25', '09:30', 'Europe/London').toISOString()).toBe('2027-05-25T08:30:00.000Z');
  });

  it('rejects malformed input', () => {
    expect(() => instantAt('2027-05-25', '9:30', 'Asia/Tokyo')).toThrow(RangeError);
    expect(() => instantAt('2027-02-30', '09:30', 'Asia/Tokyo')).toThrow(RangeError);
  });

  it('agrees with a fixed UTC+9 offset for Asia/Tokyo on any day 2000–2100 (any host TZ)', () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...HOST_ZONES),
        (day, h, m, zone) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const expected = dayNumber(day) * DAY_MS + (h * 60 + m) * 60_000 - JST_MS;
          expect(underHostZone(zone, () => instantAt(day, time, 'Asia/Tokyo').getTime())).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
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

  it('agrees with UTC+9 and UTC day numbers for any instant 2000–2100 (any host TZ)', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 31, 23, 59, 59) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...HOST_ZONES), (ms, zone) => {
        underHostZone(zone, () => {
          expect(calendarDayIn(new Date(ms), 'Asia/Tokyo')).toBe(dayOfNumber(Math.floor((ms + JST_MS) / DAY_MS)));
          expect(calendarDayIn(new Date(ms), 'UTC')).toBe(dayOfNumber(Math.floor(ms / DAY_MS)));
        });
      }),
      { numRuns: 1000 },
    );
  });
});
