/** Chart options and page model of the citizen pages, without a browser: values, gaps, targets, computed yield. */
import { describe, expect, it } from 'vitest';
import { airChartOption } from '../src/charts/airChart';
import { airChartModel, grainChartModel } from '../src/model/citizenCharts';
import { grainChartOption } from '../src/charts/grainChart';
import type { Comparator, Dataset, District, Indicator, ObsKind, Observation, Source } from '../src/data/types';
import { Catalog } from '../src/model/catalog';
import { shareLink } from '../src/ui/ShareButton';
import { airYears, chooseDistricts, citizenYears, computeYield, formatYield, grainYears, ratioExample } from '../src/model/citizen';

/** The day the statuses are said on (the clock is fixed in tests). */
const TODAY = '2026-12-06';

const origin = { file: 'x.csv', line: 2 };
const district = (id: string, zh: string): District => ({ id, name_zh: zh, name_en: id, level: 'county', parent: '', adcode: '150000', origin });
const indicator = (id: string, unit: string, measure: Indicator['measure']): Indicator => ({
  id, name_zh: id, name_en: id, category: 'environment', unit, measure, better: 'higher', description_zh: '', description_en: '', origin,
});
const source = (id: string, title: string, published = '2025-01-01'): Source => ({ id, title_zh: title, publisher_zh: 'p', district: 'a', published, kind: 'work-report', text: '', url: '', origin });
const obs = (d: string, i: string, year: number, kind: ObsKind, value: number | null, comparator: Comparator = '=', estimate = false, src = 's1'): Observation => ({
  district: d, indicator: i, year, kind, comparator, value, unit: '', canonicalValue: value, estimate, source: src, sourceLine: 3, quote: 'q', note: '', noteEn: '', remark: '', origin,
});

function world(observations: Observation[], extraDistricts: District[] = []): Catalog {
  const ds: Dataset = {
    districts: [district('a', '甲旗'), district('b', '乙区'), ...extraDistricts],
    indicators: [indicator('aq-good-days', '天', 'level'), indicator('aq-good-ratio', '%', 'ratio'), indicator('grain-output', '万吨', 'level'), indicator('grain-area', '万亩', 'level')],
    sources: [source('s1', '甲旗政府工作报告'), source('evil', '<img src=x onerror=alert(1)>报告')],
    observations,
    problems: [],
  };
  return new Catalog(ds, TODAY);
}

type Series = { type: string; name: string; data: ({ value: number; label?: { formatter: string }; itemStyle?: { decal?: unknown } } | null)[] };
const seriesOf = (o: ReturnType<typeof airChartOption>) => o.series as Series[];
const values = (s: Series) => s.data.map((d) => (d ? d.value : null));
const tooltip = (o: ReturnType<typeof airChartOption>, index: number) =>
  (o.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: index }]);

describe('air chart', () => {
  const catalog = world([
    obs('a', 'aq-good-days', 2022, 'actual', 290),
    obs('a', 'aq-good-days', 2024, 'actual', 297, '=', true),
    obs('a', 'aq-good-days', 2024, 'target', 300, '>='),
    obs('a', 'aq-good-ratio', 2025, 'target', null, 'text'),
    obs('a', 'aq-good-ratio', 2022, 'actual', 84.9, '=', false, 'evil'),
  ]);
  const years = citizenYears(catalog, ['aq-good-days', 'aq-good-ratio'], [catalog.districts.get('a')!]);

  it('spans every year from first to last figure, so a missing year is a gap', () => {
    expect(years).toEqual([2022, 2023, 2024, 2025]);
  });

  it('bars are the days, gaps are null, the axis is a whole year', () => {
    const o = airChartOption(airChartModel(catalog, 'a', years, 'days', 'zh'));
    const [bars, targets, gaps] = seriesOf(o);
    expect((o.xAxis as { data: string[] }).data).toEqual(['2022', '2023', '2024', '2025']);
    expect(values(bars!)).toEqual([290, null, 297, null]);
    expect(values(targets!)).toEqual([null, null, 300, null]);
    expect(values(gaps!)).toEqual([null, 0, null, 0]);
    expect((gaps as unknown as { label: { formatter: string } }).label.formatter).toBe('无数据');
    expect((o.yAxis as { max: number }).max).toBe(366);
  });

  it('an estimate is hatched and labelled', () => {
    const bars = seriesOf(airChartOption(airChartModel(catalog, 'a', years, 'days', 'zh')))[0]!;
    expect(bars.data[2]!.label!.formatter).toBe('297\n预计');
    expect(bars.data[2]!.itemStyle!.decal).toBeTruthy();
    expect(bars.data[0]!.label!.formatter).toBe('290');
    expect(bars.data[0]!.itemStyle!.decal).toBeUndefined();
    expect(seriesOf(airChartOption(airChartModel(catalog, 'a', years, 'days', 'en')))[0]!.data[2]!.label!.formatter).toBe('297\nest.');
  });

  it('tooltip names result, target and source; CSV text is escaped', () => {
    const o = airChartOption(airChartModel(catalog, 'a', years, 'days', 'zh'));
    expect(tooltip(o, 2)).toBe('2024年<br>优良天数：预计297天<br>全年366天<br>目标：300天以上<br>来源：甲旗政府工作报告');
    expect(tooltip(o, 1)).toBe('2023年<br>优良天数：无数据');
    const r = airChartOption(airChartModel(catalog, 'a', years, 'ratio', 'en'));
    const tip = tooltip(r, 0);
    expect(tip).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tip).not.toContain('<img');
    // A target in words has no mark, and the tooltip says it has no number.
    expect(values(seriesOf(r)[1]!)).toEqual([null, null, null, null]);
    expect(tooltip(r, 3)).toContain('Target: in words, no number');
  });

  it('the model: computed share of the year and the ratio example', () => {
    const rows = airYears(catalog, 'a', years);
    expect(rows.map((r) => r.daysInYear)).toEqual([365, 365, 366, 365]);
    expect(rows[0]!.share).toBeCloseTo((290 / 365) * 100, 6);
    expect(rows[1]!.share).toBeNull();
    const ex = ratioExample(world([obs('a', 'aq-good-days', 2024, 'actual', 297), obs('a', 'aq-good-ratio', 2024, 'actual', 85.4)]), [catalog.districts.get('a')!]);
    expect(ex && { monitored: ex.monitored, share: Math.round(ex.share * 10) / 10, total: ex.daysInYear }).toEqual({ monitored: 348, share: 81.1, total: 366 });
  });
});

describe('grain chart', () => {
  const catalog = world([
    obs('a', 'grain-output', 2023, 'target', 67, '~'),
    obs('a', 'grain-output', 2023, 'actual', 70),
    obs('a', 'grain-output', 2024, 'actual', 72, '>'),
    obs('a', 'grain-output', 2025, 'target', 73, '>='),
    obs('a', 'grain-area', 2023, 'actual', 140),
    obs('a', 'grain-area', 2024, 'actual', 140),
    obs('a', 'grain-area', 2025, 'target', 140, '>='),
  ]);
  const years = [2022, 2023, 2024, 2025];

  it('output bars, gaps as null, targets marked; English in thousands', () => {
    const zh = seriesOf(grainChartOption(grainChartModel(catalog, 'a', years, 'output', 'zh')));
    expect(values(zh[0]!)).toEqual([null, 70, 72, null]);
    expect(values(zh[1]!)).toEqual([null, 67, null, 73]);
    expect(zh[0]!.data[2]!.label!.formatter).toBe('>72');
    const en = grainChartOption(grainChartModel(catalog, 'a', years, 'output', 'en'));
    expect(values(seriesOf(en)[0]!)).toEqual([null, 700, 720, null]);
    expect(values(seriesOf(en)[1]!)).toEqual([null, 670, null, 730]);
    expect((en.yAxis as { name: string }).name).toBe('thousand t');
  });

  it('yield per mu is computed where output and area share a year, and labelled as ours', () => {
    const o = grainChartOption(grainChartModel(catalog, 'a', years, 'yield', 'zh'));
    const [bars, targets] = seriesOf(o);
    // 70 万吨 ÷ 140 万亩 = 500 公斤/亩; "突破72万吨" ÷ 140 = 514.3 → at least 514.
    expect(values(bars!)).toEqual([null, 500, 514, null]);
    expect(bars!.data[2]!.label!.formatter).toBe('≥514');
    expect(values(targets!)).toEqual([null, null, null, null]);
    expect(bars!.name).toBe('亩产（本站计算）');
    expect(tooltip(o, 2)).toBe('2024年<br>亩产（本站计算）：514公斤/亩以上<br>本站用总产量 ÷ 播种面积算出，不是报告中的数字');
    expect(tooltip(grainChartOption(grainChartModel(catalog, 'a', years, 'yield', 'en')), 1)).toContain('Yield per mu (computed by us): 500 kg/mu');
    expect(grainYears(catalog, 'a', years).map((r) => r.yield?.value ?? null)).toEqual([null, 500, 514, null]);
  });
});

describe('computed yield', () => {
  const shown = (v: number | null, c: Comparator = '=', estimate = false, i = 'grain-output') => ({ obs: obs('a', i, 2024, 'actual', v, c, estimate), others: [], conflict: false });
  it('divides, rounds the way the qualifier allows, and refuses what cannot be divided', () => {
    expect(computeYield(shown(4, '>='), shown(8.4))).toEqual({ year: 2024, value: 476, comparator: '>=', estimate: false });
    expect(computeYield(shown(4, '<='), shown(8.4))).toEqual({ year: 2024, value: 477, comparator: '<=', estimate: false });
    expect(computeYield(shown(4), shown(8.4, '~'))).toEqual({ year: 2024, value: 476, comparator: '~', estimate: false });
    expect(computeYield(shown(4, '=', true), shown(8))).toEqual({ year: 2024, value: 500, comparator: '=', estimate: true });
    expect(computeYield(shown(4), shown(8.4, '>='))).toBeNull();
    expect(computeYield(shown(4, '>='), shown(8.4, '~'))).toBeNull();
    expect(computeYield(shown(4), shown(0))).toBeNull();
    expect(computeYield(null, shown(8.4))).toBeNull();
    expect(computeYield(shown(null, 'text'), shown(8.4))).toBeNull();
  });
  it('formats', () => {
    expect(formatYield({ value: 476, comparator: '>=' }, 'zh')).toBe('476公斤/亩以上');
    expect(formatYield({ value: 476, comparator: '>=' }, 'en')).toBe('at least 476 kg/mu');
  });
});

describe('districts shown', () => {
  const many = Array.from({ length: 6 }, (_, k) => district(`c${k}`, `丙${k}`));
  const catalog = world([...['a', 'b', ...many.map((d) => d.id)].map((d) => obs(d, 'grain-output', 2024, 'actual', 10))], many);
  it('the districts parameter first; unknown ids reported; else the first four', () => {
    const picked = chooseDistricts(catalog, ['grain-output'], ['c3', 'nowhere', 'a']);
    expect(picked.shown.map((d) => d.id)).toEqual(['c3', 'a']);
    expect(picked.unknown).toEqual(['nowhere']);
    expect(chooseDistricts(catalog, ['grain-output'], []).shown.map((d) => d.id)).toEqual(['a', 'b', 'c0', 'c1']);
    expect(chooseDistricts(catalog, ['aq-good-days'], []).all).toEqual([]);
  });
});

describe('share link (the button’s logic)', () => {
  const nav = (n: Partial<Record<'share' | 'clipboard', unknown>>) => n as unknown as Navigator;
  it('uses the share sheet when there is one; a closed sheet is not an error', async () => {
    const shared: unknown[] = [];
    expect(await shareLink('u', 't', nav({ share: async (d: unknown) => void shared.push(d) }))).toBe('shared');
    expect(shared).toEqual([{ title: 't', url: 'u' }]);
    const abort = () => Promise.reject(new DOMException('closed', 'AbortError'));
    expect(await shareLink('u', 't', nav({ share: abort, clipboard: { writeText: async () => undefined } }))).toBe('idle');
  });
  it('copies when there is no share sheet or it fails; offers a field when copying is refused', async () => {
    const copied: string[] = [];
    expect(await shareLink('u', 't', nav({ clipboard: { writeText: async (s: string) => void copied.push(s) } }))).toBe('copied');
    expect(copied).toEqual(['u']);
    const broken = () => Promise.reject(new Error('not allowed'));
    expect(await shareLink('u', 't', nav({ share: broken, clipboard: { writeText: async () => undefined } }))).toBe('copied');
    expect(await shareLink('u', 't', nav({ clipboard: { writeText: broken } }))).toBe('manual');
    expect(await shareLink('u', 't', nav({}))).toBe('manual');
  });
});
