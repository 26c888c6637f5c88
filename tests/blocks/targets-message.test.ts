import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  buildTargetsMessage,
  formatNumber,
  OPEN_PROGRESS_ACTION,
  TARGETS_PAGE_SIZE,
  type TargetsMessageInput,
} from '../../src/blocks/targets-message.js';
import type { Locale } from '../../src/i18n/messages.js';
import type { TargetStatus } from '../../src/services/progress/list-target-statuses.js';

const chars = (text: string) => Array.from(text).length;

function target(i: number, overrides: Partial<TargetStatus> = {}): TargetStatus {
  return {
    id: i + 1,
    code: `SK-${i + 1}`,
    category: '施策',
    title: `目標${i + 1}`,
    ownerId: null,
    indicatorUnit: null,
    indicatorTarget: null,
    latest: null,
    latestValue: null,
    overdueMilestones: [],
    nextMilestone: null,
    ...overrides,
  };
}
const many = (count: number, overrides: Partial<TargetStatus> = {}) =>
  Array.from({ length: count }, (_, i) => target(i, overrides));

function message(overrides: Partial<TargetsMessageInput> = {}) {
  return buildTargetsMessage({
    locale: 'ja',
    department: { id: 3, name: '区政経営部', nameEn: 'Policy Management Department' },
    fiscalYearLabel: '令和8年度',
    targets: [target(0)],
    page: 0,
    timeZone: 'Asia/Tokyo',
    ...overrides,
  });
}

interface Button {
  type: 'button';
  action_id: string;
  value?: string;
  text: { text: string };
}
function sections(blocks: KnownBlock[]) {
  return blocks.flatMap((b) => (b.type === 'section' ? [b] : []));
}
function sectionTexts(blocks: KnownBlock[]): string[] {
  return sections(blocks).map((b) => b.text?.text ?? '');
}
function contextTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => ('text' in e ? e.text : '')) : []));
}
function reportButtons(blocks: KnownBlock[]): Button[] {
  return sections(blocks).flatMap((b) => (b.accessory?.type === 'button' ? [b.accessory as Button] : []));
}
function navButtons(blocks: KnownBlock[]): Button[] {
  return blocks.flatMap((b) => (b.type === 'actions' ? (b.elements as Button[]) : []));
}
function header(blocks: KnownBlock[]): string {
  const first = blocks[0];
  if (first?.type !== 'header') throw new Error('no header');
  return first.text.text;
}

const overdue = (count: number, title: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => ({ title: title(i), dueOn: new Date(Date.UTC(2026, 5, 30)) }));

describe('buildTargetsMessage: pagination', () => {
  const hundred = many(100);

  it('shows the first 15 targets and only a Next button on page 0', () => {
    const { blocks } = message({ targets: hundred, page: 0 });
    expect(reportButtons(blocks).map((b) => b.value)).toEqual(hundred.slice(0, 15).map((t) => String(t.id)));
    const nav = navButtons(blocks);
    expect(nav.map((b) => b.action_id)).toEqual(['targets_page_next']);
    expect(JSON.parse(nav[0]?.value ?? '')).toEqual({ d: 3, p: 1 });
    expect(nav[0]?.text.text).toBe('次へ');
    expect(contextTexts(blocks)).toContain('1〜15件目 / 全100件');
  });

  it('shows Previous and Next on a middle page', () => {
    const { blocks } = message({ targets: hundred, page: 3 });
    expect(reportButtons(blocks).map((b) => b.value)).toEqual(hundred.slice(45, 60).map((t) => String(t.id)));
    const nav = navButtons(blocks);
    expect(nav.map((b) => b.action_id)).toEqual(['targets_page_previous', 'targets_page_next']);
    expect(nav.map((b) => JSON.parse(b.value ?? ''))).toEqual([
      { d: 3, p: 2 },
      { d: 3, p: 4 },
    ]);
    expect(contextTexts(blocks)).toContain('46〜60件目 / 全100件');
  });

  it('shows the remaining targets and only Previous on the last page', () => {
    const { blocks } = message({ targets: hundred, page: 6 });
    expect(reportButtons(blocks)).toHaveLength(100 - 6 * TARGETS_PAGE_SIZE);
    expect(navButtons(blocks).map((b) => b.action_id)).toEqual(['targets_page_previous']);
    expect(JSON.parse(navButtons(blocks)[0]?.value ?? '')).toEqual({ d: 3, p: 5 });
    expect(contextTexts(blocks)).toContain('91〜100件目 / 全100件');
  });

  it('clamps a page beyond the range to the last page', () => {
    for (const page of [7, 50, 10_000]) {
      expect(message({ targets: hundred, page }).blocks).toEqual(message({ targets: hundred, page: 6 }).blocks);
    }
  });

  it('clamps a negative page to the first page', () => {
    expect(message({ targets: hundred, page: -2 }).blocks).toEqual(message({ targets: hundred, page: 0 }).blocks);
  });

  it('has no navigation when everything fits on one page', () => {
    for (const count of [1, 15]) {
      const { blocks } = message({ targets: many(count) });
      expect(navButtons(blocks)).toEqual([]);
      expect(reportButtons(blocks)).toHaveLength(count);
    }
    expect(navButtons(message({ targets: many(16) }).blocks)).toHaveLength(1);
  });

  it('labels the buttons in English for locale en', () => {
    const nav = navButtons(message({ locale: 'en', targets: hundred, page: 2 }).blocks);
    expect(nav.map((b) => b.text.text)).toEqual(['Previous', 'Next']);
  });

  it('stays within 50 blocks on every page with owners and overdue milestones', () => {
    const full = many(100, {
      ownerId: 'U0123ABCD',
      overdueMilestones: overdue(50, (i) => `milestone ${i}`),
      latest: { status: 'at_risk', reportedAt: new Date(), reporterId: 'U0999', percent: 50 },
    });
    for (let page = 0; page < 7; page++) {
      const { blocks } = message({ targets: full, page });
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const b of blocks) if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
    }
  });
});

describe('buildTargetsMessage: Slack text limits', () => {
  const huge = target(0, {
    code: `<&>${'C'.repeat(500)}`,
    title: `<${'題'.repeat(3000)}>`,
    indicatorUnit: '<unit>'.repeat(500),
    indicatorTarget: 1e15,
    latestValue: 123456789.123,
    ownerId: 'U0123ABCD',
    latest: { status: 'off_track', reportedAt: new Date(), reporterId: 'W0123', percent: 99.999 },
    overdueMilestones: overdue(50, (i) => `<&>${i}${'長い期限超過のマイルストーン名'.repeat(20)}`),
  });

  it.each(['ja', 'en'] as Locale[])(
    'keeps section texts within 3000 and context texts within limits (%s)',
    (locale) => {
      const { blocks } = message({ locale, targets: [huge, target(1, { title: '😀'.repeat(3000) })] });
      for (const text of sectionTexts(blocks)) expect(chars(text)).toBeLessThanOrEqual(3000);
      for (const text of contextTexts(blocks)) expect(chars(text)).toBeLessThanOrEqual(3000);
      expect(sectionTexts(blocks)).toHaveLength(2);
    },
  );

  it('cuts a 3000-character title to 150 characters', () => {
    const title = 'あ'.repeat(3000);
    const text = sectionTexts(message({ targets: [target(0, { title })] }).blocks)[0] ?? '';
    expect(text).toContain(`${'あ'.repeat(149)}…`);
    expect(text).not.toContain('あ'.repeat(150));
  });

  it('keeps the header within 150 characters', () => {
    const { blocks, text } = message({ department: { id: 1, name: '部'.repeat(400), nameEn: null } });
    expect(chars(header(blocks))).toBeLessThanOrEqual(150);
    expect(text.length).toBeGreaterThan(0);
  });

  it('keeps button texts within 75 characters', () => {
    const { blocks } = message({ targets: many(40), page: 1 });
    for (const b of [...reportButtons(blocks), ...navButtons(blocks)])
      expect(chars(b.text.text)).toBeLessThanOrEqual(75);
  });
});

describe('buildTargetsMessage: escaping user text', () => {
  const hostile = target(0, {
    code: '<!here>',
    title: 'タイトル <!channel> & <@U999> <https://evil.example|click>',
    indicatorUnit: '<!everyone>',
    indicatorTarget: 10,
    latestValue: 1,
    overdueMilestones: overdue(2, (i) => `<!channel> 期限${i}`),
  });

  it('escapes titles, codes, units and milestones so no mention or link is injected', () => {
    const { blocks } = message({ targets: [hostile] });
    const text = [...sectionTexts(blocks), ...contextTexts(blocks)].join('\n');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;!here&gt;');
    expect(text).toContain('&lt;!everyone&gt;');
    expect(text).toContain('&amp;');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
    expect(text).not.toContain('<!everyone>');
    expect(text).not.toContain('<@U999>');
    expect(text).not.toContain('<https://');
    expect(contextTexts(blocks).join('\n')).toContain('&lt;!channel&gt; 期限0');
  });

  it('keeps the department name literal in the plain_text header (Slack does not parse plain_text)', () => {
    const { blocks } = message({ department: { id: 1, name: '<!channel> & co', nameEn: null }, targets: [target(0)] });
    const first = blocks[0];
    expect(first?.type === 'header' && first.text.type).toBe('plain_text');
    expect(header(blocks)).toBe('<!channel> & coの重点目標（令和8年度）');
    expect(sectionTexts(blocks).join('\n')).not.toContain('<!channel>');
  });

  it('only mentions reporters and owners with valid user ids', () => {
    const good = message({
      targets: [
        target(0, {
          ownerId: 'U0OWNER',
          latest: { status: 'on_track', reportedAt: new Date(), reporterId: 'U0REPORT', percent: null },
        }),
      ],
    });
    const goodText = [...sectionTexts(good.blocks), ...contextTexts(good.blocks)].join('\n');
    expect(goodText).toContain('<@U0REPORT>');
    expect(goodText).toContain('<@U0OWNER>');
    const bad = message({
      targets: [
        target(0, {
          ownerId: '<!channel>',
          latest: { status: 'on_track', reportedAt: new Date(), reporterId: '<!here>', percent: null },
        }),
      ],
    });
    const badText = [...sectionTexts(bad.blocks), ...contextTexts(bad.blocks)].join('\n');
    expect(badText).not.toContain('<!channel>');
    expect(badText).not.toContain('<!here>');
  });
});

describe('buildTargetsMessage: content', () => {
  it('has a Report button per target with action_id open_progress and the target id as value', () => {
    const list = [target(0, { id: 11 }), target(1, { id: 205 }), target(2, { id: 9 })];
    const buttons = reportButtons(message({ targets: list }).blocks);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      [OPEN_PROGRESS_ACTION, '11'],
      [OPEN_PROGRESS_ACTION, '205'],
      [OPEN_PROGRESS_ACTION, '9'],
    ]);
    expect(OPEN_PROGRESS_ACTION).toBe('open_progress');
    expect(buttons[0]?.text.text).toBe('報告する');
  });

  it('shows code and title in bold-code form', () => {
    expect(sectionTexts(message().blocks)[0]).toMatch(/^\*SK-1\* 目標1\n/);
  });

  it.each([
    ['on_track', '🟢 順調', '🟢 On track'],
    ['at_risk', '🟡 注意', '🟡 At risk'],
    ['off_track', '🔴 遅延', '🔴 Off track'],
    ['done', '✅ 完了', '✅ Done'],
  ] as const)('shows status %s with emoji and localized label', (status, ja, en) => {
    const latest = { status, reportedAt: new Date('2026-06-30T15:30:00Z'), reporterId: 'U0REP', percent: null };
    expect(sectionTexts(message({ targets: [target(0, { latest })] }).blocks)[0]).toContain(ja);
    expect(sectionTexts(message({ locale: 'en', targets: [target(0, { latest })] }).blocks)[0]).toContain(en);
  });

  it('says that nothing was reported when there is no update', () => {
    const ja = sectionTexts(message({ targets: [target(0)] }).blocks)[0] ?? '';
    expect(ja).toContain('⚪ 報告なし');
    expect(ja).not.toContain('最新');
    const en = sectionTexts(message({ locale: 'en', targets: [target(0)] }).blocks)[0] ?? '';
    expect(en).toContain('⚪ No report yet');
  });

  it('shows the latest report with its day in the configured time zone and the reporter', () => {
    const latest = {
      status: 'at_risk' as const,
      reportedAt: new Date('2026-06-30T15:30:00Z'),
      reporterId: 'U0REP',
      percent: 40,
    };
    const ja = sectionTexts(message({ targets: [target(0, { latest })] }).blocks)[0] ?? '';
    expect(ja).toContain('最新: 注意（7月1日、<@U0REP>）');
    expect(ja).toContain('進捗 40%');
    const utc = sectionTexts(message({ targets: [target(0, { latest })], timeZone: 'UTC' }).blocks)[0] ?? '';
    expect(utc).toContain('6月30日');
    const en = sectionTexts(message({ locale: 'en', targets: [target(0, { latest })] }).blocks)[0] ?? '';
    expect(en).toContain('Latest: At risk (Jul 1, <@U0REP>)');
    expect(en).toContain('Progress 40%');
  });

  it('shows the value against the target with the unit', () => {
    const t = target(0, { indicatorUnit: '%', indicatorTarget: 100, latestValue: 42 });
    expect(sectionTexts(message({ targets: [t] }).blocks)[0]).toContain('実績 42% / 目標 100%');
    expect(sectionTexts(message({ locale: 'en', targets: [t] }).blocks)[0]).toContain('Value 42% / target 100%');
  });

  it('says the value is not reported when only the target is known', () => {
    const t = target(0, { indicatorUnit: '件', indicatorTarget: 1200 });
    expect(sectionTexts(message({ targets: [t] }).blocks)[0]).toContain('実績 未報告 / 目標 1,200件');
    expect(sectionTexts(message({ locale: 'en', targets: [t] }).blocks)[0]).toContain(
      'Value not reported / target 1,200件',
    );
  });

  it('does not show a value line without an indicator target', () => {
    const text = sectionTexts(message({ targets: [target(0, { latestValue: 5 })] }).blocks)[0] ?? '';
    expect(text).not.toContain('実績');
    expect(text).not.toContain('目標 ');
  });

  it('formats numbers without float noise and with grouping', () => {
    const t = target(0, { indicatorTarget: 1234567, latestValue: 0.1 + 0.2 });
    expect(sectionTexts(message({ targets: [t] }).blocks)[0]).toContain('実績 0.3 / 目標 1,234,567');
    expect(formatNumber(0.1 + 0.2, 'en')).toBe('0.3');
    expect(formatNumber(1234567.891, 'ja')).toBe('1,234,567.89');
    expect(formatNumber(-5, 'en')).toBe('-5');
  });

  it('lists overdue milestones with their due dates in a context block', () => {
    const t = target(0, {
      overdueMilestones: [
        { title: '説明会の開催', dueOn: new Date(Date.UTC(2026, 5, 30)) },
        { title: '要綱の制定', dueOn: new Date(Date.UTC(2026, 6, 15)) },
      ],
    });
    expect(contextTexts(message({ targets: [t] }).blocks)).toContain(
      '⚠️ 期限超過: 説明会の開催（6月30日）、要綱の制定（7月15日）',
    );
    expect(contextTexts(message({ locale: 'en', targets: [t] }).blocks).join('\n')).toContain(
      '⚠️ Overdue: 説明会の開催（Jun 30）',
    );
  });

  it('shows the owner in the context block', () => {
    expect(contextTexts(message({ targets: [target(0, { ownerId: 'U0OWN' })] }).blocks)).toContain('担当: <@U0OWN>');
  });

  it('adds no context block for a target without owner and overdue milestones', () => {
    const { blocks } = message({ targets: [target(0)] });
    expect(blocks.map((b) => b.type)).toEqual(['header', 'context', 'section']);
  });
});

describe('buildTargetsMessage: department and locale', () => {
  it('shows the "none" message for a department without targets', () => {
    const { blocks, text } = message({ targets: [] });
    expect(blocks).toHaveLength(2);
    expect(sectionTexts(blocks)).toEqual(['この部には令和8年度の重点目標がありません。']);
    expect(navButtons(blocks)).toEqual([]);
    expect(reportButtons(blocks)).toEqual([]);
    expect(text).toBe('区政経営部の重点目標（令和8年度）');
  });

  it('shows the English "none" message', () => {
    const { blocks } = message({ locale: 'en', fiscalYearLabel: 'FY2026', targets: [] });
    expect(sectionTexts(blocks)).toEqual(['This department has no key targets for FY2026.']);
  });

  it('uses the English department name for locale en when present', () => {
    const { blocks, text } = message({ locale: 'en', fiscalYearLabel: 'FY2026' });
    expect(header(blocks)).toBe('Policy Management Department: key targets (FY2026)');
    expect(text).toBe(header(blocks));
  });

  it('falls back to the Japanese name for locale en without an English name', () => {
    const { blocks } = message({ locale: 'en', department: { id: 3, name: '区政経営部', nameEn: null } });
    expect(header(blocks)).toContain('区政経営部');
  });

  it('uses the Japanese name for locale ja even when an English name exists', () => {
    expect(header(message().blocks)).toBe('区政経営部の重点目標（令和8年度）');
  });
});
