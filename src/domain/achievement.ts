import { isWithinBound } from './parse-number.js';

/**
 * The achievement rule (達成率): the one figure the digest, the suggested grade of the yearly
 * review and the evaluation sheet (評価シート) give for an indicator target.
 *
 *   achievement % = (actual − baseline) / (target − baseline) × 100
 *
 * - Targets that go down ("wait 45 minutes instead of 60") need nothing special: numerator and
 *   denominator are both negative while the value moves the right way.
 * - Not capped: beyond the target it exceeds 100 % (the grade ladders' top bands start at 110 %),
 *   moving away from the target gives a negative figure.
 * - Both baseline and target are needed. Without a baseline the direction is unknown, and a
 *   baseline of 0 would read "bring the wait down to 45" as "raise it to 45".
 * - No reported value, or a target equal to its baseline ("keep it at 0 accidents": no range),
 *   gives no figure; grading treats a value that reaches such a target as 100 % (suggestGrade).
 * - Floating-point noise is removed (0.7 → 70 %, not 70.00000000000001) so that a band edge is
 *   not missed.
 * - Numbers beyond NUMBER_BOUND (src/domain/parse-number.ts) are not accepted at entry; one found
 *   anyway counts as missing, so every figure is finite.
 */

export interface IndicatorFacts {
  baseline: number | null;
  target: number | null;
  /** Latest reported value. */
  actual: number | null;
}

/** What the rule says about one target. */
export type Achievement =
  /** Baseline or target missing: not an indicator target. */
  | { kind: 'no_indicator' }
  /** Nothing reported for the indicator yet. */
  | { kind: 'no_value' }
  /** Target equals baseline; reached when the value is exactly the target. */
  | { kind: 'zero_range'; reached: boolean }
  | { kind: 'percent'; percent: number };

const known = (n: number | null): n is number => n !== null && isWithinBound(n);

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Floating-point results such as 69.99999999999999 become 70; large results need no rounding. */
function clean(value: number): number {
  if (Math.abs(value) >= 1e9) return value;
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}

/** True when the target has both a baseline and a target value: the rule applies to it. */
export function hasIndicator(facts: Pick<IndicatorFacts, 'baseline' | 'target'>): boolean {
  return known(facts.baseline) && known(facts.target);
}

/** The rule applied to one target. */
export function measureAchievement(facts: IndicatorFacts): Achievement {
  const { baseline, target, actual } = facts;
  if (!known(baseline) || !known(target)) return { kind: 'no_indicator' };
  if (!known(actual)) return { kind: 'no_value' };
  if (sameNumber(target, baseline)) return { kind: 'zero_range', reached: sameNumber(actual, target) };
  return { kind: 'percent', percent: clean(((actual - baseline) / (target - baseline)) * 100) };
}

/** Achievement % of a target, unrounded but free of float noise; null when the rule gives none. */
export function achievementPercent(facts: IndicatorFacts): number | null {
  const achievement = measureAchievement(facts);
  return achievement.kind === 'percent' ? achievement.percent : null;
}

/** Achievement % as shown and exported: one decimal. */
export function roundPercent(percent: number): number {
  const rounded = Math.round(percent * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}
