/**
 * Air chart of one district: good-air days per year (out of 365/366, so the bar reads as a
 * share of the year), or the stated good-day ratio; targets as dashes. Pure: catalog in, option out.
 */
import type { Lang } from '../core/url';
import type { Catalog, Pair } from '../model/catalog';
import { AIR } from '../model/citizen';
import { formatQualified } from '../model/format';
import { daysInYear } from '../model/sentences';
import { barsOption, type BarPoint, type YearRow } from './citizenBars';
import { SERIES_COLOURS } from './palette';
import type { ChartOption } from './types';

export type AirMetric = 'days' | 'ratio';

const WORDS = {
  zh: { days: '优良天数', ratio: '优良天数比例（报告所写）', target: '目标', gap: '无数据', estimate: '预计', daysAxis: '天', ratioAxis: '%', of: '全年{n}天', source: '来源', targetWords: '目标：{t}', targetText: '目标：用文字表述，无具体数字' },
  en: { days: 'Good-air days', ratio: 'Good-day ratio (as reported)', target: 'Target', gap: 'no data', estimate: 'est.', daysAxis: 'days', ratioAxis: '%', of: 'of {n} days in the year', source: 'Source', targetWords: 'Target: {t}', targetText: 'Target: in words, no number' },
} as const;

const point = (p: Pair['actual']): BarPoint | null =>
  p && p.obs.canonicalValue !== null ? { value: p.obs.canonicalValue, comparator: p.obs.comparator, estimate: p.obs.estimate } : null;

/** Tooltip lines for one year: the result (with 预计), the target, and where both came from. */
export function tipLines(catalog: Catalog, pair: Pair, label: string, unit: string, lang: Lang, extra: string[] = []): string[] {
  const w = WORDS[lang];
  const lines = [lang === 'zh' ? `${pair.year}年` : `${pair.year}`];
  const a = pair.actual?.obs;
  const sep = lang === 'zh' ? '：' : ': ';
  if (a) lines.push(`${label}${sep}${a.estimate ? (lang === 'zh' ? '预计' : 'expected ') : ''}${formatQualified(a.comparator, a.canonicalValue, unit, lang)}`);
  else lines.push(`${label}${sep}${w.gap}`);
  lines.push(...extra);
  const t = pair.target?.obs;
  if (t) lines.push(t.comparator === 'text' || t.canonicalValue === null ? w.targetText : w.targetWords.replace('{t}', formatQualified(t.comparator, t.canonicalValue, unit, lang)));
  const titles = [a, t].filter((o) => o).map((o) => catalog.sources.get(o!.source)?.title_zh ?? o!.source);
  for (const title of new Set(titles)) lines.push(`${w.source}${sep}${title}`);
  return lines;
}

export function airChartOption(catalog: Catalog, district: string, years: readonly number[], metric: AirMetric, lang: Lang): ChartOption {
  const w = WORDS[lang];
  const id = metric === 'days' ? AIR.days : AIR.ratio;
  const unit = catalog.indicators.get(id)?.unit ?? (metric === 'days' ? '天' : '%');
  const rows: YearRow[] = years.map((year) => {
    const pair = catalog.pair(district, id, year);
    const t = pair.target?.obs;
    const extra = metric === 'days' && pair.actual ? [w.of.replace('{n}', String(daysInYear(year)))] : [];
    return {
      year,
      bar: point(pair.actual),
      target: t && t.canonicalValue !== null && t.comparator !== 'text' ? { value: t.canonicalValue, comparator: t.comparator, estimate: false } : null,
      tip: tipLines(catalog, pair, metric === 'days' ? w.days : w.ratio, unit, lang, extra),
    };
  });
  return barsOption({
    rows,
    lang,
    axisName: metric === 'days' ? w.daysAxis : w.ratioAxis,
    seriesName: metric === 'days' ? w.days : w.ratio,
    targetName: w.target,
    gapWord: w.gap,
    estimateWord: w.estimate,
    colour: metric === 'days' ? SERIES_COLOURS[2] : SERIES_COLOURS[4],
    // A full year on the axis: the empty part of the bar is the days that were not good.
    max: metric === 'days' ? Math.max(...years.map(daysInYear), 365) : 100,
    digits: metric === 'days' ? 0 : 1,
  });
}
