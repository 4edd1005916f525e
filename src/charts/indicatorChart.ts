/**
 * The indicator chart's option, built from the IndicatorModel: one bar series of results per
 * district (years on the x axis, nulls where there is no figure), and one custom series of
 * target marks per district drawn over that district's bars: a line for a plain target, a
 * ± tolerance band for a `~` target, an arrow pointing the better way for `>=`/`<=`, and the
 * word 定性/qualitative for a text target. Estimates are lighter, hatched and labelled 预计.
 * Pure: model in, option out; tests assert on the object and on a server-side SVG.
 */
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import type { BarSeriesOption, CustomSeriesOption } from 'echarts/charts';
import { common, nameOf, translate } from '../core/i18n';
import type { Lang } from '../core/url';
import type { Observation } from '../data/types';
import { clean, comparatorWords, formatNumber, formatValueEn, publicNote } from '../model/format';
import type { IndicatorCell, IndicatorModel } from '../model/indicatorModel';
import { figureText } from '../model/figureText';
import { otherSources, sourceLine, statusText, word } from '../model/indicatorText';
import { missingResult, missingTarget, tolerance } from '../model/status';
import { splitUnit } from '../data/units';
import { qualifierSign, TOOLTIP_BOX } from './citizenBars';
import { escapeHtml } from './escape';
import { SERIES_COLOURS, STATUS_STYLE, TARGET_COLOUR } from './palette';
import type { ChartOption } from './types';

/** Yellow fails contrast against white for thin marks; the rest of Okabe–Ito stays. */
export const DISTRICT_COLOURS = SERIES_COLOURS.filter((c) => c !== '#F0E442');

/**
 * Past the seven colours a district's colour repeats: the second round of districts gets
 * white dots, the third white rings, so two districts never look the same.
 */
type DecalObject = Exclude<NonNullable<NonNullable<BarSeriesOption['itemStyle']>['decal']>, 'none'>;

export const REPEAT_DECALS: (DecalObject | undefined)[] = [
  undefined,
  { symbol: 'circle', symbolSize: 0.5, dashArrayX: [6, 0], dashArrayY: [6, 0], color: 'rgba(255, 255, 255, 0.85)' },
  { symbol: 'rect', symbolSize: 0.45, dashArrayX: [7, 0], dashArrayY: [7, 0], color: 'rgba(255, 255, 255, 0.85)' },
];

export const districtDecal = (i: number): DecalObject | undefined => REPEAT_DECALS[Math.floor(i / DISTRICT_COLOURS.length) % REPEAT_DECALS.length];

/** Bars and target marks share this layout so each mark sits over its own bar. */
export const BAR_LAYOUT = { barGap: '20%', barCategoryGap: '30%', barMaxWidth: 64 } as const;

/** Lighter and hatched: an estimate (预计) must never look final. */
export const ESTIMATE_OPACITY = 0.45;

/** The district colour made lighter by transparency in the fill only, so the bar's label stays crisp. */
export function lighter(hex: string, alpha = ESTIMATE_OPACITY): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
export const ESTIMATE_DECAL = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [3, 5],
  rotation: -Math.PI / 4,
  color: 'rgba(0, 0, 0, 0.35)',
};

/** The ± tolerance band of a `~` target: a translucent fill that tests can find in the SVG. */
export const BAND_FILL = 'rgba(34, 34, 34, 0.16)';

export type TargetShape = 'line' | 'band' | 'floor' | 'ceiling' | 'text';

export interface TargetMark {
  shape: TargetShape;
  /** The target in the canonical unit; null for a text target. */
  value: number | null;
  /** Band bounds (T ∓ tolerance) for `~`; else equal to value. */
  low: number | null;
  high: number | null;
}

/** How a target is drawn, from its comparator (DESIGN.md tolerance for `~`). */
export function targetMark(obs: Observation, measure: IndicatorModel['indicator']['measure']): TargetMark {
  const T = obs.canonicalValue;
  if (obs.comparator === 'text' || T === null) return { shape: 'text', value: null, low: null, high: null };
  if (obs.comparator === '~') {
    const tol = tolerance(measure, T);
    return { shape: 'band', value: T, low: clean(T - tol), high: clean(T + tol) };
  }
  if (obs.comparator === '>=' || obs.comparator === '>') return { shape: 'floor', value: T, low: T, high: T };
  if (obs.comparator === '<=' || obs.comparator === '<') return { shape: 'ceiling', value: T, low: T, high: T };
  return { shape: 'line', value: T, low: T, high: T };
}

/** Axis name and tick scale: 万吨 in zh; "thousand t" with ticks ×10 in en, as formatValue writes it. */
export function axisUnit(unit: string, maxAbs: number, lang: Lang): { name: string; scale: number } {
  // The unit's scale per language, as formatValue writes it: 万吨 stays, English counts thousands.
  if (lang === 'zh' || unit.trim() === '%' || unit.trim() === '') return { name: unit, scale: 1 };
  const written = formatValueEn(maxAbs > 0 ? maxAbs : 1, unit);
  const rest = /^[-\d,.]+\s?(.*)$/.exec(written)?.[1] ?? unit;
  const words: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
  const first = rest.split(' ')[0] ?? '';
  const wordScale = words[first] ?? 1;
  return { name: rest, scale: splitUnit(unit).factor / wordScale };
}

const esc = escapeHtml;
const colonOf = (lang: Lang) => translate(common, lang, 'colon');

function figureHtml(label: string, shown: NonNullable<IndicatorCell['actual']>, m: IndicatorModel, lang: Lang): string {
  const o = shown.obs;
  const c = colonOf(lang);
  const rows = [
    `<div class="tt-figure"><b>${esc(label)}${c}</b>${esc(figureText(o, m.indicator.unit, lang))}</div>`,
    `<div>${esc(word(lang, 'wording'))}${c}${esc(comparatorWords(o.comparator, lang))}</div>`,
    `<div>${esc(word(lang, 'source'))}${c}${esc(sourceLine(o, m.sources.get(o.source), lang))}</div>`,
    `<div>${esc(word(lang, 'quote'))}${c}“${esc(o.quote)}”</div>`,
  ];
  const note = publicNote(o, lang);
  if (note) rows.push(`<div>${esc(note)}</div>`);
  if (shown.conflict) {
    rows.push(`<div class="tt-conflict">⚠ ${esc(word(lang, 'conflict'))}${c}${otherSources(shown, m.indicator, m.sources, lang).map(esc).join('; ')}</div>`);
  }
  return rows.join('');
}

/** The tooltip of one (district, year): every piece that came from a CSV is escaped. */
export function tooltipHtml(cell: IndicatorCell, m: IndicatorModel, lang: Lang): string {
  const c = colonOf(lang);
  const district = nameOf(cell.district, lang);
  const parts = [`<div class="tt"><div><strong>${esc(district)} · ${cell.year}</strong></div>`];
  if (cell.actual) parts.push(figureHtml(word(lang, 'result'), cell.actual, m, lang));
  else parts.push(`<div><b>${esc(word(lang, 'result'))}${c}</b>${esc(word(lang, missingResult(cell.status)))}</div>`);
  if (cell.target) parts.push(figureHtml(word(lang, 'target'), cell.target, m, lang));
  else parts.push(`<div><b>${esc(word(lang, 'target'))}${c}</b>${esc(word(lang, missingTarget(cell.status)))}</div>`);
  const st = STATUS_STYLE[cell.status.kind];
  parts.push(`<div class="tt-status"><b>${esc(word(lang, 'status'))}${c}</b>${st.icon} ${esc(statusText(cell, lang))}</div></div>`);
  return parts.join('');
}

export interface IndicatorChartOptions {
  lang: Lang;
  /** A phone-width chart: fewer value labels, smaller type, a scrolling legend. */
  compact?: boolean;
  /** Bar value labels clutter beyond this many bars; the tooltip and table still give every number. */
  maxLabelledBars?: number;
}

/** Series ids, so the view and tests can find a district's bars and marks. */
export const barId = (district: string) => `actual:${district}`;
export const markId = (district: string) => `target:${district}`;

type MarkDatum = { value: [number, number | null, number | null, number | null]; shape: TargetShape; estimate: boolean };

export function indicatorOption(m: IndicatorModel, { lang, compact = false, maxLabelledBars = compact ? 8 : 24 }: IndicatorChartOptions): ChartOption {
  const values = m.cells.flatMap((row) =>
    row.flatMap((c) => {
      const out: number[] = [];
      if (c.actual?.obs.canonicalValue != null) out.push(c.actual.obs.canonicalValue);
      if (c.target) {
        const t = targetMark(c.target.obs, m.indicator.measure);
        if (t.high !== null) out.push(t.high);
        if (t.low !== null) out.push(t.low);
      }
      return out;
    }),
  );
  const maxAbs = values.length ? Math.max(...values.map(Math.abs)) : 0;
  const unit = axisUnit(m.indicator.unit, maxAbs, lang);
  const barCount = m.cells.reduce((n, row) => n + row.filter((c) => c.actual?.obs.canonicalValue != null).length, 0);
  const labelBars = barCount <= maxLabelledBars;
  const short = (v: number) => formatNumber(clean(v * unit.scale), lang);
  // A bare 6 next to a % axis reads as a count; the percent sign costs one character.
  const labelText = (v: number) => (m.indicator.unit.trim() === '%' ? `${short(v)}%` : short(v));
  // The report's qualifier stays on the label: 突破72万吨 is ">72", never a bare "72".
  const qualified = (o: Observation) => `${qualifierSign(o.comparator, lang)}${labelText(o.canonicalValue!)}`;
  const n = m.districts.length;
  const name = (i: number) => nameOf(m.districts[i]!, lang);
  const colour = (i: number) => DISTRICT_COLOURS[i % DISTRICT_COLOURS.length]!;

  const bars: BarSeriesOption[] = m.cells.map((row, di) => ({
    type: 'bar',
    id: barId(m.districts[di]!.id),
    name: name(di),
    ...BAR_LAYOUT,
    itemStyle: { color: colour(di), decal: districtDecal(di) },
    data: row.map((c) => {
      const o = c.actual?.obs;
      // A gap is null (no bar), never 0; a text result has no bar either.
      if (!o || o.canonicalValue === null) return null;
      const estimate = o.estimate;
      return {
        value: o.canonicalValue,
        itemStyle: estimate
          ? { color: lighter(colour(di)), decal: ESTIMATE_DECAL, borderColor: colour(di), borderWidth: 1.5, borderType: 'dashed' as const }
          : { color: colour(di), decal: districtDecal(di) },
        label: {
          show: labelBars || estimate,
          position: 'top' as const,
          distance: 4,
          color: '#1b1f24',
          fontSize: compact ? 11 : 12,
          formatter: estimate ? (labelBars ? `${qualified(o)}\n${word(lang, 'estimate')}` : word(lang, 'estimate')) : qualified(o),
        },
      };
    }),
  }));

  const marks: CustomSeriesOption[] = m.cells.map((row, di) => {
    const data: MarkDatum[] = [];
    row.forEach((c, yi) => {
      if (!c.target) return;
      const t = targetMark(c.target.obs, m.indicator.measure);
      data.push({ value: [yi, t.value, t.low, t.high], shape: t.shape, estimate: c.target.obs.estimate });
    });
    const shapes = data.map((d) => d.shape);
    return {
      type: 'custom',
      id: markId(m.districts[di]!.id),
      // The district's name, so the legend shows the district once for its bars and its marks.
      name: name(di),
      encode: { x: 0, y: [1, 2, 3] },
      z: 3,
      itemStyle: { color: colour(di) },
      data,
      renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
        const shape = shapes[params.dataIndex] ?? 'line';
        const layout = api.barLayout({ count: n, ...BAR_LAYOUT })?.[di];
        const x = Number(api.value(0));
        const center = api.coord([x, 0])[0]! + (layout?.offsetCenter ?? 0);
        const half = Math.max(((layout?.width ?? 12) + 8) / 2, 7);
        const sys = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
        if (shape === 'text') {
          return {
            type: 'text',
            style: {
              x: center,
              y: sys.y + sys.height - 4,
              text: word(lang, 'qualShort'),
              fill: TARGET_COLOUR,
              font: '12px sans-serif',
              align: 'center',
              verticalAlign: 'bottom',
              stroke: '#ffffff',
              lineWidth: 3,
            },
          };
        }
        const y = api.coord([x, Number(api.value(1))])[1]!;
        const line = {
          type: 'line' as const,
          shape: { x1: center - half, y1: y, x2: center + half, y2: y },
          style: { stroke: TARGET_COLOUR, lineWidth: 3, lineDash: data[params.dataIndex]?.estimate ? [4, 3] : undefined },
        };
        const halo = { ...line, style: { stroke: '#ffffff', lineWidth: 6 } };
        const children: NonNullable<CustomSeriesRenderItemReturn>[] = [];
        if (shape === 'band') {
          const lo = api.coord([x, Number(api.value(2))])[1]!;
          const hi = api.coord([x, Number(api.value(3))])[1]!;
          children.push({
            type: 'rect',
            shape: { x: center - half, y: Math.min(lo, hi), width: half * 2, height: Math.max(Math.abs(lo - hi), 2) },
            style: { fill: BAND_FILL, stroke: TARGET_COLOUR, lineWidth: 1, lineDash: [3, 2] },
          });
        }
        children.push(halo, line);
        if (shape === 'floor' || shape === 'ceiling') {
          // Points the way that is better: up for "at least", down for "at most".
          const dir = shape === 'floor' ? -1 : 1;
          children.push({
            type: 'polygon',
            shape: { points: [[center - 6, y + dir * 3], [center + 6, y + dir * 3], [center, y + dir * 12]] },
            style: { fill: TARGET_COLOUR, stroke: '#ffffff', lineWidth: 1 },
          });
        }
        return { type: 'group', children } as CustomSeriesRenderItemReturn;
      },
    };
  });

  // Tooltips by series and data index: both a bar and its mark show the whole (district, year).
  const byBar = (si: number, di: number) => m.cells[si]?.[di];
  const byMark = (si: number, di: number) => {
    const row = m.cells[si - n];
    const yi = (marks[si - n]?.data as MarkDatum[] | undefined)?.[di]?.value[0];
    return row && yi !== undefined ? row[yi] : undefined;
  };

  return {
    animation: false,
    color: m.districts.map((_, i) => colour(i)),
    aria: { enabled: false },
    legend: {
      // A plain legend wraps onto the plot when it runs out of width; a scrolling one stays on one line.
      type: n > (compact ? 2 : 6) ? 'scroll' : 'plain',
      top: 0,
      left: 0,
      selectedMode: false,
      data: m.districts.map((_, i) => ({ name: name(i), icon: 'roundRect' })),
      textStyle: { fontSize: compact ? 12 : 13 },
    },
    grid: { left: 8, right: 12, top: 64, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      ...TOOLTIP_BOX,
      formatter: (p) => {
        const params = Array.isArray(p) ? p[0] : p;
        if (!params) return '';
        const si = params.seriesIndex ?? 0;
        const cell = si < n ? byBar(si, params.dataIndex) : byMark(si, params.dataIndex);
        return cell ? tooltipHtml(cell, m, lang) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: m.years.map(String),
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      name: unit.name,
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (v: number) => short(v) },
    },
    series: [...bars, ...marks],
  };
}

/** File name for downloads: indicator id and years. */
export function downloadName(m: IndicatorModel): string {
  const y = m.years.length ? (m.years.length === 1 ? `${m.years[0]}` : `${m.years[0]}-${m.years.at(-1)}`) : 'no-years';
  return `${m.indicator.id}-${y}`;
}
