import { describe, expect, it } from 'vitest';
import { achievementPercent, average, cadenceDays } from '../../src/digest/metrics.js';

describe('achievementPercent', () => {
  it('measures progress from the baseline to the target', () => {
    expect(achievementPercent(50, 0, 100)).toBe(50);
    expect(achievementPercent(30, 20, 40)).toBe(50);
  });

  it('works for indicators that must go down (e.g. waiting lists)', () => {
    expect(achievementPercent(75, 100, 50)).toBe(50);
  });

  it('caps at 0 and 100', () => {
    expect(achievementPercent(150, 0, 100)).toBe(100);
    expect(achievementPercent(-5, 0, 100)).toBe(0);
  });

  it('is null without a value, a target, or a span', () => {
    expect(achievementPercent(null, 0, 100)).toBeNull();
    expect(achievementPercent(10, 0, null)).toBeNull();
    expect(achievementPercent(10, 100, 100)).toBeNull();
    expect(achievementPercent(Number.NaN, 0, 100)).toBeNull();
  });

  it('treats a missing baseline as zero', () => {
    expect(achievementPercent(25, null, 50)).toBe(50);
  });
});

describe('cadenceDays', () => {
  it('maps cadences to days of allowed silence', () => {
    expect(cadenceDays('weekly')).toBe(7);
    expect(cadenceDays('biweekly')).toBe(14);
    expect(cadenceDays('monthly')).toBe(31);
    expect(cadenceDays('off')).toBeNull();
  });
});

describe('average', () => {
  it('averages or gives null', () => {
    expect(average([])).toBeNull();
    expect(average([10, 20])).toBe(15);
  });
});
