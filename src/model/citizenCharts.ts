/**
 * View models of the citizen pages' charts (air and grain): for one district, metric and years,
 * the bars, target dashes and tooltip lines, with every word in the page's language. The charts
 * (src/charts/airChart.ts, grainChart.ts) turn one into an ECharts option and query nothing.
 * Pure: catalog in, view model out.
 */
import { defineMessages, translate, type Params } from '../core/i18n';
import type { Lang } from '../core/url';
import type { Comparator } from '../data/types';
import type { Catalog, Pair } from './catalog';
import { AIR, computeYield, formatYield, GRAIN } from './citizen';
import { formatQualified } from './format';
import { daysInYear } from './sentences';

export type AirMetric = 'days' | 'ratio';
export type GrainMetric = 'output' | 'area' | 'yield';

export interface BarPoint {
  value: number;
  comparator: Comparator;
  estimate: boolean;
}

export interface YearRow {
  year: number;
  /** The result; null is a gap. */
  bar: BarPoint | null;
  /** A numeric target; a target in words has no mark (the text says so). */
  target: BarPoint | null;
  /** Tooltip lines, plain text (the chart escapes them). */
  tip: string[];
}

/** Everything a citizen chart draws, already in the page's language. */
export interface CitizenChartModel<M extends string = string> {
  metric: M;
  lang: Lang;
  rows: YearRow[];
  axisName: string;
  seriesName: string;
  targetName: string;
  gapWord: string;
  estimateWord: string;
  /** The axis maximum, when the bar reads as a share of it (a full year of days, 100 %). */
  max?: number;
  digits: number;
}

export const chartWords = defineMessages({
  zh: {
    days: '优良天数', ratio: '优良天数比例（报告所写）', output: '粮食总产量', area: '粮食播种面积', yield: '亩产（本站计算）',
    target: '目标', gap: '无数据', estimate: '预计',
    daysAxis: '天', ratioAxis: '%', outputAxis: '万吨', areaAxis: '万亩', yieldAxis: '公斤/亩',
    of: '全年{n}天', year: '{year}年', line: '{label}：{value}', expected: '预计{value}', source: '来源：{title}',
    targetWords: '目标：{t}', targetText: '目标：用文字表述，无具体数字',
    computed: '本站用总产量 ÷ 播种面积算出，不是报告中的数字',
  },
  en: {
    days: 'Good-air days', ratio: 'Good-day ratio (as reported)', output: 'Grain output', area: 'Grain sown area', yield: 'Yield per mu (computed by us)',
    target: 'Target', gap: 'no data', estimate: 'est.',
    daysAxis: 'days', ratioAxis: '%', outputAxis: 'thousand t', areaAxis: 'thousand mu', yieldAxis: 'kg/mu',
    of: 'of {n} days in the year', year: '{year}', line: '{label}: {value}', expected: 'expected {value}', source: 'Source: {title}',
    targetWords: 'Target: {t}', targetText: 'Target: in words, no number',
    computed: 'Computed by us as output ÷ sown area; not a reported figure',
  },
});

type Word = keyof (typeof chartWords)['zh'];
const w = (lang: Lang, key: Word, params?: Params) => translate(chartWords, lang, key, params);

const point = (p: Pair['actual']): BarPoint | null =>
  p && p.obs.canonicalValue !== null ? { value: p.obs.canonicalValue, comparator: p.obs.comparator, estimate: p.obs.estimate } : null;

/** Tooltip lines for one year: the result (with 预计), the target, and where both came from. */
export function tipLines(catalog: Catalog, pair: Pair, label: string, unit: string, lang: Lang, extra: string[] = []): string[] {
  const lines = [w(lang, 'year', { year: pair.year })];
  const a = pair.actual?.obs;
  if (a) {
    const v = formatQualified(a.comparator, a.canonicalValue, unit, lang);
    lines.push(w(lang, 'line', { label, value: a.estimate ? w(lang, 'expected', { value: v }) : v }));
  } else lines.push(w(lang, 'line', { label, value: w(lang, 'gap') }));
  lines.push(...extra);
  const t = pair.target?.obs;
  if (t) lines.push(t.comparator === 'text' || t.canonicalValue === null ? w(lang, 'targetText') : w(lang, 'targetWords', { t: formatQualified(t.comparator, t.canonicalValue, unit, lang) }));
  const titles = [a, t].filter((o) => o).map((o) => catalog.sources.get(o!.source)?.title_zh ?? o!.source);
  for (const title of new Set(titles)) lines.push(w(lang, 'source', { title }));
  return lines;
}

const words = (lang: Lang) => ({ targetName: w(lang, 'target'), gapWord: w(lang, 'gap'), estimateWord: w(lang, 'estimate') });

/** Good-air days per year (out of 365/366, so the bar reads as a share of the year), or the stated ratio. */
export function airChartModel(catalog: Catalog, district: string, years: readonly number[], metric: AirMetric, lang: Lang): CitizenChartModel<AirMetric> {
  const id = metric === 'days' ? AIR.days : AIR.ratio;
  const unit = catalog.indicators.get(id)?.unit ?? (metric === 'days' ? '天' : '%');
  const rows: YearRow[] = years.map((year) => {
    const pair = catalog.pair(district, id, year);
    const t = pair.target?.obs;
    const extra = metric === 'days' && pair.actual ? [w(lang, 'of', { n: daysInYear(year) })] : [];
    return {
      year,
      bar: point(pair.actual),
      target: t && t.canonicalValue !== null && t.comparator !== 'text' ? { value: t.canonicalValue, comparator: t.comparator, estimate: false } : null,
      tip: tipLines(catalog, pair, w(lang, metric), unit, lang, extra),
    };
  });
  return {
    metric,
    lang,
    rows,
    axisName: w(lang, metric === 'days' ? 'daysAxis' : 'ratioAxis'),
    seriesName: w(lang, metric),
    ...words(lang),
    // A full year on the axis: the empty part of the bar is the days that were not good.
    max: metric === 'days' ? Math.max(...years.map(daysInYear), 365) : 100,
    digits: metric === 'days' ? 0 : 1,
  };
}

/** Grain output (万吨), sown area (万亩), or the yield per mu we compute (never presented as reported). */
export function grainChartModel(catalog: Catalog, district: string, years: readonly number[], metric: GrainMetric, lang: Lang): CitizenChartModel<GrainMetric> {
  let rows: YearRow[];
  if (metric === 'yield') {
    rows = years.map((year) => {
      const y = computeYield(catalog.pair(district, GRAIN.output, year).actual, catalog.pair(district, GRAIN.area, year).actual);
      const value = y ? (y.estimate ? w(lang, 'expected', { value: formatYield(y, lang) }) : formatYield(y, lang)) : w(lang, 'gap');
      const tip = [w(lang, 'year', { year }), w(lang, 'line', { label: w(lang, 'yield'), value }), w(lang, 'computed')];
      return { year, bar: y ? { value: y.value, comparator: y.comparator, estimate: y.estimate } : null, target: null, tip };
    });
  } else {
    const id = metric === 'output' ? GRAIN.output : GRAIN.area;
    const unit = catalog.indicators.get(id)?.unit ?? (metric === 'output' ? '万吨' : '万亩');
    // English speaks of thousands (720 thousand t), so its axis does too: 1 万 = 10 thousand.
    const k = lang === 'en' ? 10 : 1; // the unit's scale per language, as formatValue writes it
    rows = years.map((year) => {
      const pair = catalog.pair(district, id, year);
      const a = pair.actual?.obs;
      const t = pair.target?.obs;
      return {
        year,
        bar: a && a.canonicalValue !== null ? { value: a.canonicalValue * k, comparator: a.comparator, estimate: a.estimate } : null,
        target: t && t.canonicalValue !== null && t.comparator !== 'text' ? { value: t.canonicalValue * k, comparator: t.comparator, estimate: false } : null,
        tip: tipLines(catalog, pair, w(lang, metric), unit, lang),
      };
    });
  }
  return {
    metric,
    lang,
    rows,
    axisName: w(lang, metric === 'output' ? 'outputAxis' : metric === 'area' ? 'areaAxis' : 'yieldAxis'),
    seriesName: w(lang, metric),
    ...words(lang),
    digits: metric === 'yield' ? 0 : 2,
  };
}
