import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../src/blocks/limits.js';
import {
  buildReviewLauncherMessage,
  buildReviewListModal,
  parseReviewListMetadata,
  REVIEW_LIST_PAGE_SIZE,
  type ReviewListInput,
} from '../../src/blocks/review-list.js';
import { GRADE_LADDERS } from '../../src/review/grades.js';
import type { ReviewListItem } from '../../src/services/review/list-review-items.js';

let nextId = 1;
function item(over: Partial<ReviewListItem> = {}): ReviewListItem {
  const id = nextId++;
  return {
    id,
    code: `SK-${id}`,
    title: `目標 ${id}`,
    category: '施策',
    department: { id: 1, name: '政策経営部', nameEn: 'Policy' },
    indicatorBaseline: 0,
    indicatorTarget: 100,
    latestValue: 85,
    state: 'not_started',
    selfGrade: null,
    hqGrade: null,
    available: ['self'],
    yourTurn: true,
    ...over,
  };
}

const open = { phase: 'open' as const, opensOn: '2027-06-01', closesOn: '2027-07-10', currentWindow: '自己評価' };
function input(over: Partial<ReviewListInput> = {}): ReviewListInput {
  return { locale: 'ja', fiscalYear: 2026, period: open, items: [], ladder: GRADE_LADDERS.SABCD, page: 0, ...over };
}
type Accessory = { action_id: string; value: string; text: { text: string }; style?: string };
const accessories = (blocks: AnyBlock[]) =>
  (blocks as { accessory?: Accessory }[]).flatMap((b) => (b.accessory ? [b.accessory] : []));

describe('review list modal', () => {
  it('lists targets with state, grades, suggested grade and the right button', () => {
    const items = [
      item({ state: 'not_started', available: ['self'], yourTurn: true }),
      item({ state: 'self_assessed', selfGrade: 'B', available: ['approve', 'self', 'return'], yourTurn: true }),
      item({ state: 'self_assessed', selfGrade: 'B', available: ['self'], yourTurn: false }),
      item({ state: 'approved', selfGrade: 'A', available: [], yourTurn: false, latestValue: null }),
      item({ state: 'checked', selfGrade: 'A', hqGrade: 'S', available: ['confirm', 'return'], yourTurn: true }),
    ];
    const view = buildReviewListModal(input({ items }), '令和8年度');
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe('review_list');
    expect(Array.from(view.title.text).length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    const buttons = accessories(view.blocks);
    expect(buttons.map((b) => [b.action_id, b.value, b.text.text, b.style])).toEqual([
      ['review_open', String(items[0]?.id), '自己評価する', 'primary'],
      ['review_open', String(items[1]?.id), '承認する', 'primary'],
      ['review_open', String(items[2]?.id), '自己評価を修正', undefined],
      ['review_open', String(items[3]?.id), '詳細', undefined],
      ['review_open', String(items[4]?.id), '確定する', 'primary'],
    ]);
    const all = JSON.stringify(view.blocks);
    expect(all).toContain('評価期間: 6月1日〜7月10日（現在: 自己評価）');
    expect(all).toContain('あなたの対応待ち: *3件*');
    expect(all).toContain('推奨評価: *B*（達成率 85%）');
    expect(all).toContain('推奨評価なし（実績値がまだ報告されていません）');
    expect(all).toContain('自己評価: A ・ 本部評価: S');
    expect(all).toContain('👉 あなたの番 ・ 本部確認済（確定待ち）');
    expect(parseReviewListMetadata(view.private_metadata)).toEqual({ fy: 2026, page: 0 });
  });

  it('pages within 100 blocks and clamps the page', () => {
    const items = Array.from({ length: 279 }, () => item());
    const pages = Math.ceil(279 / REVIEW_LIST_PAGE_SIZE);
    for (let page = 0; page < pages; page++) {
      const view = buildReviewListModal(input({ items, page }), '令和8年度');
      expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.viewBlocks);
    }
    const last = buildReviewListModal(input({ items, page: 999 }), '令和8年度');
    expect(parseReviewListMetadata(last.private_metadata)).toEqual({ fy: 2026, page: pages - 1 });
    const nav = last.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; value: string }[] };
    expect(nav.elements.map((e) => [e.action_id, e.value])).toEqual([['review_page_previous', String(pages - 2)]]);
    expect(accessories(last.blocks)).toHaveLength(279 - (pages - 1) * REVIEW_LIST_PAGE_SIZE);
  });

  it('explains the period before and after, and an empty list', () => {
    const before = buildReviewListModal(
      input({ period: { ...open, phase: 'before', currentWindow: null } }),
      '令和8年度',
    );
    expect(JSON.stringify(before.blocks)).toContain('評価は6月1日から始まります');
    expect(JSON.stringify(before.blocks)).toContain('評価の対象となる重点目標はありません');
    const after = buildReviewListModal(
      input({ locale: 'en', period: { ...open, phase: 'after', currentWindow: null } }),
      'FY2026',
    );
    expect(JSON.stringify(after.blocks)).toContain('The review period ended on Jul 10');
  });

  it('escapes target titles and shows a notice on top', () => {
    const view = buildReviewListModal(
      input({ items: [item({ title: '<!here> & co' })], notice: '✅ SK-1: 自己評価を記録しました。' }),
      '令和8年度',
    );
    const all = JSON.stringify(view.blocks);
    expect(all).toContain('&lt;!here&gt; &amp; co');
    expect(all).toContain('✅ SK-1: 自己評価を記録しました。');
  });

  it('rejects altered metadata', () => {
    expect(parseReviewListMetadata('{"fy":"2026","page":0}')).toBeNull();
    expect(parseReviewListMetadata('{"fy":2026,"page":-1}')).toBeNull();
    expect(parseReviewListMetadata(undefined)).toBeNull();
  });

  it('builds the DM launcher with a button that opens the list', () => {
    const message = buildReviewLauncherMessage({ locale: 'ja', fiscalYearLabel: '令和8年度', yourTurn: 4 });
    expect(message.text).toContain('*4件*');
    expect(accessories(message.blocks)[0]?.action_id).toBe('review_list_open');
  });
});
