/** The indicator view's model, words and chart option: pure functions, no browser. */
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, CustomSeriesOption } from 'echarts/charts';
import {
  axisUnit,
  barId,
  ESTIMATE_DECAL,
  indicatorOption,
  markId,
  targetMark,
  tooltipHtml,
  downloadName,
} from '../src/charts/indicatorChart';
import {
  buildIndicatorModel,
  chooseDistricts,
  chooseIndicator,
  chooseYears,
  hasConflict,
  MAX_DEFAULT_DISTRICTS,
} from '../src/model/indicatorModel';
import { describeIndicator, DESCRIPTION_FIGURES } from '../src/model/indicatorText';
import { HOSTILE, indicatorWorld, manyDistricts } from './indicator-world';

const { catalog } = indicatorWorld();

function model(indicator: string, districts: string[] = [], year: { from: number; to: number } | null = null) {
  const d = chooseDistricts(catalog, indicator, districts);
  const years = chooseYears(catalog, indicator, d.ids, year);
  const m = buildIndicatorModel(catalog, indicator, d.ids, years);
  if (!m) throw new Error('no model');
  return m;
}

const seriesOf = (o: ReturnType<typeof indicatorOption>) => o.series as (BarSeriesOption | CustomSeriesOption)[];
const bar = (o: ReturnType<typeof indicatorOption>, district: string) => seriesOf(o).find((s) => s.id === barId(district)) as BarSeriesOption;
const marks = (o: ReturnType<typeof indicatorOption>, district: string) =>
  (seriesOf(o).find((s) => s.id === markId(district)) as CustomSeriesOption).data as { value: (number | null)[]; shape: string; estimate: boolean }[];
type BarItem = { value: number; itemStyle: { color: string; decal?: unknown; borderType?: string }; label: { show: boolean; formatter: string } };
const item = (s: BarSeriesOption, i: number) => (s.data as (BarItem | null)[])[i];

describe('choosing what to show', () => {
  it('takes the URL indicator when it has figures, else GDP growth, and names the unknown one', () => {
    expect(chooseIndicator(catalog, 'grain-output')).toEqual({ id: 'grain-output', unknown: null });
    expect(chooseIndicator(catalog, 'no-such-thing')).toEqual({ id: 'gdp-growth', unknown: 'no-such-thing' });
    expect(chooseIndicator(catalog, null)).toEqual({ id: 'gdp-growth', unknown: null });
  });

  it('defaults to the districts with figures for the indicator, and keeps the URL order otherwise', () => {
    expect(chooseDistricts(catalog, 'grain-output', []).ids).toEqual(['tumed-left', 'yuquan']);
    expect(chooseDistricts(catalog, 'income-growth', []).ids).toEqual(['tumed-left']);
    const c = chooseDistricts(catalog, 'grain-output', ['yuquan', 'nowhere', 'tumed-left']);
    expect(c).toMatchObject({ ids: ['yuquan', 'tumed-left'], unknown: ['nowhere'], isDefault: false });
  });

  it('cuts the default to a dozen districts out of thousands', () => {
    const big = manyDistricts(3000);
    const c = chooseDistricts(big, 'grain-output', []);
    expect(c.ids).toHaveLength(MAX_DEFAULT_DISTRICTS);
    expect(c.availableCount).toBe(3000);
    const m = buildIndicatorModel(big, 'grain-output', c.ids, chooseYears(big, 'grain-output', c.ids, null))!;
    // The written description stays bounded and points to the table for the rest.
    const text = describeIndicator(m, 'en');
    expect(text).toContain('County 0');
    expect(text).toContain('and 4 more');
    expect(text.length).toBeLessThan(2000);
  });

  it('tells districts apart past the seven colours: repeated colours get a pattern', () => {
    const big = manyDistricts(20);
    const ids = chooseDistricts(big, 'grain-output', []).ids;
    const m = buildIndicatorModel(big, 'grain-output', ids, [2024])!;
    const o = indicatorOption(m, { lang: 'zh' });
    const look = (i: number) => {
      const s = bar(o, ids[i]!);
      return JSON.stringify([s.itemStyle?.color, s.itemStyle?.decal ?? null]);
    };
    expect(new Set(ids.map((_, i) => look(i))).size).toBe(ids.length);
    expect(bar(o, ids[0]!).itemStyle?.color).toBe(bar(o, ids[7]!).itemStyle?.color);
    // Twelve districts: the legend scrolls rather than wrapping onto the plot.
    expect((o.legend as { type: string }).type).toBe('scroll');
  });

  it('spans the years from first to last figure, keeping the empty year between as a gap', () => {
    expect(chooseYears(catalog, 'grain-output', ['tumed-left', 'yuquan'], null)).toEqual([2022, 2023, 2024, 2025]);
    expect(chooseYears(catalog, 'grain-output', ['tumed-left'], { from: 2024, to: 2030 })).toEqual([2024, 2025]);
    expect(chooseYears(catalog, 'gdp-growth', ['yuquan'], null)).toEqual([2024, 2025]);
  });
});

describe('the chart option', () => {
  const grain = model('grain-output');
  const zh = indicatorOption(grain, { lang: 'zh' });

  it('has one bar series per district with the results by year, null (not 0) in the gaps', () => {
    expect(grain.years).toEqual([2022, 2023, 2024, 2025]);
    const tl = bar(zh, 'tumed-left');
    expect((tl.data as (BarItem | null)[]).map((d) => d?.value ?? null)).toEqual([65, null, 72, null]);
    const yq = bar(zh, 'yuquan');
    expect((yq.data as (BarItem | null)[]).map((d) => d?.value ?? null)).toEqual([null, null, 4, null]);
    expect((zh.xAxis as { data: string[] }).data).toEqual(['2022', '2023', '2024', '2025']);
    expect(tl.name).toBe('土默特左旗');
  });

  it('draws a ± 2 % band for a `~` level target and a floor for `>=`', () => {
    const tl = marks(zh, 'tumed-left');
    expect(tl).toEqual([
      { value: [1, 67, 65.66, 68.34], shape: 'band', estimate: false },
      { value: [3, 73, 73, 73], shape: 'floor', estimate: false },
    ]);
    expect(marks(zh, 'yuquan')).toEqual([]);
  });

  it('draws a ± 0.5 point band for a `~` growth target, a ceiling for `<=`, a word for a text target', () => {
    const gdp = indicatorOption(model('gdp-growth'), { lang: 'en' });
    expect(marks(gdp, 'tumed-left').map((d) => [d.shape, ...d.value.slice(1)])).toEqual([
      ['band', 8, 7.5, 8.5],
      ['band', 6.5, 6, 7],
    ]);
    const aq = model('aq-heavy-pollution-ratio');
    expect(targetMark(aq.cells[0]![0]!.target!.obs, 'ratio')).toEqual({ shape: 'ceiling', value: 1.5, low: 1.5, high: 1.5 });
    const inc = model('income-growth');
    expect(targetMark(inc.cells[0]![0]!.target!.obs, 'growth').shape).toBe('text');
  });

  it('marks estimates lighter, hatched and labelled 预计 / estimate; finals are solid', () => {
    const m = model('gdp-growth');
    for (const [lang, word, about] of [['zh', '预计', '约'], ['en', 'estimate', '~']] as const) {
      const o = indicatorOption(m, { lang });
      const est = item(bar(o, 'tumed-left'), 0)!;
      expect(est.value).toBe(6);
      expect(est.itemStyle.decal).toEqual(ESTIMATE_DECAL);
      expect(est.itemStyle.color).toBe('rgba(0, 114, 178, 0.45)');
      expect(est.itemStyle.borderType).toBe('dashed');
      expect(est.label.show).toBe(true);
      // 6%左右: "about" stays on the label.
      expect(est.label.formatter).toBe(`${about}6%\n${word}`);
    }
    const final = item(bar(zh, 'tumed-left'), 2)!;
    expect(final.itemStyle.decal).toBeUndefined();
    expect(final.itemStyle.color).toBe('#0072B2');
    // 突破72万吨: the report's qualifier stays on the label.
    expect(final.label.formatter).toBe('>72');
  });

  it('writes the axis unit as the reports do (万吨) and in English words with scaled ticks', () => {
    expect((zh.yAxis as { name: string }).name).toBe('万吨');
    expect(axisUnit('万吨', 73, 'en')).toEqual({ name: 'thousand t', scale: 10 });
    const en = indicatorOption(grain, { lang: 'en' });
    const fmt = (en.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(fmt(72)).toBe('720');
  });

  it('turns off ECharts’ own aria text: the figure carries the written description', () => {
    expect(zh.aria).toEqual({ enabled: false });
    expect(downloadName(grain)).toBe('grain-output-2022-2025');
  });
});

describe('tooltips', () => {
  const grain = model('grain-output');
  const cell = grain.cells[0]![2]!;

  it('escape a hostile quote: the text is shown, never parsed as HTML', () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = tooltipHtml(cell, grain, lang);
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    // Through the option's own formatter, as ECharts calls it.
    const o = indicatorOption(grain, { lang: 'zh' });
    const fmt = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = fmt({ seriesIndex: 0, dataIndex: 2 });
    expect(html).toContain('突破72万吨');
    expect(html).not.toContain(HOSTILE);
  });

  it('give value, comparator in words, status, source title and date, line, quote, and the conflict', () => {
    const zh = tooltipHtml(cell, grain, 'zh');
    expect(zh).toContain('土默特左旗 · 2024');
    expect(zh).toContain('突破72万吨');
    expect(zh).toContain('突破（超过）');
    expect(zh).toContain('土默特左旗政府工作报告 · 2024-12-26 · 第5行');
    // 土默特左旗's January 2024 work report is a source: the data hold the report that set no target.
    expect(zh).toContain('<b>目标：</b>未设目标');
    expect(zh).toContain('<b>状态：</b>– 未设目标');
    expect(zh).toContain('来源说法不一');
    expect(zh).toContain('71万吨');
    const en = tooltipHtml(cell, grain, 'en');
    expect(en).toContain('over 720 thousand t');
    expect(en).toContain('line 5');
    expect(en).toContain('No target set');
  });

  it('a target mark shows the same (district, year) as its bar', () => {
    const o = indicatorOption(grain, { lang: 'en' });
    const fmt = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    // Series 2 is tumed-left's marks; its second mark is the 2025 floor.
    const html = fmt({ seriesIndex: 2, dataIndex: 1 });
    expect(html).toContain('Tumed Left Banner · 2025');
    expect(html).toContain('at least 730 thousand t');
    // On 2026-12-06 the 2025 result is overdue: not "pending", but not in the data.
    expect(html).toContain('<b>Result: </b>result not in the data');
    expect(html).toContain('Result not in the data');
    expect(html).not.toContain('published yet');
  });

  it('status words follow DESIGN.md: 8 % about, 6 % estimate → missed, provisional', () => {
    const gdp = model('gdp-growth');
    const html = tooltipHtml(gdp.cells[0]![0]!, gdp, 'en');
    expect(html).toContain('Missed');
    expect(html).toContain('provisional');
    expect(html).toContain('about 6% (estimate)');
  });
});

describe('the written description', () => {
  it('says what the chart shows, each figure with its status, and that gaps are not zeros', () => {
    const gdp = model('gdp-growth');
    const zh = describeIndicator(gdp, 'zh');
    expect(zh).toContain('地区生产总值增速（%）柱状图，2024—2025年，土默特左旗、玉泉区并列');
    expect(zh).toContain('2024年实际6%左右（预计）');
    expect(zh).toContain('未达成');
    expect(zh).toContain('不作零处理');
    const en = describeIndicator(model('grain-output'), 'en');
    expect(en).toContain('2024 result over 720 thousand t');
    expect(en).toContain('2025 target at least 730 thousand t');
    expect(en).not.toContain('<img');
    expect(DESCRIPTION_FIGURES).toBeGreaterThan(10);
    // The bound is the description's, not only the constant's: a model with more figures lists
    // exactly DESCRIPTION_FIGURES of them and counts the rest.
    const big = manyDistricts(100);
    const ids = big.data.districts.map((d) => d.id).slice(0, 60);
    const m = buildIndicatorModel(big, 'grain-output', ids, chooseYears(big, 'grain-output', ids, null))!;
    const figures = m.cells.flat().reduce((n, c) => n + (c.actual ? 1 : 0) + (c.target ? 1 : 0), 0);
    expect(figures).toBeGreaterThan(DESCRIPTION_FIGURES);
    const text = describeIndicator(m, 'en');
    expect(text.match(/\b\d{4} (result|target) /g)).toHaveLength(DESCRIPTION_FIGURES);
    expect(text).toContain(`${figures - DESCRIPTION_FIGURES} more figures are in the table below.`);
  });

  it('flags a conflict between sources', () => {
    expect(hasConflict(model('grain-output'))).toBe(true);
    expect(hasConflict(model('gdp-growth'))).toBe(false);
  });
});
