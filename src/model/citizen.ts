/**
 * What the citizen pages (air, grain) show, read from the catalog: which districts and years,
 * each year's shown result and target, the figures for the plain sentences, and the two numbers
 * we compute ourselves (good days ÷ days in the year; grain yield per mu). Pure.
 */
import type { Lang } from '../core/url';
import type { Comparator, District, Indicator } from '../data/types';
import type { Catalog, Pair, Shown } from './catalog';
import { formatQualified } from './format';
import { daysInYear, type Figure, type IndicatorFigures } from './sentences';

export const AIR = { days: 'aq-good-days', ratio: 'aq-good-ratio' } as const;
export const GRAIN = { output: 'grain-output', area: 'grain-area' } as const;

/** Past this many districts, the page opens on the first few and offers the picker. */
export const DEFAULT_SHOWN = 4;

export function figureOf(s: Shown | null): Figure | null {
  if (!s) return null;
  return { year: s.obs.year, comparator: s.obs.comparator, value: s.obs.canonicalValue, estimate: s.obs.estimate };
}

export function indicatorFigures(catalog: Catalog, district: string, id: string): IndicatorFigures {
  const ind = catalog.indicators.get(id);
  const pairs = catalog.series(district, id);
  return {
    id,
    unit: ind?.unit ?? '',
    measure: ind?.measure ?? 'level',
    better: ind?.better ?? 'higher',
    actuals: pairs.map((p) => figureOf(p.actual)).filter((f): f is Figure => f !== null),
    targets: pairs.map((p) => figureOf(p.target)).filter((f): f is Figure => f !== null),
    missing: (year) => catalog.missingContext(district, year),
  };
}

export interface Chosen {
  /** Districts with any figure of the page's indicators, in districts.csv order. */
  all: District[];
  /** Those shown: the `districts` parameter's (that have data), else the first few. */
  shown: District[];
  /** Ids in the `districts` parameter that have no figure for this page. */
  unknown: string[];
}

export function chooseDistricts(catalog: Catalog, ids: readonly string[], requested: readonly string[]): Chosen {
  const all = catalog.districtsWithData().filter((d) => ids.some((i) => catalog.has(d.id, i)));
  const byId = new Map(all.map((d) => [d.id, d]));
  const picked = requested.map((r) => byId.get(r)).filter((d): d is District => !!d);
  const unknown = requested.filter((r) => !byId.has(r));
  return { all, shown: picked.length ? picked : all.slice(0, DEFAULT_SHOWN), unknown };
}

/** Every year from the first to the last figure of these indicators, so a missing year is a visible gap. */
export function citizenYears(catalog: Catalog, ids: readonly string[], districts: readonly District[]): number[] {
  const ys: number[] = [];
  for (const d of districts) for (const i of ids) for (const o of catalog.observationsOf(d.id, i)) ys.push(o.year);
  if (!ys.length) return [];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
}

export interface AirYear {
  year: number;
  days: Pair;
  ratio: Pair;
  daysInYear: number;
  /** Good days ÷ days in the year, in % (ours, not the report's); null without a day count. */
  share: number | null;
}

export function airYears(catalog: Catalog, district: string, years: readonly number[]): AirYear[] {
  return years.map((year) => {
    const days = catalog.pair(district, AIR.days, year);
    const total = daysInYear(year);
    const v = days.actual?.obs.canonicalValue ?? null;
    return { year, days, ratio: catalog.pair(district, AIR.ratio, year), daysInYear: total, share: v === null ? null : (v / total) * 100 };
  });
}

/** Other air figures a district reports (PM2.5, heavy-pollution days …), for a short list. */
export function otherAirIndicators(catalog: Catalog, district: string): Indicator[] {
  return [...catalog.indicators.values()].filter(
    (i) => i.id !== AIR.days && i.id !== AIR.ratio && (i.id.startsWith('aq-') || /pm(2[-.]?5|10)/i.test(i.id)) && catalog.has(district, i.id),
  );
}

export interface Yield {
  year: number;
  /** 公斤/亩, rounded to a whole kilogram in the direction the qualifier allows. */
  value: number;
  comparator: Comparator;
  estimate: boolean;
}

/**
 * Yield per mu = output (万吨) ÷ area (万亩) × 1000 公斤. Computed only where both results exist for
 * the same year and the qualifiers give a meaningful quotient: the area must be plain (= or ~);
 * a floor or ceiling on output carries over to the yield.
 */
export function computeYield(output: Shown | null, area: Shown | null): Yield | null {
  const o = output?.obs;
  const a = area?.obs;
  if (!o || !a || o.canonicalValue === null || a.canonicalValue === null || a.canonicalValue <= 0) return null;
  if (a.comparator !== '=' && a.comparator !== '~') return null;
  if (o.comparator === 'text') return null;
  const raw = (o.canonicalValue / a.canonicalValue) * 1000;
  let comparator: Comparator = o.comparator;
  if (a.comparator === '~') {
    if (comparator !== '=' && comparator !== '~') return null;
    comparator = '~';
  }
  // Round so the stated bound stays true: a floor rounds down, a ceiling up.
  const value = comparator === '>=' || comparator === '>' ? Math.floor(raw) : comparator === '<=' || comparator === '<' ? Math.ceil(raw) : Math.round(raw);
  return { year: o.year, value, comparator: comparator === '>' ? '>=' : comparator === '<' ? '<=' : comparator, estimate: o.estimate || a.estimate };
}

export interface GrainYear {
  year: number;
  output: Pair;
  area: Pair;
  yield: Yield | null;
}

export function grainYears(catalog: Catalog, district: string, years: readonly number[]): GrainYear[] {
  return years.map((year) => {
    const output = catalog.pair(district, GRAIN.output, year);
    const area = catalog.pair(district, GRAIN.area, year);
    return { year, output, area, yield: computeYield(output.actual, area.actual) };
  });
}

/** A computed yield as text: "476公斤/亩以上" / "at least 476 kg/mu". */
export function formatYield(y: Pick<Yield, 'value' | 'comparator'>, lang: Lang): string {
  // The unit per language (公斤/亩 / kg/mu), as formatValue writes units.
  if (lang === 'zh') return formatQualified(y.comparator, y.value, '公斤/亩', 'zh');
  return `${formatQualified(y.comparator, y.value, '', 'en')} kg/mu`;
}

/** Both names, for a sentence that picks its language later. */
const bothNames = (d: District) => ({ zh: d.name_zh, en: d.name_en });

export function airSentenceInput(catalog: Catalog, d: District) {
  return { name: bothNames(d), days: indicatorFigures(catalog, d.id, AIR.days), ratio: indicatorFigures(catalog, d.id, AIR.ratio) };
}

export function grainSentenceInput(catalog: Catalog, d: District) {
  return { name: bothNames(d), output: indicatorFigures(catalog, d.id, GRAIN.output), area: indicatorFigures(catalog, d.id, GRAIN.area) };
}

/** The latest year with a result for any of these indicators (what the big numbers show). */
export function latestResultYear(catalog: Catalog, district: string, ids: readonly string[]): number | null {
  let best: number | null = null;
  for (const i of ids) for (const o of catalog.observationsOf(district, i)) if (o.kind === 'actual' && o.canonicalValue !== null && (best === null || o.year > best)) best = o.year;
  return best;
}

/**
 * The example of the explanation: days and stated ratio of the same year give the monitored days
 * the ratio was counted over (297 ÷ 85.4 % ≈ 348). Only from plain (=) figures.
 */
export interface RatioExample {
  district: District;
  year: number;
  days: number;
  ratio: number;
  daysInYear: number;
  /** days ÷ days in the year, in %. */
  share: number;
  /** days ÷ ratio: the monitored days implied. */
  monitored: number;
}

export function ratioExample(catalog: Catalog, districts: readonly District[]): RatioExample | null {
  for (const d of districts) {
    const years = [...catalog.years].reverse();
    for (const year of years) {
      const a = catalog.shown(d.id, AIR.days, year, 'actual')?.obs;
      const r = catalog.shown(d.id, AIR.ratio, year, 'actual')?.obs;
      if (!a || !r || a.comparator !== '=' || r.comparator !== '=' || a.canonicalValue === null || !r.canonicalValue) continue;
      const total = daysInYear(year);
      return { district: d, year, days: a.canonicalValue, ratio: r.canonicalValue, daysInYear: total, share: (a.canonicalValue / total) * 100, monitored: Math.round(a.canonicalValue / (r.canonicalValue / 100)) };
    }
  }
  return null;
}
