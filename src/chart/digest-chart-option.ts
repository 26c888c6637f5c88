import type { EChartsOption } from 'echarts';
import { fiscalYearLabel, formatDay } from '../calendar/format.js';
import { attentionScore } from '../digest/metrics.js';
import type { DigestData, DigestDepartment, DigestStatus } from '../digest/types.js';
import { DIGEST_STATUSES } from '../digest/types.js';
import { truncate } from '../domain/mrkdwn.js';
import { type Locale, t } from '../i18n/messages.js';

/** The one family every text uses: the bundled Noto Sans JP, so Japanese never falls back to tofu. */
export const CHART_FONT_FAMILY = 'Noto Sans JP';

export const STATUS_COLORS: Record<DigestStatus, string> = {
  on_track: '#2e9e5b',
  at_risk: '#f2b134',
  off_track: '#d64545',
  done: '#3f7fd9',
  not_reported: '#b8bcc4',
};

export interface ChartSpec {
  option: EChartsOption;
  width: number;
  height: number;
}

const WIDTH = 1100;
const TOP = 70;
const TREND_HEIGHT = 240;
const GAP = 90;
const ROW_HEIGHT = 22;
const BOTTOM = 40;
/** Room for department names left of the bars (16 Japanese or 34 Latin characters at 12px). */
const LABEL_WIDTH = 250;
/** Long English department names would squeeze the bars; the digest text has the full names. */
const NAME_MAX = { ja: 16, en: 34 } as const;

/**
 * Beyond this many departments one bar each would make an image tens of thousands of pixels tall
 * (unreadable, and heavy to rasterise); the chart then shows those needing most attention and says
 * so in its heading. The digest text still lists every department.
 */
export const CHART_MAX_DEPARTMENTS = 250;

/** The departments the chart shows, in the organisation's order. */
export function chartDepartments(departments: readonly DigestDepartment[]): DigestDepartment[] {
  if (departments.length <= CHART_MAX_DEPARTMENTS) return [...departments];
  const chosen = new Set(
    departments
      .map((d, index) => ({ d, index, score: attentionScore(d) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, CHART_MAX_DEPARTMENTS)
      .map((x) => x.d.id),
  );
  return departments.filter((d) => chosen.has(d.id));
}

function statusName(locale: Locale, status: DigestStatus): string {
  return t(locale, status === 'not_reported' ? 'digest.status.not_reported' : `status.${status}`);
}

function shortDay(day: string): string {
  return `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
}

/**
 * The digest chart as an ECharts option: the weekly share of each status over the fiscal year
 * (stacked areas, top) and every department's targets by status (stacked horizontal bars, below).
 * The height grows with the number of departments so every name stays legible.
 */
export function digestChartOption(data: DigestData, locale: Locale): ChartSpec {
  const departments = chartDepartments(data.departments);
  const partial = departments.length < data.departments.length;
  const barsTop = TOP + TREND_HEIGHT + GAP;
  const barsHeight = Math.max(1, departments.length) * ROW_HEIGHT;
  const height = barsTop + barsHeight + BOTTOM;
  const names = departments.map((d) => truncate(locale === 'en' && d.nameEn ? d.nameEn : d.name, NAME_MAX[locale]));
  const days = data.trend.map((p) => shortDay(p.day));
  const text = { fontFamily: CHART_FONT_FAMILY };

  const trendSeries = DIGEST_STATUSES.map((status) => ({
    name: statusName(locale, status),
    type: 'line' as const,
    xAxisIndex: 0,
    yAxisIndex: 0,
    stack: 'share',
    symbol: 'none',
    areaStyle: { opacity: 0.85 },
    lineStyle: { width: 0 },
    color: STATUS_COLORS[status],
    data: data.trend.map((p) => {
      const total = DIGEST_STATUSES.reduce((n, s) => n + p.counts[s], 0);
      return total === 0 ? 0 : Math.round((p.counts[status] / total) * 1000) / 10;
    }),
  }));
  const barSeries = DIGEST_STATUSES.map((status) => ({
    name: statusName(locale, status),
    type: 'bar' as const,
    xAxisIndex: 1,
    yAxisIndex: 1,
    stack: 'departments',
    barWidth: ROW_HEIGHT - 6,
    color: STATUS_COLORS[status],
    data: departments.map((d) => d.counts[status]),
  }));

  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: text,
    title: [
      {
        text: t(locale, 'digest.chart.title', {
          fy: fiscalYearLabel(data.fiscalYear, locale),
          date: formatDay(data.today, locale),
        }),
        left: 20,
        top: 12,
        textStyle: { ...text, fontSize: 20, fontWeight: 'bold', color: '#222' },
      },
      {
        text: t(locale, 'digest.chart.trend'),
        left: 20,
        top: TOP - 24,
        textStyle: { ...text, fontSize: 14, color: '#444' },
      },
      {
        text: partial
          ? t(locale, 'digest.chart.departments_top', { shown: departments.length, total: data.departments.length })
          : t(locale, 'digest.chart.departments'),
        left: 20,
        top: barsTop - 46,
        textStyle: { ...text, fontSize: 14, color: '#444' },
      },
    ],
    legend: {
      top: 14,
      right: 20,
      textStyle: { ...text, fontSize: 13 },
      data: DIGEST_STATUSES.map((s) => statusName(locale, s)),
    },
    grid: [
      { left: LABEL_WIDTH, right: 40, top: TOP + 10, height: TREND_HEIGHT - 30 },
      { left: LABEL_WIDTH, right: 40, top: barsTop, height: barsHeight },
    ],
    xAxis: [
      {
        type: 'category',
        gridIndex: 0,
        boundaryGap: false,
        data: days,
        axisLabel: { ...text, fontSize: 11 },
      },
      {
        type: 'value',
        gridIndex: 1,
        position: 'top',
        minInterval: 1,
        axisLabel: { ...text, fontSize: 11 },
      },
    ],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { ...text, fontSize: 11, formatter: '{value}%' },
      },
      {
        type: 'category',
        gridIndex: 1,
        inverse: true,
        data: names,
        axisTick: { show: false },
        axisLabel: { ...text, fontSize: 12, color: '#222', interval: 0 },
      },
    ],
    series: [...trendSeries, ...barSeries],
  };
  return { option, width: WIDTH, height };
}
