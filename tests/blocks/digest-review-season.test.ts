import { describe, expect, it } from 'vitest';
import {
  reviewSeasonDepartmentLines,
  reviewSeasonSummary,
  waitingText,
} from '../../src/blocks/digest-review-season.js';
import { SLACK_LIMITS } from '../../src/blocks/limits.js';
import type { ReviewProgress, ReviewProgressDepartment } from '../../src/review/progress.js';

function department(i: number, overrides: Partial<ReviewProgressDepartment> = {}): ReviewProgressDepartment {
  return {
    id: i,
    code: `d${i}`,
    name: `部${i} <!channel>`,
    nameEn: `Department ${i}`,
    targetCount: 10,
    selfAssessed: 6,
    approved: 4,
    checked: 2,
    confirmed: 1,
    waiting: [
      { holder: 'owners', count: 4, longestDays: 12 },
      { holder: 'hq', count: 2, longestDays: 3 },
    ],
    ...overrides,
  };
}

function progress(departments: ReviewProgressDepartment[]): ReviewProgress {
  return {
    fiscalYear: 2026,
    period: { phase: 'open', opensOn: '2027-06-01', closesOn: '2027-07-10', currentWindow: '自己評価' },
    totals: { targetCount: 10, selfAssessed: 6, approved: 4, checked: 2, confirmed: 1 },
    waiting: [{ holder: 'managers', count: 2, longestDays: 5 }],
    departments,
  };
}

describe('review season blocks', () => {
  it('names who holds the next step, how many and the longest wait, in each language', () => {
    const waiting = department(1).waiting;
    expect(waitingText('ja', waiting)).toBe('次の手番: 担当者 4件（最長 12日）・本部 2件（最長 3日）');
    expect(waitingText('en', waiting)).toBe(
      'Next step with: owners 4 (longest 12 days), headquarters 2 (longest 3 days)',
    );
    expect(waitingText('ja', [])).toBe('次の手番を待つ目標はありません。');
  });

  it('sums the review up with the year it is about', () => {
    const review = progress([department(1)]);
    const text = JSON.stringify(reviewSeasonSummary('ja', review, review.totals, review.waiting));
    expect(text).toContain('*令和8年度の行政評価*（重点目標 10件）: 自己評価 *6* · 承認 *4* · 確認 *2* · 確定 *1*');
    expect(text).toContain('管理職 2件（最長 5日）');
  });

  it('lists every department, escaped, in sections within Slack’s text limit', () => {
    const blocks = reviewSeasonDepartmentLines(
      'ja',
      progress(Array.from({ length: 300 }, (_, i) => department(i + 1))),
    );
    const text = JSON.stringify(blocks);
    expect(text).toContain('*令和8年度の行政評価（部別）*');
    expect(text).toContain('*部300 &lt;!channel&gt;*　自己評価 6/10 · 承認 4 · 確認 2 · 確定 1');
    expect(text).not.toContain('<!channel>');
    for (const b of blocks) {
      expect(b.type).toBe('section');
      if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    const en = JSON.stringify(reviewSeasonDepartmentLines('en', progress([department(1)])));
    expect(en).toContain('*Department 1*  self-assessed 6/10');
  });
});
