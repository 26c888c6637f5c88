import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Achievement,
  achievementPercent,
  hasIndicator,
  type IndicatorFacts,
  measureAchievement,
  roundPercent,
} from '../../src/domain/achievement.js';

describe('the achievement rule', () => {
  const cases: [string, IndicatorFacts, Achievement][] = [
    ['on the way up', { baseline: 0, target: 100, actual: 85 }, { kind: 'percent', percent: 85 }],
    ['from a non-zero baseline', { baseline: 20, target: 40, actual: 30 }, { kind: 'percent', percent: 50 }],
    ['target reached', { baseline: 400, target: 500, actual: 500 }, { kind: 'percent', percent: 100 }],
    ['beyond the target: not capped', { baseline: 400, target: 500, actual: 520 }, { kind: 'percent', percent: 120 }],
    ['far beyond the target', { baseline: 10, target: 20, actual: 40 }, { kind: 'percent', percent: 300 }],
    ['lower is better, on the way', { baseline: 60, target: 45, actual: 48 }, { kind: 'percent', percent: 80 }],
    ['lower is better, beyond', { baseline: 100, target: 50, actual: 40 }, { kind: 'percent', percent: 120 }],
    ['lower is better, wrong way', { baseline: 60, target: 45, actual: 66 }, { kind: 'percent', percent: -40 }],
    ['higher is better, wrong way', { baseline: 10, target: 20, actual: 5 }, { kind: 'percent', percent: -50 }],
    ['still at the baseline', { baseline: 10, target: 20, actual: 10 }, { kind: 'percent', percent: 0 }],
    ['negative numbers', { baseline: -10, target: -4, actual: -7 }, { kind: 'percent', percent: 50 }],
    ['float noise removed', { baseline: 0, target: 1, actual: 0.7 }, { kind: 'percent', percent: 70 }],
    [
      'float noise removed (small range)',
      { baseline: 0.1, target: 0.3, actual: 0.22 },
      { kind: 'percent', percent: 60 },
    ],
    ['missing baseline', { baseline: null, target: 50, actual: 25 }, { kind: 'no_indicator' }],
    ['missing target', { baseline: 0, target: null, actual: 25 }, { kind: 'no_indicator' }],
    ['no indicator at all', { baseline: null, target: null, actual: 3 }, { kind: 'no_indicator' }],
    ['no value reported', { baseline: 0, target: 100, actual: null }, { kind: 'no_value' }],
    ['value not a number', { baseline: 0, target: 100, actual: Number.NaN }, { kind: 'no_value' }],
    ['target = baseline, reached', { baseline: 0, target: 0, actual: 0 }, { kind: 'zero_range', reached: true }],
    ['target = baseline, missed', { baseline: 5, target: 5, actual: 7 }, { kind: 'zero_range', reached: false }],
  ];

  it.each(cases)('%s', (_name, facts, expected) => {
    expect(measureAchievement(facts)).toEqual(expected);
    expect(achievementPercent(facts)).toBe(expected.kind === 'percent' ? expected.percent : null);
    expect(hasIndicator(facts)).toBe(expected.kind !== 'no_indicator');
  });

  it('follows the formula for any finite numbers, to within float noise (property)', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(finite, finite, finite, (baseline, target, actual) => {
        fc.pre(Math.abs(target - baseline) > 1e-3);
        const expected = ((actual - baseline) / (target - baseline)) * 100;
        expect(achievementPercent({ baseline, target, actual })).toBeCloseTo(expected, 4);
      }),
    );
  });

  it('rounds to one decimal for display and export', () => {
    expect(roundPercent(84.96)).toBe(85);
    expect(roundPercent(116.6666)).toBe(116.7);
    expect(roundPercent(-0.01)).toBe(0);
    expect(Object.is(roundPercent(-0.01), 0)).toBe(true);
  });
});
