import { describe, expect, it } from 'vitest';
import { averageAchievement, cadenceDays } from '../../src/digest/metrics.js';

describe('cadenceDays', () => {
  it('maps cadences to days of allowed silence', () => {
    expect(cadenceDays('weekly')).toBe(7);
    expect(cadenceDays('biweekly')).toBe(14);
    expect(cadenceDays('monthly')).toBe(31);
    expect(cadenceDays('off')).toBeNull();
  });
});

describe('averageAchievement', () => {
  it('averages or gives null', () => {
    expect(averageAchievement([])).toBeNull();
    expect(averageAchievement([10, 20])).toBe(15);
  });

  it('holds each figure within 0–100 % so that one over-achiever cannot hide a shortfall', () => {
    expect(averageAchievement([300, 20])).toBe(60);
    expect(averageAchievement([-40, 80])).toBe(40);
    expect(averageAchievement([100, 100])).toBe(100);
  });
});
