import { describe, expect, it } from 'vitest';
import {
  buildReminderMessage,
  buildReminderNudge,
  REMINDER_MAX_LISTED,
  REMINDER_OPEN_PROGRESS_ACTION,
  type ReminderMessageTarget,
} from '../../src/blocks/reminder-message.js';
import { OPEN_PROGRESS_ACTION } from '../../src/blocks/targets-message.js';
import type { ReminderReason } from '../../src/reminders/plan-reminders.js';

const countdown: ReminderReason = {
  kind: 'countdown',
  windowId: 1,
  windowName: '自己評価',
  role: 'self',
  opensOn: '2027-06-01',
  closesOn: '2027-06-20',
  fiscalYear: 2026,
  daysBefore: 7,
  cycleStart: '2027-04-30',
};
const checkin: ReminderReason = { kind: 'checkin', cadence: 'biweekly', periodStart: '2027-05-10', fiscalYear: 2027 };

function target(i: number, over: Partial<ReminderMessageTarget> = {}): ReminderMessageTarget {
  return {
    id: 100 + i,
    code: `SK-${i}`,
    title: `目標${i}`,
    departmentName: '政策経営部',
    departmentNameEn: 'Policy and Management',
    lastReportedAt: null,
    lastStatus: null,
    ...over,
  };
}

type Block = {
  type: string;
  text?: { text: string };
  accessory?: { action_id: string; value: string; text: { text: string } };
  elements?: { text: string }[];
};

describe('buildReminderMessage', () => {
  it('explains the countdown and gives each target an open_progress button with its id', () => {
    const { text, blocks } = buildReminderMessage({
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      day: '2027-05-25',
      reasons: [countdown],
      targets: [target(1), target(2, { lastReportedAt: new Date('2027-03-02T03:00:00Z'), lastStatus: 'at_risk' })],
    });
    expect(text).toBe('重点目標の進捗報告のお願い（2件）');
    const all = blocks as Block[];
    expect(all[0]?.text?.text).toContain('*自己評価*（6月1日〜6月20日）の受付開始まで、あと7日です');
    expect(all[0]?.text?.text).toContain('4月30日以降');
    const buttons = all.filter((b) => b.accessory).map((b) => b.accessory);
    expect(buttons.map((b) => [b?.action_id, b?.value])).toEqual([
      ['open_progress', '101'],
      ['open_progress', '102'],
    ]);
    expect(all[3]?.text?.text).toContain('最終報告: 3月2日（🟡 注意）');
    expect(all[2]?.text?.text).toContain('最終報告: なし');
  });

  it('uses the action the foundation listens to', () => {
    expect(REMINDER_OPEN_PROGRESS_ACTION).toBe(OPEN_PROGRESS_ACTION);
  });

  it('escapes user text so a title cannot mention or link', () => {
    const { blocks } = buildReminderMessage({
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      day: '2027-05-25',
      reasons: [{ ...countdown, windowName: '<!channel> 評価' }],
      targets: [target(1, { title: '<@U999> & <https://evil|click>' })],
    });
    const json = JSON.stringify(blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U999>');
    expect(json).toContain('&lt;@U999&gt; &amp; &lt;https://evil|click&gt;');
  });

  it('stays within 50 blocks and 3000 characters per section, summarising the rest', () => {
    const targets = Array.from({ length: 120 }, (_, i) => target(i, { title: '長'.repeat(5000) }));
    const { blocks } = buildReminderMessage({
      locale: 'en',
      timeZone: 'Asia/Tokyo',
      day: '2027-05-25',
      reasons: [countdown, checkin],
      targets,
    });
    expect(blocks.length).toBeLessThanOrEqual(50);
    const all = blocks as Block[];
    expect(all.filter((b) => b.accessory)).toHaveLength(REMINDER_MAX_LISTED);
    for (const b of all) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(blocks)).toContain('80 more targets need a report');
    expect(JSON.stringify(blocks)).toContain('also serves as your regular check-in');
  });

  it('words the last day, tomorrow and a check-in, in both languages', () => {
    const base = { timeZone: 'Asia/Tokyo', targets: [target(1)] };
    const lastDay = buildReminderMessage({
      ...base,
      locale: 'en',
      day: '2027-06-18',
      reasons: [{ ...countdown, kind: 'last-day', daysBefore: null }],
    });
    expect((lastDay.blocks[0] as Block).text?.text).toContain('closes on Jun 20');
    const tomorrow = buildReminderMessage({ ...base, locale: 'ja', day: '2027-05-31', reasons: [countdown] });
    expect((tomorrow.blocks[0] as Block).text?.text).toContain('明日から');
    const check = buildReminderMessage({ ...base, locale: 'ja', day: '2027-05-24', reasons: [checkin] });
    expect((check.blocks[0] as Block).text?.text).toContain('定例の進捗確認です。次の重点目標について、5月10日以降');
    const updated = buildReminderMessage({
      ...base,
      locale: 'ja',
      day: '2027-05-25',
      reasons: [countdown],
      updatedOn: '2027-05-25',
    });
    expect(JSON.stringify(updated.blocks)).toContain('5月25日更新');
  });
});

describe('buildReminderNudge', () => {
  it('says how close the window is and how many targets are open', () => {
    expect(buildReminderNudge({ locale: 'ja', day: '2027-05-25', reasons: [countdown], count: 3 }).text).toBe(
      '⏰ *自己評価* の受付開始まであと7日です。報告が必要な目標が3件あります（上のメッセージのボタンから報告できます）。',
    );
    expect(buildReminderNudge({ locale: 'en', day: '2027-05-31', reasons: [countdown], count: 1 }).text).toContain(
      'opens tomorrow',
    );
  });
});
