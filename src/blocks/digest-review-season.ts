import type { KnownBlock } from '@slack/web-api';
import { type Locale, type MessageKey, t } from '../i18n/messages.js';
import type { ReviewHolder, ReviewProgress, ReviewStepCounts, ReviewWaiting } from '../review/progress.js';
import { departmentName, fyText } from './digest-format.js';
import { sectionsFromLines } from './digest-pack.js';

// The review season in digests: the ended fiscal year's review beside the new year's progress.

const HOLDER_KEYS: Record<ReviewHolder, MessageKey> = {
  owners: 'digest.season.holder.owners',
  managers: 'digest.season.holder.managers',
  hq: 'digest.season.holder.hq',
};

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** "担当者 3件（最長 5日）· 管理職 2件（最長 4日）" or the none line. */
export function waitingText(locale: Locale, waiting: readonly ReviewWaiting[]): string {
  if (waiting.length === 0) return t(locale, 'digest.season.waiting_none');
  return t(locale, 'digest.season.waiting', {
    list: waiting
      .map((w) => t(locale, HOLDER_KEYS[w.holder], { count: w.count, days: w.longestDays }))
      .join(locale === 'ja' ? '・' : ', '),
  });
}

function stepParams(counts: ReviewStepCounts): Record<string, number> {
  return {
    total: counts.targetCount,
    self: counts.selfAssessed,
    approved: counts.approved,
    checked: counts.checked,
    confirmed: counts.confirmed,
  };
}

/** The season's summary for the top of a digest: counts by step and who holds the rest. */
export function reviewSeasonSummary(
  locale: Locale,
  review: ReviewProgress,
  counts: ReviewStepCounts,
  waiting: readonly ReviewWaiting[],
): KnownBlock {
  return section(
    `${t(locale, 'digest.season.summary', { fy: fyText(locale, review.fiscalYear), ...stepParams(counts) })}\n${waitingText(locale, waiting)}`,
  );
}

/** One line per department: how far its review is and who holds the next step. */
export function reviewSeasonDepartmentLines(locale: Locale, review: ReviewProgress): KnownBlock[] {
  return sectionsFromLines(
    review.departments.map((d) =>
      t(locale, 'digest.season.department_line', {
        name: departmentName(locale, d),
        ...stepParams(d),
        waiting: waitingText(locale, d.waiting),
      }),
    ),
    t(locale, 'digest.season.departments_title', { fy: fyText(locale, review.fiscalYear) }),
  );
}
