import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  buildProgressModal,
  groupTargetOptions,
  type ModalPreviousReport,
  type ModalSelectedTarget,
  type ModalTargetOption,
  type ProgressModalInput,
  targetOption,
} from '../../src/blocks/progress-modal.js';
import { STATUS_EMOJI, STATUSES } from '../../src/domain/status.js';
import type { Locale } from '../../src/i18n/messages.js';

const LOCALES: Locale[] = ['ja', 'en'];
const chars = (text: string) => Array.from(text).length;

const LONG_TITLES = {
  ascii: 'A'.repeat(300),
  japanese: '区民サービスの向上'.repeat(40),
  emoji: '👨‍👩‍👧‍👦🎌✅'.repeat(60),
  combining: 'e\u0301a\u0300o\u0308'.repeat(100),
};

function targets(count: number, departments = 5, title = (i: number) => `目標${i}`): ModalTargetOption[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    code: `T-${i + 1}`,
    title: title(i),
    departmentName: `部${i % departments}`,
  }));
}

function selectedTarget(overrides: Partial<ModalSelectedTarget> = {}, milestones = 0): ModalSelectedTarget {
  return {
    id: 42,
    code: 'SK-1',
    title: '区公式LINEの開設',
    departmentName: '区政経営部',
    indicatorKind: 'outcome',
    indicatorUnit: '件',
    indicatorBaseline: 20,
    indicatorTarget: 100,
    previous: null,
    openMilestones: Array.from({ length: milestones }, (_, i) => ({
      id: 1000 + i,
      title: `マイルストーン${i}`,
      dueOn: new Date(Date.UTC(2026, 8, 30)),
    })),
    ...overrides,
  };
}

function modal(overrides: Partial<ProgressModalInput> = {}): ModalView {
  return buildProgressModal({
    locale: 'ja',
    targets: targets(3),
    useExternalSelect: false,
    selected: null,
    today: '2026-11-20',
    ...overrides,
  });
}

type Block = KnownBlock & { block_id?: string };
function block(view: ModalView, blockId: string): Block {
  const found = (view.blocks as Block[]).find((b) => b.block_id === blockId);
  if (!found) throw new Error(`no block ${blockId}`);
  return found;
}

interface SelectElement {
  type: string;
  action_id?: string;
  options?: PlainTextOption[];
  option_groups?: { label: { text: string }; options: PlainTextOption[] }[];
  initial_option?: PlainTextOption;
  max_length?: number;
}
function element(view: ModalView, blockId: string): SelectElement {
  const b = block(view, blockId);
  if (b.type !== 'input') throw new Error(`${blockId} is a ${b.type} block`);
  return b.element as SelectElement;
}
function label(view: ModalView, blockId: string): string {
  const b = block(view, blockId);
  if (b.type !== 'input') throw new Error(`${blockId} is a ${b.type} block`);
  return b.label.text;
}
function allOptions(el: SelectElement): PlainTextOption[] {
  return [...(el.options ?? []), ...(el.option_groups ?? []).flatMap((g) => g.options)];
}
function milestonesBlock(view: ModalView): Block {
  const found = (view.blocks as Block[]).find((b) => b.block_id?.startsWith('milestones_'));
  if (!found) throw new Error('no milestones block');
  return found;
}

describe('buildProgressModal: Slack limits on the view', () => {
  it.each(LOCALES)('keeps title, submit and close within 24 characters (%s)', (locale) => {
    const view = modal({ locale });
    expect(view.title.text.length).toBeGreaterThan(0);
    expect(chars(view.title.text)).toBeLessThanOrEqual(24);
    expect(chars(view.submit?.text ?? '')).toBeLessThanOrEqual(24);
    expect(chars(view.submit?.text ?? 'x')).toBeGreaterThan(0);
    expect(chars(view.close?.text ?? '')).toBeLessThanOrEqual(24);
    expect(chars(view.close?.text ?? 'x')).toBeGreaterThan(0);
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe('progress_submit');
  });

  it.each(LOCALES)('stays within 100 blocks with the largest input (%s)', (locale) => {
    const view = modal({ locale, targets: targets(250), selected: selectedTarget({}, 250) });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('keeps every plain text label, hint and placeholder within limits', () => {
    for (const locale of LOCALES) {
      const view = modal({ locale, selected: selectedTarget({ indicatorUnit: '単位'.repeat(2000) }, 3) });
      for (const b of view.blocks as Block[]) {
        if (b.type !== 'input') continue;
        expect(chars(b.label.text)).toBeLessThanOrEqual(2000);
        if (b.hint) expect(chars(b.hint.text)).toBeLessThanOrEqual(2000);
        const el = b.element as { placeholder?: { text: string } };
        if (el.placeholder) expect(chars(el.placeholder.text)).toBeLessThanOrEqual(150);
      }
    }
  });

  it('uses unique block ids', () => {
    const ids = (modal({ selected: selectedTarget({}, 3) }).blocks as Block[]).flatMap((b) => b.block_id ?? []);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('buildProgressModal: target select', () => {
  it('groups options by department, with department names as group labels', () => {
    const list: ModalTargetOption[] = [
      { id: 1, code: 'A-1', title: 'a', departmentName: '総務部' },
      { id: 2, code: 'B-1', title: 'b', departmentName: '区民部' },
      { id: 3, code: 'A-2', title: 'c', departmentName: '総務部' },
    ];
    const el = element(modal({ targets: list }), 'target');
    expect(el.type).toBe('static_select');
    expect(el.action_id).toBe('progress_target');
    expect(el.options).toBeUndefined();
    expect(el.option_groups?.map((g) => g.label.text)).toEqual(['総務部', '区民部']);
    expect(el.option_groups?.map((g) => g.options.map((o) => o.value))).toEqual([['1', '3'], ['2']]);
    expect(el.option_groups?.[0]?.options[0]?.text.text).toBe('A-1 a');
  });

  it('never offers more than 100 options in total, even with 250 targets', () => {
    for (const departments of [1, 7, 250]) {
      const el = element(modal({ targets: targets(250, departments) }), 'target');
      const options = allOptions(el);
      expect(options).toHaveLength(100);
      expect(el.option_groups?.length).toBeLessThanOrEqual(100);
      expect(new Set(options.map((o) => o.value)).size).toBe(100);
    }
  });

  it.each(Object.entries(LONG_TITLES))('cuts the option text to 75 characters (%s title)', (_kind, title) => {
    const el = element(modal({ targets: targets(20, 3, () => title) }), 'target');
    const options = allOptions(el);
    expect(options).toHaveLength(20);
    for (const option of options) {
      expect(chars(option.text.text)).toBeLessThanOrEqual(75);
      expect(option.text.text.endsWith('…')).toBe(true);
      expect(option.text.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });

  it('cuts long department names to 75 characters in group labels', () => {
    const list = [{ id: 1, code: 'X', title: 'x', departmentName: '部'.repeat(200) }];
    expect(chars(groupTargetOptions(list, 'ja')[0]?.label.text ?? '')).toBe(75);
  });

  it('targetOption gives "code title" and the id as value', () => {
    expect(targetOption({ id: 7, code: 'SK-1', title: '区公式LINEの開設', departmentName: 'x' })).toEqual({
      text: { type: 'plain_text', text: 'SK-1 区公式LINEの開設', emoji: true },
      value: '7',
    });
  });

  it('sets initial_option to the selected target, matching its option in the list', () => {
    const selected = selectedTarget({ id: 2, code: 'T-2', title: '目標1', departmentName: '部1' });
    const el = element(modal({ targets: targets(5), selected }), 'target');
    expect(el.initial_option?.value).toBe('2');
    expect(allOptions(el)).toContainEqual(el.initial_option);
  });

  it('has no initial_option without a selected target', () => {
    expect(element(modal(), 'target').initial_option).toBeUndefined();
  });

  it('uses an external select that loads options as the user types when useExternalSelect', () => {
    const el = element(modal({ useExternalSelect: true, targets: targets(250) }), 'target');
    expect(el.type).toBe('external_select');
    expect(el.action_id).toBe('progress_target');
    expect(el.option_groups).toBeUndefined();
    expect(el.options).toBeUndefined();
    expect(el.initial_option).toBeUndefined();
    expect((el as { min_query_length?: number }).min_query_length).toBe(0);
  });

  it('sets initial_option on the external select too', () => {
    const el = element(
      modal({ useExternalSelect: true, selected: selectedTarget({ title: LONG_TITLES.emoji }) }),
      'target',
    );
    expect(el.initial_option?.value).toBe('42');
    expect(chars(el.initial_option?.text.text ?? '')).toBeLessThanOrEqual(75);
  });

  it('dispatches an action when the target changes', () => {
    const b = block(modal(), 'target');
    expect(b.type === 'input' && b.dispatch_action).toBe(true);
  });
});

describe('buildProgressModal: milestones', () => {
  it('shows a context block instead when no target is selected', () => {
    const b = milestonesBlock(modal());
    expect(b.type).toBe('context');
    expect(b.block_id).toBe('milestones_none');
  });

  it('shows a context block when the selected target has no open milestones', () => {
    expect(milestonesBlock(modal({ selected: selectedTarget({}, 0) })).type).toBe('context');
  });

  it.each([1, 10])('uses checkboxes for %d open milestones', (count) => {
    const view = modal({ selected: selectedTarget({}, count) });
    const el = element(view, 'milestones_42');
    expect(el.type).toBe('checkboxes');
    expect(el.action_id).toBe('milestones');
    expect(el.options).toHaveLength(count);
    const b = block(view, 'milestones_42');
    expect(b.type === 'input' && b.optional).toBe(true);
  });

  it.each([11, 50, 100])('uses a multi-select for %d open milestones', (count) => {
    const el = element(modal({ selected: selectedTarget({}, count) }), 'milestones_42');
    expect(el.type).toBe('multi_static_select');
    expect(el.action_id).toBe('milestones');
    expect(el.options).toHaveLength(count);
  });

  it('caps more than 100 open milestones at 100 options', () => {
    const el = element(modal({ selected: selectedTarget({}, 250) }), 'milestones_42');
    expect(el.type).toBe('multi_static_select');
    expect(el.options).toHaveLength(100);
    expect(el.options?.[0]?.value).toBe('1000');
    expect(el.options?.[99]?.value).toBe('1099');
  });

  it('names the milestones block after the selected target', () => {
    const view = modal({ selected: selectedTarget({ id: 987 }, 2) });
    expect(milestonesBlock(view).block_id).toBe('milestones_987');
  });

  it('gives milestone options the milestone id as value and the due date in the text', () => {
    const ja = element(modal({ today: '2026-09-01', selected: selectedTarget({}, 1) }), 'milestones_42');
    expect(ja.options?.[0]).toMatchObject({ value: '1000', text: { text: 'マイルストーン0（9月30日）' } });
    const en = element(modal({ locale: 'en', today: '2026-09-01', selected: selectedTarget({}, 1) }), 'milestones_42');
    expect(en.options?.[0]?.text.text).toBe('マイルストーン0 (Sep 30)');
  });

  it('marks a milestone due before today as overdue (⚠️ 期限超過), as /targets and Home do', () => {
    const selected = selectedTarget({}, 0);
    selected.openMilestones = [
      { id: 1, title: '改訂素案作成', dueOn: new Date(Date.UTC(2026, 7, 31)) },
      { id: 2, title: '今日が期限', dueOn: new Date(Date.UTC(2026, 10, 20)) },
      { id: 3, title: '運用開始', dueOn: new Date(Date.UTC(2027, 2, 1)) },
    ];
    const texts = (locale: Locale) =>
      element(modal({ locale, today: '2026-11-20', selected }), 'milestones_42').options?.map((o) => o.text.text);
    expect(texts('ja')).toEqual([
      '⚠️ 改訂素案作成（8月31日・期限超過）',
      '今日が期限（11月20日）',
      '運用開始（2027年3月1日）',
    ]);
    expect(texts('en')).toEqual(['⚠️ 改訂素案作成 (Aug 31, overdue)', '今日が期限 (Nov 20)', '運用開始 (Mar 1, 2027)']);
  });

  it('gives the year of a milestone that is not in this year, and none for one that is', () => {
    const selected = selectedTarget({}, 0);
    selected.openMilestones = [
      { id: 1, title: '前年度の積み残し', dueOn: new Date(Date.UTC(2026, 11, 25)) },
      { id: 2, title: '年度末', dueOn: new Date(Date.UTC(2027, 2, 31)) },
    ];
    // In February 2027 (still FY2026) the December milestone is last year's and overdue.
    const options = element(modal({ today: '2027-02-10', selected }), 'milestones_42').options;
    expect(options?.map((o) => o.text.text)).toEqual([
      '⚠️ 前年度の積み残し（2026年12月25日・期限超過）',
      '年度末（3月31日）',
    ]);
  });

  it('keeps the date and the overdue mark of a milestone with a long title, cutting the title', () => {
    const selected = selectedTarget({}, 0);
    selected.openMilestones = [{ id: 1, title: '区民サービス'.repeat(30), dueOn: new Date(Date.UTC(2026, 7, 31)) }];
    for (const locale of LOCALES) {
      const text = element(modal({ locale, today: '2027-04-02', selected }), 'milestones_42').options?.[0]?.text.text;
      expect(chars(text ?? '')).toBeLessThanOrEqual(75);
      expect(text).toMatch(locale === 'ja' ? /…（2026年8月31日・期限超過）$/ : /… \(Aug 31, 2026, overdue\)$/);
    }
  });

  it('says so when the selected target has no open milestones left', () => {
    const b = milestonesBlock(modal({ selected: selectedTarget({}, 0) }));
    expect(JSON.stringify(b)).toContain('未完了のマイルストーンはありません');
    expect(JSON.stringify(milestonesBlock(modal({ locale: 'en', selected: selectedTarget({}, 0) })))).toContain(
      'no open milestones',
    );
  });

  it.each(Object.entries(LONG_TITLES))('cuts milestone option text to 75 characters (%s title)', (_kind, title) => {
    for (const count of [3, 30]) {
      const selected = selectedTarget({}, count);
      selected.openMilestones = selected.openMilestones.map((m) => ({ ...m, title }));
      const el = element(modal({ selected }), 'milestones_42');
      for (const option of el.options ?? []) expect(chars(option.text.text)).toBeLessThanOrEqual(75);
      expect(el.options).toHaveLength(count);
    }
  });
});

describe('buildProgressModal: fields and metadata', () => {
  it('offers the four statuses with emoji and label', () => {
    const el = element(modal(), 'status');
    expect(el.options?.map((o) => o.value)).toEqual([...STATUSES]);
    expect(el.options?.map((o) => o.text.text)).toEqual(['🟢 順調', '🟡 注意', '🔴 遅延', '✅ 完了']);
    expect(el.initial_option).toBeUndefined();
  });

  it('preselects the initial status', () => {
    const el = element(modal({ initialStatus: 'off_track' }), 'status');
    expect(el.initial_option).toEqual(el.options?.[2]);
    expect(el.initial_option?.value).toBe('off_track');
  });

  it('has one value field in the indicator’s unit for an indicator target, with baseline → target', () => {
    const view = modal({ selected: selectedTarget() });
    expect(element(view, 'value')).toMatchObject({ type: 'plain_text_input', action_id: 'value', max_length: 32 });
    expect(label(view, 'value')).toBe('実績値（件）');
    const b = block(view, 'value');
    expect(b.type === 'input' && b.hint?.text).toBe(
      '基準値 20件 → 目標値 100件。達成率はこの2つから自動で計算されます。',
    );
    expect(() => block(view, 'percent')).toThrow('no block percent');
    expect(element(view, 'comment')).toMatchObject({
      type: 'plain_text_input',
      action_id: 'comment',
      max_length: 2000,
    });
  });

  it('asks a percentage indicator for its value once, not for a value and a progress %', () => {
    const view = modal({
      selected: selectedTarget({ indicatorUnit: '%', indicatorBaseline: 45, indicatorTarget: 60 }),
    });
    const inputs = (view.blocks as Block[]).filter((b) => b.type === 'input').map((b) => b.block_id);
    expect(inputs).toEqual(['target', 'status', 'value', 'comment']);
    expect(label(view, 'value')).toBe('実績値（%）');
    const b = block(view, 'value');
    expect(b.type === 'input' && b.hint?.text).toContain('基準値 45% → 目標値 60%');
  });

  it('has a percentage field (0–100) and no value field for a target without an indicator', () => {
    const view = modal({
      selected: selectedTarget({
        indicatorKind: null,
        indicatorUnit: null,
        indicatorBaseline: null,
        indicatorTarget: null,
      }),
    });
    expect(element(view, 'percent')).toMatchObject({ type: 'plain_text_input', action_id: 'percent', max_length: 32 });
    expect(label(view, 'percent')).toBe('進捗率（%）');
    const b = block(view, 'percent');
    expect(b.type === 'input' && b.hint?.text).toContain('0〜100');
    expect(() => block(view, 'value')).toThrow('no block value');
  });

  it('gives the target alone when the indicator has no baseline, and a plain label without a unit', () => {
    const view = modal({ selected: selectedTarget({ indicatorBaseline: null, indicatorUnit: null }) });
    expect(label(view, 'value')).toBe('実績値');
    const b = block(view, 'value');
    expect(b.type === 'input' && b.hint?.text).toBe('目標値 100');
  });

  it('shows no number field before a target is chosen, and says what choosing one brings', () => {
    const view = modal();
    expect(() => block(view, 'value')).toThrow();
    expect(() => block(view, 'percent')).toThrow();
    expect(() => block(view, 'previous')).toThrow();
    expect(JSON.stringify(milestonesBlock(view))).toContain('前回の報告');
  });

  it('stores {v:1,targetId} as private_metadata', () => {
    expect(JSON.parse(modal({ selected: selectedTarget({ id: 42 }) }).private_metadata ?? '')).toEqual({
      v: 1,
      targetId: 42,
    });
    expect(JSON.parse(modal().private_metadata ?? '')).toEqual({ v: 1, targetId: null });
  });

  it('keeps private_metadata within 3000 characters', () => {
    const view = modal({
      selected: selectedTarget({ id: Number.MAX_SAFE_INTEGER, title: LONG_TITLES.emoji }, 250),
      targets: targets(250),
    });
    expect((view.private_metadata ?? '').length).toBeLessThanOrEqual(3000);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ v: 1, targetId: Number.MAX_SAFE_INTEGER });
  });
});

describe('buildProgressModal: locales', () => {
  it('uses English labels for locale en', () => {
    const view = modal({ locale: 'en', selected: selectedTarget({}, 2) });
    expect(view.title.text).toBe('Report progress');
    expect(view.submit?.text).toBe('Submit');
    expect(view.close?.text).toBe('Cancel');
    expect(label(view, 'target')).toBe('Key target');
    expect(label(view, 'status')).toBe('Status');
    expect(label(view, 'value')).toBe('Current value (件)');
    expect(
      block(view, 'value').type === 'input' && (block(view, 'value') as { hint?: { text: string } }).hint?.text,
    ).toBe('Baseline 20件 → target 100件. The achievement rate is worked out from these.');
    expect(
      label(
        modal({
          locale: 'en',
          selected: selectedTarget({
            indicatorKind: null,
            indicatorUnit: null,
            indicatorBaseline: null,
            indicatorTarget: null,
          }),
        }),
        'percent',
      ),
    ).toBe('Progress (%)');
    expect(label(view, 'comment')).toBe('Comment');
    expect(label(view, 'milestones_42')).toBe('Milestones completed');
    expect(element(view, 'status').options?.map((o) => o.text.text)).toEqual([
      `${STATUS_EMOJI.on_track} On track`,
      `${STATUS_EMOJI.at_risk} At risk`,
      `${STATUS_EMOJI.off_track} Off track`,
      `${STATUS_EMOJI.done} Done`,
    ]);
    const fixed: string[] = [view.title.text, view.submit?.text ?? '', view.close?.text ?? ''];
    for (const b of view.blocks as Block[]) {
      if (b.type === 'context') fixed.push(...b.elements.map((e) => ('text' in e ? e.text : '')));
      if (b.type !== 'input') continue;
      fixed.push(b.label.text.replace('件', ''), (b.hint?.text ?? '').replaceAll('件', ''));
      const el = b.element as { placeholder?: { text: string } };
      fixed.push(el.placeholder?.text ?? '');
    }
    expect(fixed.join('\n')).not.toMatch(/[ぁ-んァ-ヶ一-龯]/u);
  });

  it('uses Japanese labels for locale ja', () => {
    const view = modal({ selected: selectedTarget({}, 2) });
    expect(view.title.text).toBe('進捗報告');
    expect(label(view, 'target')).toBe('重点目標');
    expect(label(view, 'milestones_42')).toBe('完了したマイルストーン');
  });

  it('uses the English no-milestones text for locale en', () => {
    const b = milestonesBlock(modal({ locale: 'en' }));
    expect(b.type === 'context' && b.elements[0]).toMatchObject({
      text: 'Choose a target to see its last report, the value to enter and its open milestones.',
    });
  });
});

describe('buildProgressModal: the fiscal year shown', () => {
  it('says which year’s targets it offers, in each language', () => {
    const ja = JSON.stringify(modal({ fiscalYearLabel: '令和8年度' }).blocks?.[0]);
    expect(ja).toContain('*令和8年度* の重点目標');
    const en = JSON.stringify(modal({ locale: 'en', fiscalYearLabel: 'FY2026' }).blocks?.[0]);
    expect(en).toContain('Key targets of *FY2026*');
    expect(JSON.stringify(modal().blocks?.[0])).not.toContain('年度');
  });
});

describe('buildProgressModal: the previous report', () => {
  const previous = (overrides: Partial<ModalPreviousReport> = {}): ModalPreviousReport => ({
    status: 'at_risk',
    value: 52,
    percent: null,
    comment: '窓口アンケートを実施。\n回収率が低い',
    reportedOn: '2026-10-01',
    reporterId: 'USTAFF002',
    ...overrides,
  });
  const text = (view: ModalView) => {
    const b = block(view, 'previous');
    if (b.type !== 'section') throw new Error(`previous is a ${b.type} block`);
    return b.text?.text ?? '';
  };

  it('shows status, value in its unit with the achievement rate, date, reporter and comment, above the fields', () => {
    const view = modal({ selected: selectedTarget({ previous: previous() }) });
    // (52 − 20) / (100 − 20) = 40 %: the one achievement rule.
    expect(text(view)).toBe(
      '*前回の報告*　10月1日・<@USTAFF002>\n🟡 注意 ・ 実績 52件（達成率 40%）\n> 窓口アンケートを実施。\n> 回収率が低い',
    );
    const ids = (view.blocks as Block[]).map((b) => b.block_id);
    expect(ids.indexOf('previous')).toBe(ids.indexOf('target') + 1);
    expect(ids.indexOf('previous')).toBeLessThan(ids.indexOf('status'));
  });

  it('reads in English, with the year when the report is from another year', () => {
    const view = modal({
      locale: 'en',
      today: '2027-01-15',
      selected: selectedTarget({ previous: previous({ status: 'on_track', comment: null }) }),
    });
    expect(text(view)).toBe('*Last report* · Oct 1, 2026 · <@USTAFF002>\n🟢 On track ・ Value 52件 (achievement 40%)');
  });

  it('shows the percentage of a target without an indicator', () => {
    const view = modal({
      selected: selectedTarget({
        indicatorKind: null,
        indicatorUnit: null,
        indicatorBaseline: null,
        indicatorTarget: null,
        previous: previous({ value: null, percent: 35.5, comment: null }),
      }),
    });
    expect(text(view)).toBe('*前回の報告*　10月1日・<@USTAFF002>\n🟡 注意 ・ 進捗 35.5%');
  });

  it('escapes and cleans the comment and unit, and cuts a long comment within the section limit', () => {
    const hostile = `<!channel> <@U999> <https://evil.example|こちら> &amp; \u202Egnp.exe\n${'長'.repeat(3000)}`;
    const view = modal({
      selected: selectedTarget({ indicatorUnit: '<b>', previous: previous({ comment: hostile }) }),
    });
    const shown = text(view);
    expect(shown).not.toMatch(/<!channel>|<@U999>|<https:/);
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).toContain('&amp;amp;');
    expect(shown).toContain('実績 52&lt;b&gt;');
    expect(shown).not.toContain('\u202E');
    expect(chars(shown)).toBeLessThanOrEqual(3000);
    expect(shown.endsWith('…')).toBe(true);
    expect(
      shown
        .split('\n')
        .slice(2)
        .every((line) => line.startsWith('> ')),
    ).toBe(true);
  });

  it('stays within 3000 characters when every character of the comment needs escaping', () => {
    const view = modal({ selected: selectedTarget({ previous: previous({ comment: '&'.repeat(2000) }) }) });
    expect(chars(text(view))).toBeLessThanOrEqual(3000);
  });

  it('says when the target has no report yet', () => {
    const b = block(modal({ selected: selectedTarget({ previous: null }) }), 'previous');
    expect(b.type).toBe('context');
    expect(JSON.stringify(b)).toContain('この目標の報告はまだありません');
    expect(JSON.stringify(block(modal({ locale: 'en', selected: selectedTarget() }), 'previous'))).toContain(
      'No report on this target yet.',
    );
  });
});

describe('buildProgressModal: the reporter’s own targets', () => {
  const list: ModalTargetOption[] = [
    { id: 1, code: 'SK-1', title: 'a', departmentName: '政策経営部' },
    { id: 2, code: 'SK-2', title: 'b', departmentName: '政策経営部', own: true },
    { id: 3, code: 'SM-1', title: 'c', departmentName: '総務部' },
    { id: 4, code: 'SM-2', title: 'd', departmentName: '総務部', own: true },
  ];

  it('lists them first, in a group of their own, marked ★', () => {
    const el = element(modal({ targets: list }), 'target');
    expect(el.option_groups?.map((g) => g.label.text)).toEqual(['★ あなたが担当の目標', '政策経営部', '総務部']);
    expect(el.option_groups?.map((g) => g.options.map((o) => o.text.text))).toEqual([
      ['★ SK-2 b', '★ SM-2 d'],
      ['SK-1 a'],
      ['SM-1 c'],
    ]);
    expect(allOptions(el).map((o) => o.value)).toEqual(['2', '4', '1', '3']);
  });

  it('names the group in English', () => {
    expect(groupTargetOptions(list, 'en')[0]?.label.text).toBe('★ Targets you own');
  });

  it('has no such group when the reporter owns none', () => {
    const groups = groupTargetOptions(
      list.map((t) => ({ ...t, own: false })),
      'ja',
    );
    expect(groups.map((g) => g.label.text)).toEqual(['政策経営部', '総務部']);
  });

  it('marks the selected target’s initial option the same way, so it matches its option', () => {
    const selected = selectedTarget({ id: 2, code: 'SK-2', title: 'b', departmentName: '政策経営部', own: true });
    const el = element(modal({ targets: list, selected }), 'target');
    expect(el.initial_option?.text.text).toBe('★ SK-2 b');
    expect(allOptions(el)).toContainEqual(el.initial_option);
  });
});
