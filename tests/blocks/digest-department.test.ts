import { describe, expect, it } from 'vitest';
import { buildDepartmentDigest, departmentFallback } from '../../src/blocks/digest-department.js';
import { syntheticDigestData } from '../helpers/digest-fixtures.js';
import { allText, expectWithinSlackLimits } from '../helpers/digest-limits.js';

describe('buildDepartmentDigest', () => {
  const data = syntheticDigestData({ departments: 3, targetsPerDepartment: 12 });
  const department = data.departments[1];
  if (!department) throw new Error('no department');
  const own = data.targets.filter((t) => t.departmentId === department.id);

  it('shows the department counts and lists what needs doing', () => {
    const messages = buildDepartmentDigest(data, department.id, 'ja');
    expectWithinSlackLimits(messages);
    expect(messages).toHaveLength(1);
    const text = allText(messages);
    expect(messages[0]?.blocks[0]).toMatchObject({ type: 'header', text: { text: '第2部 週次ダイジェスト' } });
    expect(text).toContain(`*令和8年度の重点目標 ${own.length}件*`);
    for (const t of own.filter((x) => x.status === 'off_track' || x.status === 'at_risk')) {
      expect(text).toContain(`\`${t.code}\``);
    }
    expect(text).toContain('*遅延・注意の目標*');
    expect(text).toContain(`*期限を過ぎたマイルストーン*（${department.overdueMilestones}件）`);
    expect(text).toContain(`*14日を超えて報告のない目標*（${department.silentTargets}件）`);
    expect(text).toContain('（報告なし）');
    expect(text).toContain('（最終報告 11月1日）');
    expect(text).toContain('`/progress`');
    // Other departments' targets stay out.
    expect(text).not.toContain('`D1-');
    expect(text).not.toContain('`D3-');
  });

  it('lists off-track targets before at-risk ones', () => {
    const text = allText(buildDepartmentDigest(data, department.id, 'ja'));
    const section = text.slice(text.indexOf('*遅延・注意の目標*'));
    expect(section.indexOf('🔴')).toBeLessThan(section.indexOf('🟡'));
  });

  it('says all is clear when nothing needs doing', () => {
    const clear = syntheticDigestData({ departments: 1, targetsPerDepartment: 1 });
    const only = clear.targets[0];
    if (!only) throw new Error('no target');
    Object.assign(only, { status: 'on_track', previousStatus: 'on_track', silent: false, overdueMilestones: [] });
    clear.changes = [];
    expect(allText(buildDepartmentDigest(clear, 1, 'ja'))).toContain(
      '遅延・注意の目標、期限超過のマイルストーン、報告の途絶えた目標はありません。',
    );
  });

  it('continues a very large department in the thread within the limits', () => {
    const big = syntheticDigestData({ departments: 1, targetsPerDepartment: 600 });
    const messages = buildDepartmentDigest(big, 1, 'ja');
    expectWithinSlackLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    const text = allText(messages);
    for (const t of big.targets.filter((x) => x.status === 'off_track')) expect(text).toContain(`\`${t.code}\``);
    expect(messages[1]?.text).toContain('（続き 2/');
  });

  it('returns nothing for an unknown department', () => {
    expect(buildDepartmentDigest(data, 999, 'ja')).toEqual([]);
  });

  it('speaks English', () => {
    const text = allText(buildDepartmentDigest(data, department.id, 'en'));
    expect(text).toContain('Department No. 2: weekly digest');
    expect(text).toContain(`*${own.length} key targets in FY2026*`);
    expect(text).toContain('(never reported)');
    expect(departmentFallback('en', data, department)).toMatch(
      /^Department No\. 2 weekly digest \(Nov 30\): on track \d+/,
    );
  });
});

describe('departmentFallback', () => {
  it('escapes the department name (the notification text is mrkdwn too)', () => {
    const data = syntheticDigestData({
      departments: 1,
      targetsPerDepartment: 2,
      departmentName: () => '<!channel> 部',
    });
    const department = data.departments[0];
    if (!department) throw new Error('no department');
    const text = departmentFallback('ja', data, department);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt; 部 週次ダイジェスト');
    const messages = buildDepartmentDigest(data, department.id, 'ja');
    expect(messages[0]?.text).toBe(text);
  });
});
