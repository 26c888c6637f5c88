import { describe, expect, it } from 'vitest';
import { buildHqSummary, buildManagerEscalation, type EscalationLine } from '../../src/blocks/reminder-escalation.js';

function line(i: number, departmentId = 1, over: Partial<EscalationLine> = {}): EscalationLine {
  return {
    code: `SK-${i}`,
    title: `目標${i}`,
    ownerId: `U${String(i).padStart(4, '0')}`,
    departmentId,
    departmentName: departmentId === 1 ? '政策経営部' : '総務部',
    departmentNameEn: departmentId === 1 ? 'Policy and Management' : 'General Affairs',
    remindedOn: '2027-05-25',
    ...over,
  };
}

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };

describe('buildManagerEscalation', () => {
  it('lists silent targets by department and mentions their owners', () => {
    const { text, blocks } = buildManagerEscalation({
      locale: 'ja',
      businessDays: 2,
      targets: [line(1), line(2), line(3, 2)],
    });
    expect(text).toBe('進捗報告が滞っている重点目標があります（3件）');
    const all = blocks as Block[];
    expect(all[0]?.text?.text).toContain('2営業日');
    expect(all[1]?.text?.text).toBe(
      '*政策経営部*\n• *SK-1* 目標1 — <@U0001>（5月25日に通知）\n• *SK-2* 目標2 — <@U0002>（5月25日に通知）',
    );
    expect(all[2]?.text?.text).toContain('*総務部*');
    expect(JSON.stringify(all.at(-1))).toContain('/tracker reassign');
  });

  it('keeps to 50 blocks and 3000 characters, counting what it leaves out', () => {
    const targets = Array.from({ length: 2000 }, (_, i) => line(i, i % 60, { title: 'x'.repeat(300) }));
    const { blocks } = buildManagerEscalation({ locale: 'en', businessDays: 2, targets });
    expect(blocks.length).toBeLessThanOrEqual(50);
    const all = blocks as Block[];
    for (const b of all) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
    const shown = JSON.stringify(blocks).match(/• \*SK-/g)?.length ?? 0;
    const more = Number(/and (\d+) more/.exec(JSON.stringify(blocks))?.[1]);
    expect(shown + more).toBe(2000);
  });
});

describe('buildHqSummary', () => {
  it('names owners in plain text and never @-mentions anyone', () => {
    const names = new Map([
      ['U0001', '山田 太郎'],
      ['U0002', '<@U9999> & co'],
    ]);
    const { text, blocks } = buildHqSummary({
      locale: 'ja',
      businessDays: 2,
      targets: [line(1), line(2), line(3, 2)],
      names,
    });
    const json = JSON.stringify({ text, blocks });
    expect(json).not.toMatch(/<@/);
    expect(json).toContain('担当: 山田 太郎');
    expect(json).toContain('&lt;@U9999&gt; &amp; co');
    // Unknown names fall back to the plain id, not a mention.
    expect(json).toContain('担当: U0003');
    expect(text).toBe('進捗報告が滞っている重点目標: 3件（2部）');
    expect((blocks[1] as Block).text?.text.startsWith('*政策経営部*（2件）')).toBe(true);
  });

  it('speaks English', () => {
    const { blocks } = buildHqSummary({ locale: 'en', businessDays: 3, targets: [line(1)], names: new Map() });
    expect((blocks[0] as Block).text?.text).toContain(
      '3 business days after their managers were told (1 targets in 1 departments)',
    );
    expect((blocks[1] as Block).text?.text).toContain('*Policy and Management* (1)');
  });
});
