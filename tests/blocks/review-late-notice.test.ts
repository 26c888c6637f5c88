import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildReviewNotRecordedNotice } from '../../src/blocks/review-late-notice.js';

function sectionTexts(blocks: KnownBlock[]): string[] {
  return blocks.map((b) => {
    if (b.type !== 'section' || !b.text) throw new Error(`unexpected ${b.type} block`);
    return b.text.text;
  });
}

describe('buildReviewNotRecordedNotice', () => {
  it('says in Japanese which step was not recorded and why, then the grade and comment entered', () => {
    const notice = buildReviewNotRecordedNotice({
      locale: 'ja',
      step: 'check',
      reason: 'データベースが使用中でした。',
      grade: 'A',
      comment: '成果を評価\n来年度も継続',
    });
    expect(notice.text).toBe(
      '⚠️ 先ほどの本部確認は記録されませんでした。データベースが使用中でした。 入力内容は下のとおりです。お手数ですが /tracker review からもう一度行ってください。',
    );
    expect(sectionTexts(notice.blocks)).toEqual([notice.text, '評価: A\n>成果を評価\n>来年度も継続']);
  });

  it('works in English and leaves out the details block when nothing was entered', () => {
    const notice = buildReviewNotRecordedNotice({
      locale: 'en',
      step: 'approve',
      reason: 'Busy.',
      grade: null,
      comment: null,
    });
    expect(notice.text).toContain('Your Approval a moment ago was not recorded. Busy.');
    expect(notice.blocks).toHaveLength(1);
  });

  it('escapes mentions and links in the comment and the reason, and keeps each section within Slack’s limit', () => {
    const notice = buildReviewNotRecordedNotice({
      locale: 'ja',
      step: 'self',
      reason: '<!here>',
      grade: 'B',
      comment: `<!channel> <@U123> <https://evil.example|click> ${'長'.repeat(4000)}`,
    });
    const texts = sectionTexts(notice.blocks);
    for (const text of texts) {
      expect(text).not.toMatch(/<[!@#h]/);
      expect(Array.from(text).length).toBeLessThanOrEqual(3000);
    }
    expect(texts[1]).toContain('&lt;!channel&gt;');
  });
});
