import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { DigestData } from '../digest/types.js';
import type { Locale } from '../i18n/messages.js';
import { CHART_FONT_FAMILY, type ChartSpec, digestChartOption } from './digest-chart-option.js';
import { chartFontFiles } from './fonts.js';

type ECharts = typeof import('echarts/core');
let echartsLoading: Promise<ECharts> | undefined;

/**
 * ECharts with only what the digest chart draws, loaded on first use. The umbrella `echarts`
 * import registers every chart type and component: 42 MB of RSS in every bot process, for a chart
 * drawn once a week; these six installers take 21 MB and draw the same SVG (a test compares them).
 */
function loadECharts(): Promise<ECharts> {
  echartsLoading ??= (async () => {
    const [core, ...installers] = await Promise.all([
      import('echarts/core'),
      import('echarts/lib/chart/line/install.js'),
      import('echarts/lib/chart/bar/install.js'),
      import('echarts/lib/component/title/install.js'),
      import('echarts/lib/component/legend/install.js'),
      import('echarts/lib/component/grid/installSimple.js'),
      import('echarts/lib/renderer/installSVGRenderer.js'),
    ]);
    core.use(installers.map((m) => m.install));
    return core;
  })().catch((error: unknown) => {
    echartsLoading = undefined;
    throw error;
  });
  return echartsLoading;
}

/** An ECharts option rendered server-side to SVG (no DOM, no canvas). */
export async function renderChartSvg(spec: ChartSpec): Promise<string> {
  const echarts = await loadECharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Printable ASCII is always kept: digits, signs and Latin letters may appear in any label. */
const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

/** Every character an SVG's text can show (the character data between its tags, entities decoded). */
export function svgCharacters(svg: string): string {
  const text = [...svg.matchAll(/>([^<]+)</g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (entity, body: string) => {
      if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
      if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
      return XML_ENTITIES[body] ?? entity;
    });
  return [...new Set(text + PRINTABLE_ASCII)].join('');
}

/**
 * SVG to PNG with only the bundled Japanese font, so the output is the same on every host. The
 * font is first cut down to the characters the SVG shows: the rasteriser prepares the whole font
 * for every text element, which with Noto Sans JP (5 MB, 17,000 glyphs) took about 4 ms each, a
 * second for a 200-department chart; with the subset the PNG is byte for byte the same. The
 * subsets go through a private temporary folder because this version of the rasteriser reads
 * fonts only from files.
 */
export async function rasterise(svg: string, fontFiles: string[] = chartFontFiles()): Promise<Buffer> {
  const characters = svgCharacters(svg);
  // Loaded on first use: the subsetter and its WebAssembly add about 20 MB to a process, and most
  // processes (and most of a bot's week) never draw a chart.
  const { default: subsetFont } = await import('subset-font');
  const dir = await mkdtemp(join(tmpdir(), 'tracker-chart-'));
  try {
    // One font at a time: the subsetter's WebAssembly memory grows to hold the font it works on.
    const subsets: string[] = [];
    for (const [i, file] of fontFiles.entries()) {
      const path = join(dir, `font-${i}.ttf`);
      await writeFile(path, await subsetFont(await readFile(file), characters, { targetFormat: 'truetype' }));
      subsets.push(path);
    }
    const resvg = new Resvg(svg, {
      font: {
        fontFiles: subsets,
        loadSystemFonts: false,
        defaultFontFamily: CHART_FONT_FAMILY,
        sansSerifFamily: CHART_FONT_FAMILY,
      },
      background: '#ffffff',
      fitTo: { mode: 'original' },
    });
    return resvg.render().asPng();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The digest chart (trend over the year and departments by status) as a PNG. */
export async function renderDigestChart(data: DigestData, locale: Locale): Promise<Buffer> {
  return rasterise(await renderChartSvg(digestChartOption(data, locale)));
}
