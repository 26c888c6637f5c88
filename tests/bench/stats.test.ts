import { describe, expect, it } from 'vitest';
import { middle } from '../../bench/stats.js';

describe('middle', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(middle([1.31, 0.93, 1.21, 1.06, 1.25])).toBe(1.21);
  });

  it('is the mean of the two middle values of an even count, unrounded', () => {
    expect(middle([1.2, 1.1, 1.4, 1.13])).toBeCloseTo(1.165, 10);
  });

  it('is NaN for no values', () => {
    expect(middle([])).toBeNaN();
  });
});
