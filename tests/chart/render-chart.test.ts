import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { describe, expect, it, vi } from 'vitest';
import {
  CHART_FONT_FAMILY,
  CHART_MAX_DEPARTMENTS,
  type ChartSpec,
  chartDepartments,
  digestChartOption,
  STATUS_COLORS,
} from '../../src/chart/digest-chart-option.js';
import { chartFontFiles } from '../../src/chart/fonts.js';
import { renderChartPng, renderDigestChart } from '../../src/chart/render-chart.js';
import { DIGEST_STATUSES } from '../../src/digest/types.js';
import { syntheticDigestData } from '../helpers/digest-fixtures.js';

const root = join(import.meta.dirname, '..', '..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  // IHDR is the first chunk: width and height at bytes 16 and 20.
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The PNG decoded back to RGBA pixels. */
async function pixelsOf(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height).data;
}

/** How many pixels are exactly this colour (#rrggbb). */
function countColor(pixels: Uint8ClampedArray, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) n += 1;
  return n;
}

/** Dark pixels (ink) in an RGBA image on white. */
function ink(pixels: Uint8ClampedArray): number {
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark += 1;
  return dark;
}

/** A chart that is only a title: what the renderer does with a piece of text. */
const textChart = (text: string): ChartSpec => ({
  width: 240,
  height: 48,
  option: {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text, left: 4, top: 8, textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 24, color: '#000' } },
  },
});

describe('Japanese font', () => {
  it('is found in node_modules (@expo-google-fonts/noto-sans-jp)', () => {
    const files = chartFontFiles();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/NotoSansJP_400Regular\.ttf$/);
    expect(files[1]).toMatch(/NotoSansJP_700Bold\.ttf$/);
  });

  it('draws real, distinct Japanese glyphs in Noto Sans JP (not tofu boxes, not nothing)', async () => {
    const a = await pixelsOf(await renderChartPng(textChart('部別の状況')));
    const b = await pixelsOf(await renderChartPng(textChart('遅延順調注意')));
    expect(ink(a)).toBeGreaterThan(100);
    expect(ink(b)).toBeGreaterThan(100);
    // Tofu would draw every character as the same box: different words must differ.
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    // This machine has no Japanese system font: the family is the bundled one, and its ideographs
    // are one em wide (5 characters at 24 px: 120 px).
    expect(GlobalFonts.families.map((f) => f.family)).toContain(CHART_FONT_FAMILY);
    const context = createCanvas(1, 1).getContext('2d');
    context.font = `24px "${CHART_FONT_FAMILY}"`;
    expect(context.measureText('部別の状況').width).toBeCloseTo(120, 0);
  });
});

describe('digest chart', () => {
  const data = syntheticDigestData({ departments: 20, targetsPerDepartment: 14 });

  it('labels every department, the weeks and the sections, in Japanese and English', () => {
    const ja = digestChartOption(data, 'ja').option;
    const en = digestChartOption(data, 'en').option;
    const yAxes = ja.yAxis as { data?: string[] }[];
    expect(yAxes[1]?.data).toEqual(chartDepartments(data.departments).map((d) => d.name));
    expect(new Set(yAxes[1]?.data)).toEqual(new Set(data.departments.map((d) => d.name)));
    const xAxes = ja.xAxis as { data?: string[] }[];
    expect(xAxes[0]?.data).toContain('11/30');
    const titles = (o: typeof ja) => (o.title as { text: string }[]).map((t) => t.text);
    expect(titles(ja)).toContain('部別の状況（割合、遅延・注意・未報告の多い順）');
    expect(titles(en)).toContain('By department (share of targets, most behind first)');
    expect((en.yAxis as { data?: string[] }[])[1]?.data).toContain('Department No. 1');
    expect(JSON.stringify(ja)).toContain(CHART_FONT_FAMILY);
  });

  it('renders a PNG of the chart’s size that shows every status colour in use', async () => {
    const png = await renderDigestChart(data, 'ja');
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const spec = digestChartOption(data, 'ja');
    expect(pngSize(png)).toEqual({ width: spec.width, height: spec.height });
    const pixels = await pixelsOf(png);
    for (const status of DIGEST_STATUSES) {
      const used = data.departments.some((d) => d.counts[status] > 0);
      // Bars and areas are drawn in the status colours (anti-aliased edges aside): thousands of pixels each.
      if (used) expect(countColor(pixels, STATUS_COLORS[status]), status).toBeGreaterThan(1000);
    }
    const bigger = digestChartOption(syntheticDigestData({ departments: 200, targetsPerDepartment: 1 }), 'ja');
    expect(bigger.height).toBeGreaterThan(spec.height + 150 * 20);
  });

  it('draws names with mrkdwn and markup characters as they are', async () => {
    const named = syntheticDigestData({
      departments: 3,
      targetsPerDepartment: 2,
      departmentName: (i) => (i === 0 ? '子ども家庭<支援>&まちづくり部' : `第${i + 1}部・ｶﾅ・①`),
    });
    const png = await renderDigestChart(named, 'ja');
    expect(pngSize(png).width).toBe(digestChartOption(named, 'ja').width);
    const yAxes = digestChartOption(named, 'ja').option.yAxis as { data?: string[] }[];
    expect(yAxes[1]?.data).toContain('子ども家庭<支援>&まちづくり部');
  });

  it('shows the weekly share of each status in percent (stacked to 100)', () => {
    const spec = digestChartOption(data, 'ja');
    const series = (spec.option.series ?? []) as { type: string; data: number[] }[];
    const lines = series.filter((s) => s.type === 'line');
    expect(lines).toHaveLength(5);
    for (let w = 0; w < data.trend.length; w += 1) {
      const sum = lines.reduce((n, s) => n + (s.data[w] ?? 0), 0);
      expect(sum).toBeCloseTo(100, 0);
    }
  });

  // In a process of its own: importing the full build registers every component for the
  // installers' ECharts too (they share its modules), which would hide a missing installer.
  it('draws the same pixels with its six ECharts installers as the full ECharts build', async () => {
    const cases = [1, 20, 400].flatMap((departments) =>
      (['ja', 'en'] as const).map((locale) => ({ departments, locale })),
    );
    const url = (path: string) => JSON.stringify(pathToFileURL(join(root, path)).href);
    const script = `
      const { renderDigestChart } = await import(${url('src/chart/render-chart.ts')});
      const { syntheticDigestData } = await import(${url('tests/helpers/digest-fixtures.ts')});
      const out = [];
      for (const { departments, locale } of ${JSON.stringify(cases)}) {
        const data = syntheticDigestData({ departments, targetsPerDepartment: 3 });
        out.push((await renderDigestChart(data, locale)).toString('base64'));
      }
      process.stdout.write(JSON.stringify(out));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(child.stderr).toBe('');
    const ours = JSON.parse(child.stdout) as string[];
    const full = await import('echarts');
    for (const file of chartFontFiles()) GlobalFonts.registerFromPath(file, CHART_FONT_FAMILY);
    type Dom = Parameters<typeof full.init>[0];
    type PlatformCanvas = ReturnType<NonNullable<Parameters<typeof full.setPlatformAPI>[0]['createCanvas']>>;
    full.setPlatformAPI({ createCanvas: () => createCanvas(1, 1) as unknown as PlatformCanvas });
    for (const [i, { departments, locale }] of cases.entries()) {
      const spec = digestChartOption(syntheticDigestData({ departments, targetsPerDepartment: 3 }), locale);
      const canvas = createCanvas(spec.width, spec.height);
      const chart = full.init(canvas as unknown as Dom, null, { width: spec.width, height: spec.height });
      chart.setOption(spec.option);
      const expected = await pixelsOf(await canvas.encode('png'));
      chart.dispose();
      const actual = await pixelsOf(Buffer.from(ours[i] ?? '', 'base64'));
      expect(ink(expected), `${departments} ${locale}`).toBeGreaterThan(1000);
      expect(Buffer.from(actual).equals(Buffer.from(expected)), `${departments} ${locale}`).toBe(true);
    }
    // Twelve full renders (250 labelled rows at the largest) in a child Node process with the
    // TypeScript loader: minutes on a loaded machine.
  }, 180_000);

  it('fails loudly on a chart of no size (the job then sends the digest without the chart)', async () => {
    const spec = digestChartOption(data, 'ja');
    await expect(renderChartPng({ ...spec, height: 0 })).rejects.toThrow(/positive whole pixels/);
    await expect(renderChartPng({ ...spec, width: Number.NaN })).rejects.toThrow(/positive whole pixels/);
  });

  it('fails loudly when the font cannot be loaded, and loads it on the next call', async () => {
    // A fresh renderer module whose font list is broken until the first attempt has failed.
    let files = ['/nonexistent/font.ttf'];
    vi.resetModules();
    vi.doMock('../../src/chart/fonts.js', () => ({ chartFontFiles: () => files }));
    try {
      const fresh = await import('../../src/chart/render-chart.js');
      await expect(fresh.renderChartPng(textChart('部'))).rejects.toThrow(/chart font/);
      files = chartFontFiles();
      const png = await fresh.renderChartPng(textChart('部'));
      expect(ink(await pixelsOf(png))).toBeGreaterThan(20);
    } finally {
      vi.doUnmock('../../src/chart/fonts.js');
    }
  });
});

describe('very large organisations', () => {
  it('charts the 250 departments furthest behind, and says so', async () => {
    const data = syntheticDigestData({ departments: 400, targetsPerDepartment: 2 });
    const shown = chartDepartments(data.departments);
    expect(shown).toHaveLength(CHART_MAX_DEPARTMENTS);
    const spec = digestChartOption(data, 'ja');
    const headings = (spec.option.title as { text: string }[]).map((t) => t.text).join('\n');
    expect(headings).toContain('上位250部 / 全400部');
    expect(spec.height).toBeLessThan(7000);
    expect(pngSize(await renderDigestChart(data, 'ja'))).toEqual({ width: spec.width, height: spec.height });
  });
});
