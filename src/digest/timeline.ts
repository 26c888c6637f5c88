import type { Status } from '../domain/status.js';
import { type ChangeKind, type DigestStatus, emptyCounts, type StatusCounts } from './types.js';

/** A status a target took at an instant (only changes are needed: the last one before t is the status at t). */
export interface StatusEvent {
  targetId: number;
  at: Date;
  status: Status;
}

/** Each target's status at an instant, from its events (any order); targets without one are not reported. */
export function statusesAt(events: readonly StatusEvent[], instant: Date): Map<number, DigestStatus> {
  const latest = new Map<number, StatusEvent>();
  const limit = instant.getTime();
  for (const e of events) {
    if (e.at.getTime() > limit) continue;
    const seen = latest.get(e.targetId);
    // Events arrive in history order, so an equal instant means a later correction.
    if (!seen || e.at.getTime() >= seen.at.getTime()) latest.set(e.targetId, e);
  }
  return new Map([...latest].map(([id, e]) => [id, e.status]));
}

/**
 * Status counts of the given targets at each instant (ascending), in one sweep over the events:
 * O(events log events + instants) instead of recomputing every target for every week.
 */
export function countsOverTime(
  targetIds: readonly number[],
  events: readonly StatusEvent[],
  instants: readonly Date[],
): StatusCounts[] {
  const known = new Set(targetIds);
  const ordered = events
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => known.has(e.targetId))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.index - b.index)
    .map(({ e }) => e);
  const current = new Map<number, DigestStatus>();
  const counts = emptyCounts();
  counts.not_reported = known.size;
  const result: StatusCounts[] = [];
  let cursor = 0;
  for (const instant of instants) {
    while (cursor < ordered.length && (ordered[cursor] as StatusEvent).at.getTime() <= instant.getTime()) {
      const e = ordered[cursor] as StatusEvent;
      const before = current.get(e.targetId) ?? 'not_reported';
      counts[before] -= 1;
      counts[e.status] += 1;
      current.set(e.targetId, e.status);
      cursor += 1;
    }
    result.push({ ...counts });
  }
  return result;
}

/** What a move from one status to another means for leadership, or null when it is not news. */
export function classifyChange(from: DigestStatus, to: DigestStatus): ChangeKind | null {
  if (from === to) return null;
  if (to === 'done') return 'done';
  if (to === 'off_track') return 'off_track';
  // Off track → at risk is an improvement, not a new risk.
  if (to === 'at_risk') return from === 'off_track' ? null : 'at_risk';
  if (to === 'on_track' && (from === 'at_risk' || from === 'off_track')) return 'recovered';
  return null;
}
