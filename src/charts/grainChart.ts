/**
 * Grain charts of one district: output (万吨), sown area (万亩), or the yield per mu that we
 * compute (output ÷ area, 公斤/亩), never presented as a reported figure. Pure: catalog in, option out.
 */
import type { Lang } from '../core/url';
import type { Catalog } from '../model/catalog';
import { computeYield, formatYield, GRAIN } from '../model/citizen';
import { barsOption, type YearRow } from './citizenBars';
import { tipLines } from './airChart';
import { SERIES_COLOURS } from './palette';
import type { ChartOption } from './types';

export type GrainMetric = 'output' | 'area' | 'yield';

const WORDS = {
  zh: { output: '粮食总产量', area: '粮食播种面积', yield: '亩产（本站计算）', target: '目标', gap: '无数据', estimate: '预计', outputAxis: '万吨', areaAxis: '万亩', yieldAxis: '公斤/亩', computed: '本站用总产量 ÷ 播种面积算出，不是报告中的数字' },
  en: { output: 'Grain output', area: 'Grain sown area', yield: 'Yield per mu (computed by us)', target: 'Target', gap: 'no data', estimate: 'est.', outputAxis: 'thousand t', areaAxis: 'thousand mu', yieldAxis: 'kg/mu', computed: 'Computed by us as output ÷ sown area; not a reported figure' },
} as const;

export function grainChartOption(catalog: Catalog, district: string, years: readonly number[], metric: GrainMetric, lang: Lang): ChartOption {
  const w = WORDS[lang];
  const colour = metric === 'output' ? SERIES_COLOURS[1] : metric === 'area' ? SERIES_COLOURS[0] : SERIES_COLOURS[5];
  let rows: YearRow[];
  if (metric === 'yield') {
    rows = years.map((year) => {
      const y = computeYield(catalog.pair(district, GRAIN.output, year).actual, catalog.pair(district, GRAIN.area, year).actual);
      const sep = lang === 'zh' ? '：' : ': ';
      const tip = [lang === 'zh' ? `${year}年` : String(year), `${w.yield}${sep}${y ? `${y.estimate ? (lang === 'zh' ? '预计' : 'expected ') : ''}${formatYield(y, lang)}` : w.gap}`, w.computed];
      return { year, bar: y ? { value: y.value, comparator: y.comparator, estimate: y.estimate } : null, target: null, tip };
    });
  } else {
    const id = metric === 'output' ? GRAIN.output : GRAIN.area;
    const unit = catalog.indicators.get(id)?.unit ?? (metric === 'output' ? '万吨' : '万亩');
    // English speaks of thousands (720 thousand t), so its axis does too: 1 万 = 10 thousand.
    const k = lang === 'en' ? 10 : 1;
    rows = years.map((year) => {
      const pair = catalog.pair(district, id, year);
      const a = pair.actual?.obs;
      const t = pair.target?.obs;
      return {
        year,
        bar: a && a.canonicalValue !== null ? { value: a.canonicalValue * k, comparator: a.comparator, estimate: a.estimate } : null,
        target: t && t.canonicalValue !== null && t.comparator !== 'text' ? { value: t.canonicalValue * k, comparator: t.comparator, estimate: false } : null,
        tip: tipLines(catalog, pair, w[metric], unit, lang),
      };
    });
  }
  return barsOption({
    rows,
    lang,
    axisName: metric === 'output' ? w.outputAxis : metric === 'area' ? w.areaAxis : w.yieldAxis,
    seriesName: w[metric],
    targetName: w.target,
    gapWord: w.gap,
    estimateWord: w.estimate,
    colour,
    digits: metric === 'yield' ? 0 : 2,
  });
}
