import { describe, expect, it } from 'vitest';
import { createCronMatcher, minuteOf } from '../../src/scheduler/cron-matcher.js';

describe('createCronMatcher', () => {
  it('reads the expression in its own time zone, not the host one', () => {
    const tokyo = createCronMatcher('30 9 * * 1', 'Asia/Tokyo');
    const london = createCronMatcher('30 9 * * 1', 'Europe/London');
    try {
      // Monday 2027-05-24 09:30 in Tokyo is 00:30Z; in London (BST) 08:30Z.
      expect(tokyo.matches(new Date('2027-05-24T00:30:00Z'))).toBe(true);
      expect(tokyo.matches(new Date('2027-05-24T00:30:42.500Z'))).toBe(true);
      expect(tokyo.matches(new Date('2027-05-24T00:31:00Z'))).toBe(false);
      expect(london.matches(new Date('2027-05-24T00:30:00Z'))).toBe(false);
      expect(london.matches(new Date('2027-05-24T08:30:00Z'))).toBe(true);
    } finally {
      tokyo.dispose();
      london.dispose();
    }
  });

  it('floors instants to their minute', () => {
    expect(minuteOf(new Date('2027-05-24T00:30:59.999Z')).toISOString()).toBe('2027-05-24T00:30:00.000Z');
  });
});
