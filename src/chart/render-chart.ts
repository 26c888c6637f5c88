import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { DigestData } from '../digest/types.js';
import type { Locale } from '../i18n/messages.js';
import { CHART_FONT_FAMILY, type ChartSpec, digestChartOption } from './digest-chart-option.js';
import { chartFontFiles } from './fonts.js';

/** An ECharts option rendered server-side to SVG (no DOM, no canvas). */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** SVG to PNG with only the bundled Japanese font, so the output is the same on every host. */
export function rasterise(svg: string, fontFiles: string[] = chartFontFiles()): Buffer {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
    background: '#ffffff',
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}

/** The digest chart (trend over the year and departments by status) as a PNG. */
export function renderDigestChart(data: DigestData, locale: Locale): Buffer {
  return rasterise(renderChartSvg(digestChartOption(data, locale)));
}
