/**
 * A card's small trend line: the results over the years, nothing else (no axes, no tooltip —
 * the card states the numbers and their sources). Years without a figure stay gaps (null),
 * never zeros; an estimate (预计) is drawn as an open circle.
 */
import { defineMessages, translate, type Params } from '../core/i18n';
import type { Lang } from '../core/url';
import { formatValue } from '../model/format';
import type { TrendPoint } from '../model/overviewCards';
import { SERIES_COLOURS } from './palette';
import type { ChartOption } from './types';

export interface SparklineData {
  value: number | null;
  symbol: string;
  symbolSize: number;
}

export function sparklineData(points: readonly TrendPoint[]): SparklineData[] {
  return points.map((p, i) => ({
    value: p.value,
    symbol: p.estimate ? 'emptyCircle' : 'circle',
    // The year the card is about stands out.
    symbolSize: i === points.length - 1 ? 8 : 5,
  }));
}

export function sparklineOption(points: readonly TrendPoint[], colour = SERIES_COLOURS[0]!): ChartOption {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  // A flat or single-point series sits in the middle instead of on an edge.
  const pad = max === min ? Math.abs(max) * 0.1 || 1 : (max - min) * 0.15;
  return {
    animation: false,
    grid: { left: 6, right: 6, top: 6, bottom: 6 },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)), show: false, boundaryGap: false },
    yAxis: { type: 'value', show: false, min: min - pad, max: max + pad },
    tooltip: { show: false },
    series: [
      {
        type: 'line',
        silent: true,
        connectNulls: false,
        showSymbol: true,
        lineStyle: { color: colour, width: 2 },
        itemStyle: { color: colour, borderColor: colour, borderWidth: 2 },
        data: sparklineData(points),
      },
    ],
  };
}

const words = defineMessages({
  zh: { none: '{name}：暂无历年结果', gap: '{year}年无数据', year: '{year}年{value}', yearEstimate: '{year}年{value}（预计）', all: '{name}历年结果（{span}）：{parts}', sep: '；' },
  en: { none: '{name}: no results over the years', gap: '{year} no figure', year: '{year} {value}', yearEstimate: '{year} {value} (estimate)', all: '{name}, results {span}: {parts}', sep: '; ' },
});

/** The chart's words: every year, its figure or "no figure", estimates marked. */
export function sparklineDescription(points: readonly TrendPoint[], name: string, unit: string, lang: Lang): string {
  const w = (key: keyof (typeof words)['zh'], params?: Params) => translate(words, lang, key, params);
  if (points.length === 0) return w('none', { name });
  const first = points[0]!.year;
  const last = points.at(-1)!.year;
  const span = first === last ? String(first) : `${first}–${last}`;
  const parts = points.map((p) => {
    if (p.value === null) return w('gap', { year: p.year });
    return w(p.estimate ? 'yearEstimate' : 'year', { year: p.year, value: formatValue(p.value, unit, lang) });
  });
  return w('all', { name, span, parts: parts.join(w('sep')) });
}
