import { describe, expect, it } from 'vitest';
import {
  CHART_MAX_DEPARTMENTS,
  chartDepartments,
  digestChartOption,
  percentLabel,
  trendMode,
} from '../../src/chart/digest-chart-option.js';
import { DIGEST_STATUSES, type DigestData, type DigestDepartment, type StatusCounts } from '../../src/digest/types.js';
import { digestDataWithDepartments, statusCounts, syntheticDigestData } from '../helpers/digest-fixtures.js';

type Counts = Partial<StatusCounts>;

interface BarItem {
  value: number;
  label: { show: boolean; formatter: string };
}
interface Series {
  type: string;
  name: string;
  xAxisIndex: number;
  data: (number | BarItem)[];
  label?: { show: boolean; formatter: string };
}
const seriesOf = (data: DigestData, locale: 'ja' | 'en' = 'ja') =>
  (digestChartOption(data, locale).option.series ?? []) as Series[];
const departmentBars = (data: DigestData) => seriesOf(data).filter((s) => s.xAxisIndex === 1);
const trendSeries = (data: DigestData) => seriesOf(data).filter((s) => s.xAxisIndex === 0);
const yAxis = (data: DigestData, i: number, locale: 'ja' | 'en' = 'ja') =>
  (digestChartOption(data, locale).option.yAxis as { data?: string[] }[])[i]?.data;
const titles = (data: DigestData, locale: 'ja' | 'en') =>
  (digestChartOption(data, locale).option.title as { text: string }[]).map((t) => t.text).join('\n');

const example = digestDataWithDepartments([
  // Import order: the biggest department first, almost all on track.
  { code: 'D01', name: '政策経営部', counts: { on_track: 38, done: 2, at_risk: 1, not_reported: 1 } },
  { code: 'D02', name: '総務部', counts: { on_track: 9, off_track: 2, at_risk: 1 } },
  { code: 'D03', name: '区民文化部', counts: { on_track: 3, not_reported: 3 } },
  { code: 'D10', name: '資源環境部', counts: { on_track: 4, done: 4 } },
  { code: 'D04', name: '危機管理室', counts: { on_track: 3, off_track: 1 } },
  { code: 'D05', name: '会計管理室', counts: {} },
]);

describe('departments on the chart', () => {
  it('come furthest behind first (off track + at risk + not reported over targets), ties by code', () => {
    // 区民文化部 3/6 = 50 %, 総務部 3/12 = 25 % and 危機管理室 1/4 = 25 % (code D02 before D04),
    // 政策経営部 2/42, then 0 % by code: D05 (no targets) before D10.
    expect(chartDepartments(example.departments).map((d) => d.name)).toEqual([
      '区民文化部',
      '総務部',
      '危機管理室',
      '政策経営部',
      '会計管理室',
      '資源環境部',
    ]);
    expect(yAxis(example, 1)).toEqual(['区民文化部', '総務部', '危機管理室', '政策経営部', '会計管理室', '資源環境部']);
  });

  it('keep their order whatever the import order, and order codes naturally (D2 before D10)', () => {
    const rows = [
      { code: 'D10', name: 'B', counts: { on_track: 1, off_track: 1 } },
      { code: 'D2', name: 'A', counts: { on_track: 2, at_risk: 2 } },
      { code: 'D1', name: 'C', counts: { on_track: 1 } },
    ];
    const forward = chartDepartments(digestDataWithDepartments(rows).departments).map((d) => d.code);
    const backward = chartDepartments(digestDataWithDepartments([...rows].reverse()).departments).map((d) => d.code);
    expect(forward).toEqual(['D2', 'D10', 'D1']);
    expect(backward).toEqual(forward);
  });

  it('are drawn as percentages that add up to 100 per department, each segment labelled with its count', () => {
    const bars = departmentBars(example);
    expect(bars.map((s) => s.type)).toEqual(['bar', 'bar', 'bar', 'bar', 'bar']);
    const shown = chartDepartments(example.departments);
    shown.forEach((d, row) => {
      const items = bars.map((s) => s.data[row] as BarItem);
      const sum = items.reduce((n, item) => n + item.value, 0);
      if (d.targetCount === 0) expect(sum).toBe(0);
      else expect(sum, d.name).toBeCloseTo(100, 9);
      DIGEST_STATUSES.forEach((status, k) => {
        const item = items[k] as BarItem;
        expect(item.value).toBeCloseTo(d.targetCount === 0 ? 0 : (d.counts[status] / d.targetCount) * 100, 9);
        expect(item.label.formatter).toBe(String(d.counts[status]));
      });
    });
    // 総務部 (row 1): 9 on track of 12 is 75 %, labelled "9"; 2 off track is 16.7 %, labelled "2".
    const soumu = bars.map((s) => s.data[1] as BarItem);
    expect(soumu[0]).toMatchObject({ value: 75, label: { show: true, formatter: '9' } });
    expect(soumu[2]?.value).toBeCloseTo(16.667, 2);
    expect(soumu[2]?.label).toEqual({ show: true, formatter: '2' });
    // Empty segments and segments too narrow for digits carry no label: 政策経営部's 1 at risk is 2.4 %.
    expect(soumu[3]?.label.show).toBe(false);
    expect((bars[1]?.data[3] as BarItem | undefined)?.label).toEqual({ show: false, formatter: '1' });
  });

  it('carry "behind/targets (percent)" at the right of each bar, with its heading', () => {
    expect(yAxis(example, 2)).toEqual(['3/6 (50%)', '3/12 (25%)', '1/4 (25%)', '2/42 (5%)', '0/0 (0%)', '0/8 (0%)']);
    expect(titles(example, 'ja')).toContain('遅延・注意・未報告/目標数');
    expect(titles(example, 'ja')).toContain('部別の状況（割合、遅延・注意・未報告の多い順）');
    expect(titles(example, 'en')).toContain('Behind / targets');
    expect(titles(example, 'en')).toContain('By department (share of targets, most behind first)');
    const xAxes = digestChartOption(example, 'ja').option.xAxis as {
      max?: number;
      axisLabel?: { formatter?: string };
    }[];
    expect(xAxes[1]).toMatchObject({ max: 100, axisLabel: { formatter: '{value}%' } });
  });

  it('stay readable at 60 departments: one row each, every name and count shown, height grows', () => {
    const data = syntheticDigestData({ departments: 60, targetsPerDepartment: 14 });
    const spec = digestChartOption(data, 'ja');
    expect(yAxis(data, 1)).toHaveLength(60);
    expect(yAxis(data, 2)).toHaveLength(60);
    const axes = spec.option.yAxis as { axisLabel?: { interval?: number; fontSize?: number } }[];
    // interval 0: ECharts hides no label to avoid overlap; each row is 22 px for 12 px text.
    expect(axes[1]?.axisLabel).toMatchObject({ interval: 0, fontSize: 12 });
    expect(axes[2]?.axisLabel).toMatchObject({ interval: 0, fontSize: 12 });
    const smaller = digestChartOption(syntheticDigestData({ departments: 20, targetsPerDepartment: 14 }), 'ja');
    expect(spec.height - smaller.height).toBe(40 * 22);
  });

  it('beyond 250 are the 250 furthest behind, and the heading says so', () => {
    const data = syntheticDigestData({ departments: 400, targetsPerDepartment: 2 });
    // All on track but the last department (off track) and every third (one not reported).
    data.departments.forEach((d, i) => {
      d.counts = statusCounts(i % 3 === 0 ? { on_track: 1, not_reported: 1 } : { on_track: 2 });
    });
    const last = data.departments[399] as DigestDepartment;
    last.counts = statusCounts({ off_track: 2 });
    const shown = chartDepartments(data.departments);
    expect(shown).toHaveLength(CHART_MAX_DEPARTMENTS);
    expect(shown[0]?.id).toBe(last.id);
    // Then the 133 at 50 %, then those at 0 % fill the rest.
    expect(shown.slice(1, 134).every((d) => d.counts.not_reported === 1)).toBe(true);
    expect(shown.slice(134).every((d) => d.counts.on_track === 2)).toBe(true);
    expect(titles(data, 'ja')).toContain('上位250部 / 全400部');
  });
});

describe('the trend panel', () => {
  const trendOf = (statusesPerWeek: Counts[]): DigestData => {
    const data = syntheticDigestData({ departments: 3, targetsPerDepartment: 4 });
    data.trend = statusesPerWeek.map((c, i) => ({
      day: `2026-11-${String(2 + i * 7).padStart(2, '0')}`,
      counts: statusCounts(c),
    }));
    const last = data.trend.at(-1);
    if (last) data.today = last.day;
    if (last) data.totals = last.counts;
    return data;
  };

  it('in the first week of reports shows this week as one stacked bar with each share labelled, and a note', () => {
    const data = trendOf([{ not_reported: 12 }, { not_reported: 12 }, { on_track: 6, at_risk: 3, not_reported: 3 }]);
    expect(trendMode(data).kind).toBe('first-week');
    const series = trendSeries(data);
    expect(series.map((s) => s.type)).toEqual(['bar', 'bar', 'bar', 'bar', 'bar']);
    expect(series.map((s) => s.data)).toEqual([[50], [25], [0], [0], [25]]);
    expect(series.map((s) => s.label?.show)).toEqual([true, true, false, false, true]);
    expect(series[0]?.label?.formatter).toBe('順調 50%');
    expect(series[4]?.label?.formatter).toBe('未報告 25%');
    const xAxes = digestChartOption(data, 'ja').option.xAxis as { data?: string[] }[];
    expect(xAxes[0]?.data).toEqual(['11/16']);
    expect(titles(data, 'ja')).toContain('報告は今週から始まります');
    expect(titles(data, 'ja')).toContain('今週: 遅延・注意・未報告 6件 / 12件（50%）');
    expect(titles(data, 'en')).toContain('Reports start this week');
    expect(seriesOf(data, 'en')[0]?.label?.formatter).toBe('On track 50%');
  });

  it('before any report says so and still labels the one bar (not an empty grey panel)', () => {
    const data = trendOf([{ not_reported: 12 }]);
    expect(trendMode(data)).toMatchObject({ kind: 'first-week', reported: false });
    const series = trendSeries(data);
    expect(series[4]?.data).toEqual([100]);
    expect(series[4]?.label).toMatchObject({ show: true, formatter: '未報告 100%' });
    expect(titles(data, 'ja')).toContain('まだ報告がありません');
    expect(titles(data, 'ja')).toContain('今週: 遅延・注意・未報告 12件 / 12件（100%）');
    expect(titles(data, 'en')).toContain('No reports yet');
  });

  it('uses the digest’s totals when the trend has no point at all', () => {
    const data = trendOf([]);
    data.totals = statusCounts({ on_track: 12 });
    data.today = '2026-04-06';
    expect(trendSeries(data)[0]?.data).toEqual([100]);
    expect(titles(data, 'ja')).toContain('報告は今週から始まります');
  });

  it('from the second week of reports draws the weekly areas from the week before the first report', () => {
    const data = trendOf([
      { not_reported: 12 },
      { not_reported: 12 },
      { on_track: 6, not_reported: 6 },
      { on_track: 9, off_track: 1, not_reported: 2 },
    ]);
    expect(trendMode(data).kind).toBe('weeks');
    const series = trendSeries(data);
    expect(series.map((s) => s.type)).toEqual(['line', 'line', 'line', 'line', 'line']);
    const xAxes = digestChartOption(data, 'ja').option.xAxis as { data?: string[] }[];
    expect(xAxes[0]?.data).toEqual(['11/9', '11/16', '11/23']);
    expect(series[0]?.data).toEqual([0, 50, 75]);
    expect(series[4]?.data).toEqual([100, 50, 16.7]);
    for (let w = 0; w < 3; w += 1) {
      expect(series.reduce((n, s) => n + (s.data[w] as number), 0)).toBeCloseTo(100, 0);
    }
    expect(titles(data, 'ja')).not.toContain('報告は今週から');
  });
});

describe('percentLabel', () => {
  it('rounds to whole percent but never hides a few behind as 0 or a few on track as 100', () => {
    expect(percentLabel(12, 279)).toBe('4');
    expect(percentLabel(1, 279)).toBe('<1');
    expect(percentLabel(278, 279)).toBe('>99');
    expect(percentLabel(0, 279)).toBe('0');
    expect(percentLabel(0, 0)).toBe('0');
    expect(percentLabel(3, 3)).toBe('100');
  });
});
