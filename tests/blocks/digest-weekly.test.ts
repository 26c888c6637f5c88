import { describe, expect, it } from 'vitest';
import { buildWeeklyDigest, departmentLine, weeklyFallback } from '../../src/blocks/digest-weekly.js';
import { syntheticDigestData } from '../helpers/digest-fixtures.js';
import { allText, expectWithinSlackLimits } from '../helpers/digest-limits.js';

describe('buildWeeklyDigest', () => {
  it('fits a small organisation in one message with the headline figures', () => {
    const data = syntheticDigestData({ departments: 20, targetsPerDepartment: 14 });
    const messages = buildWeeklyDigest(data, 'ja', { chart: true });
    expectWithinSlackLimits(messages);
    expect(messages).toHaveLength(1);
    const text = allText(messages);
    expect(messages[0]?.blocks[0]).toMatchObject({ type: 'header', text: { text: '週次進捗ダイジェスト 令和8年度' } });
    expect(text).toContain('11月30日時点・前回（11月23日）との比較');
    expect(text).toContain(`*全体の状況*（重点目標 ${data.targetCount}件）`);
    expect(text).toContain(`🔴 遅延 *${data.totals.off_track}*（前週比 `);
    expect(text).toContain('あと *183日*');
    expect(text).toContain('*重点的に見るべき部*');
    // The chart goes in the thread, and the message says so.
    expect(text).toContain('スレッドにあります（1件）');
    for (const d of data.departments) expect(text).toContain(`*${d.name}*`);
  });

  it('does not point to a thread when there is neither chart nor continuation', () => {
    const data = syntheticDigestData({ departments: 3, targetsPerDepartment: 3 });
    const messages = buildWeeklyDigest(data, 'ja', { chart: false });
    expect(messages).toHaveLength(1);
    expect(allText(messages)).not.toContain('スレッド');
  });

  it('continues 200 departments × 30 targets in thread messages within every Slack limit, naming every department', () => {
    const data = syntheticDigestData({ departments: 200, targetsPerDepartment: 30, longNames: true });
    const messages = buildWeeklyDigest(data, 'ja', { chart: true });
    expectWithinSlackLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    const text = allText(messages);
    for (const d of data.departments) {
      // Escaped for mrkdwn: the name carries < and > and &.
      const escaped = d.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(text).toContain(`*${escaped}*`);
    }
    // Every change is listed, none dropped.
    for (const c of data.changes) expect(text).toContain(`\`${c.code}\``);
    messages.slice(1).forEach((m, i) => {
      expect(m.blocks[0]).toMatchObject({ type: 'context' });
      expect(m.text).toContain(`（続き ${i + 2}/${messages.length}）`);
    });
    expect(messages[0]?.text).toContain('週次進捗ダイジェスト');
  });

  it('keeps the headline (totals, changes, review, where to look) in the first message', () => {
    const data = syntheticDigestData({ departments: 200, targetsPerDepartment: 30 });
    const first = buildWeeklyDigest(data, 'ja', { chart: false })[0];
    const text = allText(first ? [first] : []);
    expect(text).toContain('*全体の状況*');
    expect(text).toContain('*今週の変化*');
    expect(text).toContain('次の評価');
    expect(text).toContain('*重点的に見るべき部*');
  });

  it('escapes department names and target titles (no mention injection)', () => {
    const data = syntheticDigestData({
      departments: 2,
      targetsPerDepartment: 5,
      departmentName: () => '<!channel> & 部',
    });
    const target = data.targets[0];
    if (target)
      data.changes.push({
        kind: 'off_track',
        targetId: target.id,
        code: 'X-1',
        title: '<@U123> を呼ぶ',
        departmentId: 1,
        from: 'on_track',
        to: 'off_track',
      });
    const text = allText(buildWeeklyDigest(data, 'ja', { chart: false }));
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U123>');
    expect(text).toContain('&lt;!channel&gt; &amp; 部');
    expect(text).toContain('&lt;@U123&gt;');
  });

  it('speaks English with English department names', () => {
    const data = syntheticDigestData({ departments: 4, targetsPerDepartment: 6 });
    const messages = buildWeeklyDigest(data, 'en', { chart: true });
    const text = allText(messages);
    expect(messages[0]?.blocks[0]).toMatchObject({ text: { text: 'Weekly progress digest FY2026' } });
    expect(text).toContain('As of Nov 30, compared with Nov 23');
    expect(text).toContain('*Department No. 1*');
    expect(text).toContain('Next review: *自己評価* (FY2026) Jun 1, 2027–Jun 20, 2027, in *183 days*');
    for (const ja of ['前週比', '全体の状況', '部別の状況', '新たに遅延', 'スレッド', '時点'])
      expect(text).not.toContain(ja);
    expect(messages[0]?.text).toMatch(/^Weekly progress digest FY2026 \(Nov 30\): on track \d+/);
  });

  it('says how many days are left while a review window is open', () => {
    const data = syntheticDigestData({ departments: 1, targetsPerDepartment: 1 });
    data.nextReview = {
      name: '自己評価',
      fiscalYear: 2026,
      opensOn: '2026-11-20',
      closesOn: '2026-12-05',
      daysUntil: -10,
      open: true,
    };
    expect(allText(buildWeeklyDigest(data, 'ja', { chart: false }))).toContain('実施中: 12月5日まで　残り *6日*');
  });
});

describe('departmentLine and weeklyFallback', () => {
  it('shows counts by status, indicator achievement, overdue and silent figures', () => {
    const data = syntheticDigestData({ departments: 1, targetsPerDepartment: 10 });
    const d = data.departments[0];
    if (!d) throw new Error('no department');
    const line = departmentLine('ja', d);
    expect(line).toBe(
      `*第1部*　🟢 ${d.counts.on_track} · 🟡 ${d.counts.at_risk} · 🔴 ${d.counts.off_track} · ✅ ${d.counts.done} · ⚪ ${d.counts.not_reported}　｜ 指標 42% · 期限超過 ${d.overdueMilestones} · 無報告 ${d.silentTargets}`,
    );
    expect(departmentLine('ja', { ...d, indicatorTargets: 0 })).not.toContain('指標');
    expect(departmentLine('ja', { ...d, averageAchievement: null })).toContain('指標 —');
  });

  it('keeps the notification text short', () => {
    const data = syntheticDigestData({ departments: 200, targetsPerDepartment: 30 });
    expect(weeklyFallback('ja', data).length).toBeLessThanOrEqual(300);
    expect(weeklyFallback('ja', data)).toContain(`順調 ${data.totals.on_track}`);
  });
});
