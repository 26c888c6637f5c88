import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import {
  CHART_FONT_FAMILY,
  CHART_MAX_DEPARTMENTS,
  chartDepartments,
  digestChartOption,
} from '../../src/chart/digest-chart-option.js';
import { chartFontFiles } from '../../src/chart/fonts.js';
import { rasterise, renderChartSvg, renderDigestChart, svgCharacters } from '../../src/chart/render-chart.js';
import { syntheticDigestData } from '../helpers/digest-fixtures.js';

const root = join(import.meta.dirname, '..', '..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  // IHDR is the first chunk: width and height at bytes 16 and 20.
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Dark pixels of an SVG rendered with the given fonts (RGBA, white background). */
function ink(svg: string, fontFiles: string[]): { dark: number; pixels: Buffer } {
  const image = new Resvg(svg, {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
  }).render();
  const pixels = image.pixels;
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark += 1;
  return { dark, pixels };
}

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40"><text x="4" y="30" font-family="${CHART_FONT_FAMILY}" font-size="24" fill="#000">${text}</text></svg>`;

/**
 * The SVG with ECharts' generated ids (zr0-c1, zr1-cls-9, …) numbered by first appearance: they
 * count charts drawn earlier in the process, not anything drawn.
 */
function canonicalIds(svg: string): string {
  const ids = new Map<string, number>();
  return svg.replace(/zr\d+-[a-z-]*\d+/g, (id) => {
    if (!ids.has(id)) ids.set(id, ids.size);
    return `id${ids.get(id)}`;
  });
}

describe('Japanese font', () => {
  it('is found in node_modules (@expo-google-fonts/noto-sans-jp)', () => {
    const files = chartFontFiles();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/NotoSansJP_400Regular\.ttf$/);
  });

  it('draws real, distinct Japanese glyphs (not tofu boxes, not nothing)', () => {
    const fonts = chartFontFiles();
    const a = ink(textSvg('部別の状況'), fonts);
    const b = ink(textSvg('遅延順調注意'), fonts);
    const none = ink(textSvg('部別の状況'), []);
    expect(a.dark).toBeGreaterThan(100);
    expect(b.dark).toBeGreaterThan(100);
    // Without the font nothing is drawn: the ink above comes from Noto Sans JP.
    expect(none.dark).toBe(0);
    // Tofu would render every character as the same box: different words must differ.
    expect(a.pixels.equals(b.pixels)).toBe(false);
  });
});

describe('digest chart', () => {
  const data = syntheticDigestData({ departments: 20, targetsPerDepartment: 14 });

  it('puts every department and the week labels into the SVG, in Noto Sans JP', async () => {
    const spec = digestChartOption(data, 'ja');
    const svg = await renderChartSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const d of data.departments) expect(svg).toContain(`>${d.name}<`);
    expect(svg).toContain('部別の状況（件数）');
    expect(svg).toContain('11/30');
    expect(svg).toContain(CHART_FONT_FAMILY);
  });

  it('renders a non-empty PNG whose size follows the number of departments', async () => {
    const png = await renderDigestChart(data, 'ja');
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(20_000);
    const spec = digestChartOption(data, 'ja');
    expect(pngSize(png)).toEqual({ width: spec.width, height: spec.height });
    const bigger = digestChartOption(syntheticDigestData({ departments: 200, targetsPerDepartment: 1 }), 'ja');
    expect(bigger.height).toBeGreaterThan(spec.height + 150 * 20);
  });

  it('renders English labels too', async () => {
    const svg = await renderChartSvg(digestChartOption(data, 'en'));
    expect(svg).toContain('Department No. 1');
    expect(svg).toContain('By department (targets)');
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
    const bars = series.filter((s) => s.type === 'bar');
    expect(bars.reduce((n, s) => n + s.data.reduce((a, b) => a + b, 0), 0)).toBe(data.targetCount);
  });

  // In a process of its own: importing the full build registers every component for the
  // installers' ECharts too (they share its modules), which would hide a missing installer.
  it('draws the same SVG with its six ECharts installers as the full ECharts build', async () => {
    const cases = [1, 20, 400].flatMap((departments) =>
      (['ja', 'en'] as const).map((locale) => ({ departments, locale })),
    );
    const url = (path: string) => JSON.stringify(pathToFileURL(join(root, path)).href);
    const script = `
      const { renderChartSvg } = await import(${url('src/chart/render-chart.ts')});
      const { digestChartOption } = await import(${url('src/chart/digest-chart-option.ts')});
      const { syntheticDigestData } = await import(${url('tests/helpers/digest-fixtures.ts')});
      const out = [];
      for (const { departments, locale } of ${JSON.stringify(cases)}) {
        const data = syntheticDigestData({ departments, targetsPerDepartment: 3 });
        out.push(await renderChartSvg(digestChartOption(data, locale)));
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
    for (const [i, { departments, locale }] of cases.entries()) {
      const spec = digestChartOption(syntheticDigestData({ departments, targetsPerDepartment: 3 }), locale);
      const chart = full.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
      chart.setOption(spec.option);
      const expected = chart.renderToSVGString();
      chart.dispose();
      expect(expected.length).toBeGreaterThan(1000);
      expect(canonicalIds(ours[i] ?? ''), `${departments} ${locale}`).toBe(canonicalIds(expected));
    }
  });

  it('fails loudly on broken SVG (the job then sends the digest without the chart)', async () => {
    await expect(rasterise('<svg', chartFontFiles())).rejects.toThrow();
  });
});

describe('rasterising with the font cut down to the chart’s characters', () => {
  /** The PNG the rasteriser makes with the whole font files, as before the subsetting. */
  const withWholeFont = (svg: string) =>
    new Resvg(svg, {
      font: {
        fontFiles: chartFontFiles(),
        loadSystemFonts: false,
        defaultFontFamily: CHART_FONT_FAMILY,
        sansSerifFamily: CHART_FONT_FAMILY,
      },
      background: '#ffffff',
      fitTo: { mode: 'original' },
    })
      .render()
      .asPng();

  it('gives byte for byte the PNG of the whole font, in Japanese and English, with escaped names', async () => {
    const data = syntheticDigestData({
      departments: 12,
      targetsPerDepartment: 5,
      departmentName: (i) => (i === 0 ? '子ども家庭<支援>&まちづくり部' : `第${i + 1}部・ｶﾅ・①`),
    });
    for (const locale of ['ja', 'en'] as const) {
      const svg = await renderChartSvg(digestChartOption(data, locale));
      const png = await rasterise(svg);
      expect(png.equals(withWholeFont(svg)), locale).toBe(true);
    }
  });

  it('keeps every character the SVG shows, entities decoded, and all printable ASCII', () => {
    const chars = svgCharacters('<svg><text>部&amp;&lt;課&#x2460;&#9313;</text><text>ｶ</text></svg>');
    for (const c of ['部', '&', '<', '課', '①', '②', 'ｶ', 'A', '~', '0', ' ']) expect(chars, c).toContain(c);
    expect(new Set(chars).size).toBe(chars.length);
  });

  it('leaves no temporary font files behind', async () => {
    const mine = () => readdirSync(tmpdir()).filter((name) => name.startsWith('tracker-chart-'));
    const before = mine();
    await rasterise(textSvg('部別の状況'));
    await expect(rasterise('<svg')).rejects.toThrow();
    expect(mine()).toEqual(before);
  });
});

describe('very large organisations', () => {
  it('charts the departments needing most attention beyond 250, and says so', async () => {
    const data = syntheticDigestData({ departments: 400, targetsPerDepartment: 2 });
    // Department 400 is made the most urgent: it must be among those shown.
    const last = data.departments[399];
    if (!last) throw new Error('no department');
    last.counts = { on_track: 0, at_risk: 0, off_track: 50, done: 0, not_reported: 0 };
    const shown = chartDepartments(data.departments);
    expect(shown).toHaveLength(CHART_MAX_DEPARTMENTS);
    expect(shown.map((d) => d.id)).toContain(last.id);
    // Kept in the organisation's order.
    expect(shown.map((d) => d.id)).toEqual([...shown.map((d) => d.id)].sort((a, b) => a - b));
    const svg = await renderChartSvg(digestChartOption(data, 'ja'));
    expect(svg).toContain('要注意の上位250部 / 全400部');
    expect(digestChartOption(data, 'ja').height).toBeLessThan(7000);
  });
});
