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
 * The digest's indicator figure for a department or the organisation: the mean achievement of its
 * targets, each held within 0–100 % first, so that one target far beyond its goal cannot hide
 * another's shortfall. Each target's own figure is the achievement rule's, unclamped
 * (src/domain/achievement.ts); null when no target has one.
 */
export function averageAchievement(percents: readonly number[]): number | null {
  if (percents.length === 0) return null;
  return percents.reduce((sum, p) => sum + Math.min(100, Math.max(0, p)), 0) / percents.length;
}

/** How much a department needs leadership's eye: off track weighs most, then at risk, overdue, silent. */
export function attentionScore(d: Pick<DigestDepartment, 'counts' | 'overdueMilestones' | 'silentTargets'>): number {
  return d.counts.off_track * 3 + d.counts.at_risk * 2 + d.overdueMilestones + d.silentTargets;
}
