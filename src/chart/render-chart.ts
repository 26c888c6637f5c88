import type { DigestData } from '../digest/types.js';
import type { Locale } from '../i18n/messages.js';
import { CHART_FONT_FAMILY, type ChartSpec, digestChartOption } from './digest-chart-option.js';
import { chartFontFiles } from './fonts.js';

type ECharts = typeof import('echarts/core');
type CanvasModule = typeof import('@napi-rs/canvas');
/** ECharts types its canvas as the DOM's; Skia's canvas has the subset it uses (no DOM lib here). */
type ChartDom = Parameters<ECharts['init']>[0];
type PlatformCanvas = ReturnType<NonNullable<Parameters<ECharts['setPlatformAPI']>[0]['createCanvas']>>;
interface Renderer {
  echarts: ECharts;
  canvas: CanvasModule;
}
let rendererLoading: Promise<Renderer> | undefined;

/**
 * ECharts with only what the digest chart draws, and the Skia canvas it draws on, loaded on first
 * use: a chart is drawn once a week, and the umbrella `echarts` import alone would add 42 MB of
 * RSS to every bot process (these six installers take 21 MB and draw the same pixels; a test
 * compares them). The fonts are registered once: Skia keeps them, so each label does not
 * prepare the 5 MB font again.
 */
function loadRenderer(): Promise<Renderer> {
  rendererLoading ??= (async () => {
    const [canvas, echarts, ...installers] = await Promise.all([
      import('@napi-rs/canvas'),
      import('echarts/core'),
      import('echarts/lib/chart/line/install.js'),
      import('echarts/lib/chart/bar/install.js'),
      import('echarts/lib/component/title/install.js'),
      import('echarts/lib/component/legend/install.js'),
      import('echarts/lib/component/grid/installSimple.js'),
      import('echarts/lib/renderer/installCanvasRenderer.js'),
    ]);
    for (const file of chartFontFiles()) {
      if (!canvas.GlobalFonts.registerFromPath(file, CHART_FONT_FAMILY)) {
        throw new Error(`chart font could not be loaded: ${file}`);
      }
    }
    echarts.use(installers.map((m) => m.install));
    // ECharts lays labels out with the widths this canvas measures, in the same fonts it draws.
    echarts.setPlatformAPI({ createCanvas: () => canvas.createCanvas(1, 1) as unknown as PlatformCanvas });
    return { echarts, canvas };
  })().catch((error: unknown) => {
    rendererLoading = undefined;
    throw error;
  });
  return rendererLoading;
}

/**
 * An ECharts option drawn on a Skia canvas in the bundled Japanese font, as a PNG. The PNG is
 * encoded on libuv's thread pool, so the event loop keeps answering Slack meanwhile.
 */
export async function renderChartPng(spec: ChartSpec): Promise<Buffer> {
  if (!(Number.isInteger(spec.width) && Number.isInteger(spec.height) && spec.width > 0 && spec.height > 0)) {
    throw new Error(`chart size must be positive whole pixels, got ${spec.width} × ${spec.height}`);
  }
  const { echarts, canvas } = await loadRenderer();
  const surface = canvas.createCanvas(spec.width, spec.height);
  const chart = echarts.init(surface as unknown as ChartDom, null, {
    width: spec.width,
    height: spec.height,
  });
  try {
    // Drawn synchronously: setOption flushes the canvas when it is not in SSR mode.
    chart.setOption(spec.option);
    return await surface.encode('png');
  } finally {
    chart.dispose();
    // Frees the 21 MB pixel buffer now instead of at some later garbage collection.
    surface.width = 1;
    surface.height = 1;
  }
}

/** The digest chart (trend over the year and departments by status) as a PNG. */
export async function renderDigestChart(data: DigestData, locale: Locale): Promise<Buffer> {
  return renderChartPng(digestChartOption(data, locale));
}
