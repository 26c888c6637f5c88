import type { Cadence } from '../config.js';
import type { DigestDepartment } from './types.js';

/** Days of silence a cadence allows before a target counts as silent; null when check-ins are off. */
export function cadenceDays(cadence: Cadence): number | null {
  switch (cadence) {
    case 'weekly':
      return 7;
    case 'biweekly':
      return 14;
    case 'monthly':
      return 31;
    case 'off':
      return null;
  }
}

/**
 * How far an indicator has come from its baseline towards its target, 0–100 %. Works for targets
 * that go down (waiting lists) as well as up. Capped at 100 so one over-achiever cannot hide
 * another's shortfall in a department average.
 */
export function achievementPercent(
  value: number | null,
  baseline: number | null,
  target: number | null,
): number | null {
  if (value === null || target === null || !Number.isFinite(value) || !Number.isFinite(target)) return null;
  const base = baseline ?? 0;
  const span = target - base;
  if (span === 0) return null;
  const percent = ((value - base) / span) * 100;
  return Math.min(100, Math.max(0, percent));
}

/** Mean of the numbers, or null for none. */
export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** How much a department needs leadership's eye: off track weighs most, then at risk, overdue, silent. */
export function attentionScore(d: Pick<DigestDepartment, 'counts' | 'overdueMilestones' | 'silentTargets'>): number {
  return d.counts.off_track * 3 + d.counts.at_risk * 2 + d.overdueMilestones + d.silentTargets;
}
