import { describe, expect, it } from 'vitest';
import { ALT_TEXT_MAX, digestChartAltText } from '../../src/chart/digest-chart-alt-text.js';
import { chartAttachment } from '../../src/digest/chart-attachment.js';
import type { AppLogger } from '../../src/logger.js';
import { digestDataWithDepartments, syntheticDigestData } from '../helpers/digest-fixtures.js';

// 279 targets, 12 behind: 総務部 3/12, 区民文化部 2/10, 危機管理室 1/4 (25 %) ahead of 健康生きがい部 6/40.
const org = digestDataWithDepartments([
  { code: 'D01', name: '政策経営部', nameEn: 'Policy and Management', counts: { on_track: 100, done: 13 } },
  { code: 'D02', name: '総務部', nameEn: 'General Affairs', counts: { on_track: 9, off_track: 2, at_risk: 1 } },
  { code: 'D03', name: '区民文化部', nameEn: 'Civic Culture', counts: { on_track: 8, not_reported: 2 } },
  { code: 'D04', name: '危機管理室', counts: { on_track: 3, off_track: 1 } },
  { code: 'D05', name: '健康生きがい部', counts: { on_track: 34, at_risk: 3, not_reported: 3 } },
  { code: 'D06', name: '資源環境部', counts: { on_track: 100 } },
]);

describe('digest chart alt text', () => {
  it('states the headline figures and the departments furthest behind, in Japanese', () => {
    expect(org.targetCount).toBe(279);
    expect(digestChartAltText(org, 'ja')).toBe(
      '遅延・注意・未報告 12件 / 279件（4%）。最も遅れている部: 総務部 (3/12)、危機管理室 (1/4)、区民文化部 (2/10)。' +
        'グラフ: 部別の状況の割合（遅れの多い順）と、週ごとの状況別割合の推移。',
    );
  });

  it('states the same in English, with the English department names where there are any', () => {
    expect(digestChartAltText(org, 'en')).toBe(
      'Off track, at risk or not reported: 12 of 279 (4%). Most behind: General Affairs (3/12), 危機管理室 (1/4), ' +
        'Civic Culture (2/10). Chart: each department’s share of targets by status (most behind first) and the ' +
        'weekly share of each status.',
    );
  });

  it('says when no department is behind', () => {
    const fine = digestDataWithDepartments([{ code: 'D01', name: '総務部', counts: { on_track: 5, done: 1 } }]);
    expect(digestChartAltText(fine, 'ja')).toContain('遅延・注意・未報告 0件 / 6件（0%）。遅れている部はありません。');
    expect(digestChartAltText(fine, 'en')).toContain('0 of 6 (0%). No department is behind.');
  });

  it('cleans control and bidi characters from names and stays within Slack’s 2000 characters', () => {
    const hostile = digestDataWithDepartments(
      [0, 1, 2].map((i) => ({
        code: `D0${i}`,
        name: `\u202E部${i}\u0007${'長'.repeat(3000)}`,
        counts: { off_track: 1 },
      })),
    );
    const ja = digestChartAltText(hostile, 'ja');
    expect(ja.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(ja).not.toContain('\u202E');
    expect(ja).not.toContain('\u0007');
    expect(ja).toContain('部0長');
    // Names are shortened so that all three fit with their counts.
    expect(ja).toContain('(1/1)、');
    expect(ja.match(/\(1\/1\)/g)).toHaveLength(3);
    const many = syntheticDigestData({ departments: 400, targetsPerDepartment: 14, longNames: true });
    expect(digestChartAltText(many, 'en').length).toBeLessThanOrEqual(ALT_TEXT_MAX);
  });

  it('is the alt text of the digest’s chart upload', async () => {
    const logger = { event: () => undefined } as unknown as AppLogger;
    const chart = await chartAttachment(logger, org, 'ja', () => Buffer.from('png'), 'k');
    expect(chart?.altText).toBe(digestChartAltText(org, 'ja'));
    expect(chart?.altText).toContain('12件 / 279件');
  });
});
