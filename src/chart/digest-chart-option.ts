import type { EChartsOption } from 'echarts';
import { fiscalYearLabel, formatDay } from '../calendar/format.js';
import type { DigestData, DigestDepartment, DigestStatus, TrendPoint } from '../digest/types.js';
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
 * (unreadable, and heavy to rasterise); the chart then shows the departments furthest behind and
 * says so in its heading. The digest text still lists every department.
 */
export const CHART_MAX_DEPARTMENTS = 250;

/** The statuses that count as behind: off track, at risk, and not reported. */
export const BEHIND_STATUSES = ['off_track', 'at_risk', 'not_reported'] as const satisfies readonly DigestStatus[];

/** A department's targets behind and in all (the sum of its status counts). */
export function behindOf(d: Pick<DigestDepartment, 'counts'>): { behind: number; total: number } {
  const total = DIGEST_STATUSES.reduce((n, s) => n + d.counts[s], 0);
  const behind = BEHIND_STATUSES.reduce((n, s) => n + d.counts[s], 0);
  return { behind, total };
}

/** The share of a department's targets behind, 0–1; 0 for a department without targets. */
export function behindShare(d: Pick<DigestDepartment, 'counts'>): number {
  const { behind, total } = behindOf(d);
  return total === 0 ? 0 : behind / total;
}

/** Codes in natural order (D2 before D10), the same on every machine. */
const CODE_ORDER = new Intl.Collator('ja', { numeric: true });

/**
 * The departments the chart shows, furthest behind first: by the share of targets off track, at
 * risk or not reported, ties by code and then name so that the order is the same every week. Beyond
 * CHART_MAX_DEPARTMENTS only the first are shown.
 */
export function chartDepartments(departments: readonly DigestDepartment[]): DigestDepartment[] {
  return departments
    .map((d) => ({ d, share: behindShare(d) }))
    .sort(
      (a, b) => b.share - a.share || CODE_ORDER.compare(a.d.code, b.d.code) || CODE_ORDER.compare(a.d.name, b.d.name),
    )
    .slice(0, CHART_MAX_DEPARTMENTS)
    .map((x) => x.d);
}

/** Each status's share of the counts in percent (all 0 when there are none). */
export function statusPercents(counts: Record<DigestStatus, number>): Record<DigestStatus, number> {
  const total = DIGEST_STATUSES.reduce((n, s) => n + counts[s], 0);
  const out = { ...counts };
  for (const s of DIGEST_STATUSES) out[s] = total === 0 ? 0 : (counts[s] / total) * 100;
  return out;
}

/** A whole percentage for labels: "<1" rather than a misleading 0 when something is behind. */
export function percentLabel(part: number, total: number): string {
  if (total === 0 || part === 0) return '0';
  const p = Math.round((part / total) * 100);
  if (p === 0) return '<1';
  if (p === 100 && part < total) return '>99';
  return String(p);
}

function statusName(locale: Locale, status: DigestStatus): string {
  return t(locale, status === 'not_reported' ? 'digest.status.not_reported' : `status.${status}`);
}

function shortDay(day: string): string {
  return `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
}

/** Segments narrower than this share (in %) carry no count: the digits would not fit. */
const SEGMENT_LABEL_MIN = 4;
/** Room right of the bars for each department's "behind/targets" label. */
const COUNT_WIDTH = 110;
const LIGHT_STATUSES: readonly DigestStatus[] = ['at_risk', 'not_reported'];

/**
 * How the trend panel reads. `weeks`: the weekly points from the week before the first report on
 * (earlier weeks would only be grey); `first-week`: at most one week has reports, so the panel shows
 * this week's shares as one labelled bar and a note instead of an area that cannot be drawn yet.
 */
export type TrendMode =
  | { kind: 'weeks'; points: TrendPoint[] }
  | { kind: 'first-week'; point: TrendPoint; reported: boolean };

export function trendMode(data: Pick<DigestData, 'trend' | 'today' | 'totals'>): TrendMode {
  const hasReports = (p: TrendPoint) => DIGEST_STATUSES.some((s) => s !== 'not_reported' && p.counts[s] > 0);
  const first = data.trend.findIndex(hasReports);
  const reportedWeeks = first === -1 ? 0 : data.trend.length - first;
  if (reportedWeeks >= 2) return { kind: 'weeks', points: data.trend.slice(Math.max(0, first - 1)) };
  const point = { day: data.today, counts: data.totals };
  return { kind: 'first-week', point, reported: hasReports(point) };
}

/**
 * The digest chart as an ECharts option: the weekly share of each status (stacked areas, top) and
 * every department's targets by status in percent (stacked 100 % bars, below), furthest behind
 * first, each labelled with its targets behind over its targets. The height grows with the number
 * of departments so every name stays legible.
 */
export function digestChartOption(data: DigestData, locale: Locale): ChartSpec {
  const departments = chartDepartments(data.departments);
  const partial = departments.length < data.departments.length;
  const barsTop = TOP + TREND_HEIGHT + GAP;
  const barsHeight = Math.max(1, departments.length) * ROW_HEIGHT;
  const height = barsTop + barsHeight + BOTTOM;
  const names = departments.map((d) => truncate(locale === 'en' && d.nameEn ? d.nameEn : d.name, NAME_MAX[locale]));
  const countLabels = departments.map((d) => {
    const { behind, total } = behindOf(d);
    return `${behind}/${total} (${percentLabel(behind, total)}%)`;
  });
  const text = { fontFamily: CHART_FONT_FAMILY };
  const mode = trendMode(data);
  const trendPoints = mode.kind === 'weeks' ? mode.points : [mode.point];
  const days = trendPoints.map((p) => shortDay(p.day));
  const pointTotal = mode.kind === 'first-week' ? DIGEST_STATUSES.reduce((n, s) => n + mode.point.counts[s], 0) : 0;

  const trendSeries = DIGEST_STATUSES.map((status) => {
    const shares = trendPoints.map((p) => Math.round(statusPercents(p.counts)[status] * 10) / 10);
    const common = {
      name: statusName(locale, status),
      xAxisIndex: 0,
      yAxisIndex: 0,
      stack: 'share',
      color: STATUS_COLORS[status],
    };
    if (mode.kind === 'weeks') {
      return {
        ...common,
        type: 'line' as const,
        symbol: 'none',
        areaStyle: { opacity: 0.85 },
        lineStyle: { width: 0 },
        data: shares,
      };
    }
    return {
      ...common,
      type: 'bar' as const,
      barWidth: 120,
      label: {
        show: (shares[0] ?? 0) >= SEGMENT_LABEL_MIN,
        position: 'inside' as const,
        ...text,
        fontSize: 12,
        color: LIGHT_STATUSES.includes(status) ? '#222' : '#fff',
        formatter: `${statusName(locale, status)} ${percentLabel(mode.point.counts[status], pointTotal)}%`,
      },
      data: shares,
    };
  });

  const barSeries = DIGEST_STATUSES.map((status) => ({
    name: statusName(locale, status),
    type: 'bar' as const,
    xAxisIndex: 1,
    yAxisIndex: 1,
    stack: 'departments',
    barWidth: ROW_HEIGHT - 6,
    color: STATUS_COLORS[status],
    label: {
      position: 'inside' as const,
      ...text,
      fontSize: 10,
      color: LIGHT_STATUSES.includes(status) ? '#222' : '#fff',
    },
    data: departments.map((d) => {
      const value = statusPercents(d.counts)[status];
      const count = d.counts[status];
      return { value, label: { show: count > 0 && value >= SEGMENT_LABEL_MIN, formatter: String(count) } };
    }),
  }));

  const behindNow = BEHIND_STATUSES.reduce((n, s) => n + data.totals[s], 0);
  const trendNote =
    mode.kind === 'weeks'
      ? []
      : [
          {
            text: [
              t(locale, mode.reported ? 'digest.chart.first_week' : 'digest.chart.no_reports'),
              t(locale, 'digest.chart.behind_now', {
                behind: behindNow,
                total: data.targetCount,
                percent: percentLabel(behindNow, data.targetCount),
              }),
            ].join('\n'),
            left: LABEL_WIDTH + 40,
            top: TOP + TREND_HEIGHT / 2 - 30,
            textStyle: { ...text, fontSize: 15, lineHeight: 24, color: '#333' },
          },
        ];

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
      ...trendNote,
      {
        text: partial
          ? t(locale, 'digest.chart.departments_top', { shown: departments.length, total: data.departments.length })
          : t(locale, 'digest.chart.departments'),
        left: 20,
        top: barsTop - 46,
        textStyle: { ...text, fontSize: 14, color: '#444' },
      },
      {
        text: t(locale, 'digest.chart.behind_column'),
        right: 12,
        top: barsTop - 46,
        textStyle: { ...text, fontSize: 11, color: '#444' },
      },
    ],
    legend: {
      top: 14,
      right: 20,
      textStyle: { ...text, fontSize: 13 },
      data: DIGEST_STATUSES.map((s) => statusName(locale, s)),
    },
    grid: [
      mode.kind === 'weeks'
        ? { left: LABEL_WIDTH, right: COUNT_WIDTH, top: TOP + 10, height: TREND_HEIGHT - 30 }
        : // One bar for this week, left of the note.
          { left: 90, width: 160, top: TOP + 10, height: TREND_HEIGHT - 30 },
      { left: LABEL_WIDTH, right: COUNT_WIDTH, top: barsTop, height: barsHeight },
    ],
    xAxis: [
      {
        type: 'category',
        gridIndex: 0,
        boundaryGap: mode.kind !== 'weeks',
        data: days,
        axisLabel: { ...text, fontSize: 11 },
      },
      {
        type: 'value',
        gridIndex: 1,
        position: 'top',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { ...text, fontSize: 11, formatter: '{value}%' },
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
      {
        type: 'category',
        gridIndex: 1,
        position: 'right',
        inverse: true,
        data: countLabels,
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { ...text, fontSize: 12, color: '#222', interval: 0 },
      },
    ],
    series: [...trendSeries, ...barSeries],
  };
  return { option, width: WIDTH, height };
}
