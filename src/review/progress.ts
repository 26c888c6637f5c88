// The review's progress as digests show it (built by services/review/summarize-review-progress).

import type { ReviewPeriod } from './period.js';

/** Who holds the next step of the targets waiting on them. */
export type ReviewHolder = 'owners' | 'managers' | 'hq';

export const REVIEW_HOLDERS: readonly ReviewHolder[] = ['owners', 'managers', 'hq'];

/** Targets that have reached each step of the review (a returned target counts as not self-assessed). */
export interface ReviewStepCounts {
  targetCount: number;
  selfAssessed: number;
  approved: number;
  checked: number;
  confirmed: number;
}

export interface ReviewWaiting {
  holder: ReviewHolder;
  count: number;
  /** Whole days the longest-waiting of them has waited: since its last step, or since the review opened. */
  longestDays: number;
}

export interface ReviewProgressDepartment extends ReviewStepCounts {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  waiting: ReviewWaiting[];
}

/** A fiscal year's review as it stands: per department how far its targets are and who holds them. */
export interface ReviewProgress {
  fiscalYear: number;
  period: ReviewPeriod;
  totals: ReviewStepCounts;
  waiting: ReviewWaiting[];
  departments: ReviewProgressDepartment[];
}
