import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  buildProgressChannelPost,
  buildProgressNotStoredNotice,
  buildProgressReceipt,
  type ProgressReceiptInput,
} from '../../src/blocks/progress-receipt.js';
import type { Locale } from '../../src/i18n/messages.js';

const LOCALES: Locale[] = ['ja', 'en'];
const BUILDERS = [
  ['receipt', buildProgressReceipt],
  ['channel post', buildProgressChannelPost],
] as const;
const chars = (text: string) => Array.from(text).length;

function input(overrides: Partial<ProgressReceiptInput> = {}): ProgressReceiptInput {
  return {
    locale: 'ja',
    reporterId: 'U0REPORTER',
    target: { code: 'SK-1', title: '区公式LINEの開設', indicatorUnit: '件' },
    status: 'on_track',
    value: 42,
    percent: 35,
    comment: '説明会を開催しました',
    milestones: ['説明会の開催'],
    ...overrides,
  };
}

function sectionTexts(blocks: KnownBlock[]): string[] {
  return blocks.map((b) => {
    if (b.type !== 'section' || !b.text) throw new Error(`unexpected ${b.type} block`);
    expect(b.text.type).toBe('mrkdwn');
    return b.text.text;
  });
}

const INJECTIONS = ['<!here>', '<!channel>', '<@U123>', '<https://evil.example|click>', '<#C123>', '<!subteam^S1>'];
const hostile = INJECTIONS.join(' & ');

describe.each(BUILDERS)('%s: escaping', (_name, build) => {
  it.each(LOCALES)('escapes comment, title, code, unit and milestones (%s)', (locale) => {
    const { blocks } = build(
      input({
        locale,
        target: { code: `SK-1 ${hostile}`, title: `題 ${hostile}`, indicatorUnit: `${hostile}` },
        comment: `コメント ${hostile}`,
        milestones: [`M1 ${hostile}`, '<!here>'],
      }),
    );
    const text = sectionTexts(blocks).join('\n');
    for (const raw of INJECTIONS) expect(text).not.toContain(raw);
    expect(text).not.toMatch(/<(?!@U0REPORTER>)/);
    expect(text).toContain('&lt;!here&gt;');
    expect(text).toContain('&lt;@U123&gt;');
    expect(text).toContain('&lt;https://evil.example|click&gt;');
    expect(text).toContain(' &amp; ');
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('escapes each milestone and joins them', () => {
    const details = sectionTexts(build(input({ milestones: ['A & B', '<C>'] })).blocks)[1] ?? '';
    expect(details).toContain('完了したマイルストーン: A &amp; B、&lt;C&gt;');
  });

  it('cuts each milestone to 80 characters', () => {
    const details = sectionTexts(build(input({ milestones: ['あ'.repeat(200)] })).blocks)[1] ?? '';
    expect(details).toContain(`${'あ'.repeat(79)}…`);
    expect(details).not.toContain('あ'.repeat(80));
  });
});

describe.each(BUILDERS)('%s: comment', (_name, build) => {
  it('quotes a multi-line comment line by line', () => {
    const details = sectionTexts(build(input({ comment: '一行目\n二行目\n\n<!here> 四行目' })).blocks)[1] ?? '';
    expect(details.split('\n').slice(-4)).toEqual(['>一行目', '>二行目', '>', '>&lt;!here&gt; 四行目']);
  });

  it('quotes a single-line comment', () => {
    const details = sectionTexts(build(input({ comment: 'done' })).blocks)[1] ?? '';
    expect(details.split('\n').at(-1)).toBe('>done');
  });

  it('leaves out an absent or empty comment', () => {
    for (const comment of [null, '']) {
      const details = sectionTexts(build(input({ comment })).blocks)[1] ?? '';
      expect(details).not.toContain('>');
    }
  });

  it.each(LOCALES)('keeps section texts within 3000 characters with a 2000-character comment (%s)', (locale) => {
    for (const comment of ['あ'.repeat(2000), '<>&'.repeat(667), '😀\n'.repeat(1000), `${'&'.repeat(1999)}\n`]) {
      const { blocks } = build(
        input({
          locale,
          comment,
          target: { code: 'C'.repeat(300), title: '<&>'.repeat(1000), indicatorUnit: '<u>'.repeat(500) },
          milestones: Array.from({ length: 100 }, (_, i) => `<${i}>${'m'.repeat(100)}`),
        }),
      );
      const texts = sectionTexts(blocks);
      expect(texts).toHaveLength(2);
      for (const text of texts) expect(chars(text)).toBeLessThanOrEqual(3000);
      expect(texts.join('\n')).not.toMatch(/<(?!@U0REPORTER>)/);
    }
  });
});

describe.each(BUILDERS)('%s: details', (_name, build) => {
  it('shows status, value with unit, percent and milestones in Japanese', () => {
    const details = sectionTexts(build(input()).blocks)[1] ?? '';
    expect(details.split('\n')).toEqual([
      '🟢 順調 ・ 実績値: 42件 ・ 進捗 35%',
      '完了したマイルストーン: 説明会の開催',
      '>説明会を開催しました',
    ]);
  });

  it('shows status, value with unit, percent and milestones in English', () => {
    const details = sectionTexts(build(input({ locale: 'en', status: 'at_risk', value: 1234.5 })).blocks)[1] ?? '';
    expect(details.split('\n')).toEqual([
      '🟡 At risk ・ Current value: 1,234.5件 ・ Progress 35%',
      'Milestones completed: 説明会の開催',
      '>説明会を開催しました',
    ]);
  });

  it('shows only the status when nothing else was reported', () => {
    const details =
      sectionTexts(
        build(input({ status: 'done', value: null, percent: null, comment: null, milestones: [] })).blocks,
      )[1] ?? '';
    expect(details).toBe('✅ 完了');
  });

  it('shows a value without a unit', () => {
    const details =
      sectionTexts(build(input({ target: { code: 'X', title: 'x', indicatorUnit: null } })).blocks)[1] ?? '';
    expect(details).toContain('実績値: 42 ・');
  });

  it('shows a zero value and zero percent', () => {
    const details = sectionTexts(build(input({ value: 0, percent: 0 })).blocks)[1] ?? '';
    expect(details).toContain('実績値: 0件');
    expect(details).toContain('進捗 0%');
  });
});

describe('buildProgressReceipt', () => {
  it.each([
    ['ja', '✅ SK-1「区公式LINEの開設」の進捗を記録しました（順調）。'],
    ['en', '✅ Progress on SK-1 "区公式LINEの開設" recorded (On track).'],
  ] as const)('confirms the update (%s)', (locale, expected) => {
    const { text, blocks } = buildProgressReceipt(input({ locale }));
    expect(text).toBe(expected);
    expect(sectionTexts(blocks)[0]).toBe(expected);
  });

  it('escapes the title in the confirmation block', () => {
    const { blocks } = buildProgressReceipt(input({ target: { code: 'A&B', title: '<!here>', indicatorUnit: null } }));
    expect(sectionTexts(blocks)[0]).toBe('✅ A&amp;B「&lt;!here&gt;」の進捗を記録しました（順調）。');
  });

  it('cuts the title to 100 characters', () => {
    const { blocks } = buildProgressReceipt(
      input({ target: { code: 'X', title: 'い'.repeat(500), indicatorUnit: null } }),
    );
    expect(sectionTexts(blocks)[0]).toContain(`${'い'.repeat(99)}…」`);
  });
});

describe('buildProgressChannelPost', () => {
  it.each([
    ['ja', '<@U0REPORTER> さんが SK-1「区公式LINEの開設」の進捗を報告しました。'],
    ['en', '<@U0REPORTER> reported progress on SK-1 "区公式LINEの開設".'],
  ] as const)('announces the update with a mention of the reporter (%s)', (locale, expected) => {
    const { text, blocks } = buildProgressChannelPost(input({ locale }));
    expect(text).toBe(expected);
    expect(sectionTexts(blocks)[0]).toBe(expected);
  });

  it('escapes the title and code in the notification text too', () => {
    const { text } = buildProgressChannelPost(
      input({ target: { code: '<!channel>', title: '<!here> & <@U123>', indicatorUnit: null } }),
    );
    expect(text).not.toMatch(/<(?!@U0REPORTER>)/);
    expect(text).toContain('&lt;!channel&gt;「&lt;!here&gt; &amp; &lt;@U123&gt;」');
  });

  it('does not mention an invalid reporter id', () => {
    const { text } = buildProgressChannelPost(input({ reporterId: '<!channel>' }));
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
  });
});

describe('buildProgressNotStoredNotice', () => {
  const notice = (overrides: Partial<Parameters<typeof buildProgressNotStoredNotice>[0]> = {}) =>
    buildProgressNotStoredNotice({
      locale: 'ja',
      reason: '申し訳ありません。処理中に問題が発生しました。',
      status: 'at_risk',
      value: 12.5,
      percent: 40,
      comment: '説明会は延期\n来月に再設定',
      ...overrides,
    });

  it.each([
    [
      'ja',
      '⚠️ 先ほどの進捗報告は保存されませんでした。理由 入力内容は下のとおりです。お手数ですが /progress からもう一度報告してください。',
    ],
    [
      'en',
      '⚠️ Your last progress report was not saved. Reason What you entered is below; please report it again with /progress.',
    ],
  ] as const)('says the report was not saved, why, and how to report again (%s)', (locale, expected) => {
    const { text, blocks } = notice({ locale, reason: locale === 'ja' ? '理由' : 'Reason' });
    expect(text).toBe(expected);
    expect(sectionTexts(blocks)[0]).toBe(expected);
  });

  it('gives back everything the reporter entered', () => {
    const details = sectionTexts(notice().blocks)[1] ?? '';
    expect(details.split('\n')).toEqual(['🟡 注意 ・ 実績値: 12.5 ・ 進捗 40%', '>説明会は延期', '>来月に再設定']);
  });

  it('escapes the comment and the reason', () => {
    const { text, blocks } = notice({ reason: '<!here>', comment: hostile });
    for (const t of [text, ...sectionTexts(blocks)]) expect(t).not.toMatch(/<[!@#h]/);
    expect(sectionTexts(blocks)[1]).toContain('&lt;!channel&gt;');
  });

  it('keeps within a section’s 3000 characters for the longest comment', () => {
    for (const section of sectionTexts(notice({ comment: '<'.repeat(2000) }).blocks)) {
      expect(chars(section)).toBeLessThanOrEqual(3000);
    }
  });
});
