/**
 * The one chart shape of the citizen pages: one district, years along the bottom, a bar per
 * year's result (none where there is no result: a gap labelled in words, never a zero), a
 * black dash for a numeric target, estimates hatched and labelled. Pure: rows in, option out.
 * Tooltips are HTML, so every text is escaped here.
 */
import type { Comparator } from '../data/types';
import { clean, formatNumber } from '../model/format';
import { escapeHtml } from './escape';
import { SERIES_COLOURS, TARGET_COLOUR } from './palette';
import type { ChartOption } from './types';
import type { Lang } from '../core/url';

export type { BarPoint, YearRow } from '../model/citizenCharts';
import type { BarPoint, YearRow } from '../model/citizenCharts';

export interface BarsInput {
  rows: YearRow[];
  lang: Lang;
  /** Axis name with the unit, e.g. "天" or "万吨". */
  axisName: string;
  seriesName: string;
  targetName: string;
  /** Words on a year without a result. */
  gapWord: string;
  estimateWord: string;
  colour?: string;
  /** Fixed top of the value axis (366 for days of a year). */
  max?: number;
  /** Decimal places of the short labels. */
  digits?: number;
}

export const ESTIMATE_DECAL = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.55)' };

const SIGN: Record<Comparator, { zh: string; en: string }> = {
  '=': { zh: '', en: '' },
  '~': { zh: '约', en: '~' },
  '>=': { zh: '≥', en: '≥' },
  '>': { zh: '>', en: '>' },
  '<=': { zh: '≤', en: '≤' },
  '<': { zh: '<', en: '<' },
  text: { zh: '', en: '' },
};

/** The report's qualifier as a sign for a short label: 突破 → ">", 以上 → "≥", 左右 → "约" / "~". */
export function qualifierSign(c: Comparator, lang: Lang): string {
  return SIGN[c][lang];
}

/**
 * A tooltip box that stays on a 360 px screen: kept inside the chart, at most 320 px (less on a
 * narrower screen) and wrapping its lines (ECharts' default is one unbroken line).
 */
export const TOOLTIP_BOX = {
  confine: true,
  extraCssText: 'max-width:min(320px, calc(100vw - 24px));white-space:normal;overflow-wrap:anywhere;',
} as const;

/** A bar's short label: the number with its qualifier as a sign (≥4, >72, 约67). */
export function shortLabel(p: BarPoint, lang: Lang, digits = 1): string {
  const n = formatNumber(Number(p.value.toFixed(digits)), lang);
  return `${SIGN[p.comparator][lang]}${n}`;
}

export function barsOption(input: BarsInput): ChartOption {
  const { rows, lang, digits = 1 } = input;
  const colour = input.colour ?? SERIES_COLOURS[0]!;
  const years = rows.map((r) => String(r.year));
  const tips = rows.map((r) => r.tip.map(escapeHtml));
  const bars = rows.map((r) => {
    if (!r.bar) return null;
    const est = r.bar.estimate;
    return {
      value: clean(r.bar.value),
      itemStyle: est ? { color: colour, opacity: 0.6, decal: ESTIMATE_DECAL, borderColor: colour, borderWidth: 1.5, borderType: 'dashed' as const } : { color: colour },
      label: { formatter: est ? `${shortLabel(r.bar, lang, digits)}\n${input.estimateWord}` : shortLabel(r.bar, lang, digits) },
    };
  });
  const targets = rows.map((r) => (r.target ? { value: clean(r.target.value) } : null));
  // A word at the foot of a year with no result, so a gap reads as "no figure", not as zero.
  const gaps = rows.map((r) => (r.bar ? null : { value: 0 }));
  const hasTargets = targets.some((t) => t !== null);

  return {
    animation: false,
    aria: { enabled: false },
    color: [colour, TARGET_COLOUR],
    grid: { left: 4, right: 8, top: hasTargets ? 36 : 24, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: hasTargets ? { top: 0, right: 0, itemWidth: 18, itemHeight: 10, data: [input.seriesName, input.targetName], textStyle: { fontSize: 13 } } : undefined,
    tooltip: {
      trigger: 'axis',
      ...TOOLTIP_BOX,
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0] as { dataIndex?: number } | undefined;
        const lines = tips[first?.dataIndex ?? -1];
        return lines ? lines.join('<br>') : '';
      },
    },
    xAxis: { type: 'category', data: years, axisTick: { alignWithLabel: true }, axisLabel: { fontSize: 13 } },
    yAxis: {
      type: 'value',
      name: input.axisName,
      nameTextStyle: { align: 'left', fontSize: 12 },
      min: 0,
      max: input.max,
      axisLabel: { fontSize: 12 },
    },
    series: [
      {
        type: 'bar',
        name: input.seriesName,
        data: bars,
        barMaxWidth: 56,
        label: { show: true, position: 'top', fontSize: 14, fontWeight: 'bold', color: '#1b1f24' },
      },
      {
        type: 'scatter',
        name: input.targetName,
        data: targets,
        symbol: 'rect',
        symbolSize: [40, 4],
        itemStyle: { color: TARGET_COLOUR },
        z: 5,
      },
      {
        type: 'scatter',
        name: input.gapWord,
        data: gaps,
        symbolSize: 0,
        silent: true,
        tooltip: { show: false },
        label: { show: true, position: 'top', formatter: input.gapWord, color: '#57606a', fontSize: 12 },
      },
    ],
  };
}
