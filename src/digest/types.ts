import type { Status } from '../domain/status.js';
import type { ReviewProgress } from '../review/progress.js';

/** A target's state for the digest: a status, or no report yet. */
export type DigestStatus = Status | 'not_reported';

export const DIGEST_STATUSES = [
  'on_track',
  'at_risk',
  'off_track',
  'done',
  'not_reported',
] as const satisfies readonly DigestStatus[];

export type StatusCounts = Record<DigestStatus, number>;

export interface DigestTarget {
  id: number;
  code: string;
  title: string;
  departmentId: number;
  /** Status as of the digest instant. */
  status: DigestStatus;
  /** Status as of the previous digest (7 days earlier). */
  previousStatus: DigestStatus;
  lastReportedAt: Date | null;
  /** Whole days since the last report (or since the fiscal year began when never reported). */
  silentDays: number;
  /** Silent for longer than the department's cadence, and not done. */
  silent: boolean;
  /**
   * Achievement % by the one rule (src/domain/achievement.ts) from the latest reported value, as the
   * evaluation sheet gives it; null when the rule gives none.
   */
  achievement: number | null;
  /** Baseline and target are set: the achievement rule applies. */
  hasIndicator: boolean;
  overdueMilestones: { title: string; dueOn: string }[];
}

export interface DigestDepartment {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  channelId: string | null;
  /** Days of silence allowed by the department's cadence; null when its check-ins are off. */
  cadenceDays: number | null;
  targetCount: number;
  counts: StatusCounts;
  /** Average achievement (%) over targets with a figure, each held within 0–100 % (averageAchievement). */
  averageAchievement: number | null;
  indicatorTargets: number;
  indicatorsReported: number;
  overdueMilestones: number;
  silentTargets: number;
}

export type ChangeKind = 'off_track' | 'at_risk' | 'done' | 'recovered';

export interface DigestChange {
  kind: ChangeKind;
  targetId: number;
  code: string;
  title: string;
  departmentId: number;
  from: DigestStatus;
  to: DigestStatus;
}

export interface TrendPoint {
  /** Calendar day of the point in the organisation's time zone. */
  day: string;
  counts: StatusCounts;
}

export interface NextReview {
  name: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  /** Days from today until it opens; 0 or negative while it is open. */
  daysUntil: number;
  open: boolean;
}

/** Everything a digest shows, assembled once and rendered for leadership and each department. */
export interface DigestData {
  fiscalYear: number;
  leadershipChannel: string | null;
  asOf: Date;
  previousAt: Date;
  today: string;
  previousDay: string;
  timeZone: string;
  totals: StatusCounts;
  previousTotals: StatusCounts;
  targetCount: number;
  /** Average achievement (%) over all targets with a figure, as for a department. */
  averageAchievement: number | null;
  overdueMilestones: number;
  silentTargets: number;
  defaultCadenceDays: number | null;
  departments: DigestDepartment[];
  targets: DigestTarget[];
  changes: DigestChange[];
  trend: TrendPoint[];
  nextReview: NextReview | null;
  /**
   * The review of the year in its review season (its fiscal year has ended, its last review window
   * has not closed), shown beside this year's progress; null outside the season.
   */
  reviewSeason: ReviewProgress | null;
}

export function emptyCounts(): StatusCounts {
  return { on_track: 0, at_risk: 0, off_track: 0, done: 0, not_reported: 0 };
}
