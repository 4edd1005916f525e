/**
 * The indicator chart drawn headlessly by ECharts' server-side SVG renderer: the option
 * must produce real bars, a tolerance band, target marks and readable labels, not just an
 * object that looks right.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { echarts } from '../src/charts/echarts';
import { BAND_FILL, indicatorOption } from '../src/charts/indicatorChart';
import type { ChartOption } from '../src/charts/types';
import { buildIndicatorModel, chooseDistricts, chooseYears } from '../src/model/indicatorModel';
import { indicatorWorld } from './indicator-world';

const { catalog } = indicatorWorld();
const charts: { dispose: () => void }[] = [];
afterEach(() => charts.splice(0).forEach((c) => c.dispose()));

function render(option: ChartOption, width = 800, height = 400): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  charts.push(chart);
  chart.setOption(option);
  return chart.renderToSVGString();
}

function model(indicator: string, districts: string[] = []) {
  const d = chooseDistricts(catalog, indicator, districts);
  return buildIndicatorModel(catalog, indicator, d.ids, chooseYears(catalog, indicator, d.ids, null))!;
}

/** Bars are closed rectangular paths filled with a district colour. */
const barPaths = (svg: string, fill: string) => [...svg.matchAll(/<path d="M[^"]*Z" [^>]*fill="([^"]+)"/g)].filter((m) => m[1] === fill);
/** The ± tolerance band (BAND_FILL as ECharts writes it in SVG). */
const BAND = /fill="rgb\(34,34,34\)" fill-opacity="0.16"/g;
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the indicator chart, rendered to SVG on the server', () => {
  it('draws a bar per result (none for gaps), the floor and band target marks, and the labels', () => {
    const svg = render(indicatorOption(model('grain-output'), { lang: 'zh' }));
    // tumed-left: 65 (2022) and 72 (2024); yuquan: 4 (2024). No bar for 2023 or 2025.
    expect(barPaths(svg, '#0072B2')).toHaveLength(2 + 1 /* legend icon */);
    expect(barPaths(svg, '#E69F00')).toHaveLength(1 + 1);
    const words = texts(svg);
    // 突破72万吨 and 4万吨以上 keep their qualifiers on the labels.
    expect(words).toEqual(expect.arrayContaining(['65', '&gt;72', '≥4', '万吨', '2022', '2023', '2024', '2025', '土默特左旗', '玉泉区']));
    // The 2023 `~` target: a translucent band; the 2025 `>=` target: an arrow (polygon path).
    expect(svg.match(BAND)).toHaveLength(1);
    expect(svg).toContain('stroke-dasharray="3,2"');
    expect(svg).toMatch(/<polygon points="[\d. ]+" fill="#222222"/);
  });

  it('draws an estimate lighter, hatched (a decal pattern) and labelled 预计 / estimate', () => {
    for (const [lang, word, about] of [['zh', '预计', '约'], ['en', 'estimate', '~']] as const) {
      const svg = render(indicatorOption(model('gdp-growth'), { lang }));
      expect(svg).toContain('<pattern');
      expect(svg).toMatch(/fill="rgb\(0,114,178\)" fill-opacity="0.45"/);
      // 6%左右 is "about 6%" on the label too.
      expect(texts(svg)).toEqual(expect.arrayContaining([`${about}6%`, word, '7%']));
      // Two 2025 `~` targets: two bands, plus 2024's.
      expect(svg.match(BAND)).toHaveLength(3);
    }
    expect(BAND_FILL).toBe('rgba(34, 34, 34, 0.16)');
  });

  it('fits a 360 px phone: the legend and the year labels keep apart', () => {
    const svg = render(indicatorOption(model('grain-output'), { lang: 'en', compact: true }), 360, 320);
    const words = texts(svg);
    expect(words).toEqual(expect.arrayContaining(['Tumed Left Banner', 'Yuquan District', 'thousand t']));
    const at = (w: string) => {
      const m = new RegExp(`<text[^>]*transform="translate\\(([\\d.]+) ([\\d.]+)\\)"[^>]*>${w}<`).exec(svg);
      return m ? { x: Number(m[1]), y: Number(m[2]) } : null;
    };
    const a = at('Tumed Left Banner');
    const b = at('Yuquan District');
    expect(a && b).toBeTruthy();
    // Same row, not overlapping: the second starts after the first's width (about 7 px a letter).
    if (a && b && Math.abs(a.y - b.y) < 5) expect(b.x - a.x).toBeGreaterThan('Tumed Left Banner'.length * 5);
    const years = ['2022', '2023', '2024', '2025'].map(at);
    expect(years.every((p) => p !== null)).toBe(true);
    const xs = years.map((p) => p!.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThan(30);
  });
});
