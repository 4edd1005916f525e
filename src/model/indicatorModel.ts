/**
 * What the indicator view draws, computed from the catalog before any chart exists: the
 * indicator, the years and districts shown, and for each (district, year) the target and
 * result shown (latest source, conflicts flagged) with their status. Pure: catalog in,
 * plain objects out, so the chart builder, the description and the table all read the same.
 */
import type { YearRange } from '../core/url';
import type { District, Indicator, Source } from '../data/types';
import type { Catalog, Shown } from './catalog';
import type { Status } from './status';

export interface IndicatorCell {
  district: District;
  year: number;
  target: Shown | null;
  actual: Shown | null;
  status: Status;
}

export interface IndicatorModel {
  indicator: Indicator;
  years: number[];
  districts: District[];
  /** cells[districtIndex][yearIndex]; a cell with neither figure is a gap. */
  cells: IndicatorCell[][];
  sources: ReadonlyMap<string, Source>;
}

/** The default indicator: GDP growth when it has figures, else the first with data. */
export const DEFAULT_INDICATOR = 'gdp-growth';

/** More districts than this make a chart of slivers: the default shows the first ones. */
export const MAX_DEFAULT_DISTRICTS = 12;

export interface IndicatorChoice {
  id: string | null;
  /** The URL named an indicator that has no figures (or does not exist). */
  unknown: string | null;
}

export function chooseIndicator(catalog: Catalog, requested: string | null): IndicatorChoice {
  const withData = catalog.indicatorsWithData();
  if (requested && withData.some((i) => i.id === requested)) return { id: requested, unknown: null };
  const fallback = withData.find((i) => i.id === DEFAULT_INDICATOR) ?? withData[0];
  return { id: fallback?.id ?? null, unknown: requested };
}

export interface DistrictChoice {
  ids: string[];
  /** Ids in the URL that are not in districts.csv. */
  unknown: string[];
  /** Districts with figures for the indicator, when the default was cut to MAX_DEFAULT_DISTRICTS. */
  availableCount: number;
  /** True when no districts were asked for and the default was used. */
  isDefault: boolean;
}

/** The URL's districts (known ones, in the given order), or every district with figures. */
export function chooseDistricts(catalog: Catalog, indicator: string, requested: readonly string[]): DistrictChoice {
  const known = requested.filter((d) => catalog.districts.has(d));
  const unknown = requested.filter((d) => !catalog.districts.has(d));
  const withFigures = catalog.data.districts.filter((d) => catalog.has(d.id, indicator)).map((d) => d.id);
  if (known.length) return { ids: known, unknown, availableCount: withFigures.length, isDefault: false };
  return { ids: withFigures.slice(0, MAX_DEFAULT_DISTRICTS), unknown, availableCount: withFigures.length, isDefault: true };
}

/**
 * The years on the axis. An explicit range is shown whole within the catalog's years (empty
 * years are gaps, said in words); without one, the years from the indicator's first to last
 * figure, with any year between them kept as a gap.
 */
export function chooseYears(catalog: Catalog, indicator: string, districts: readonly string[], range: YearRange | null): number[] {
  const all = catalog.years;
  if (!all.length) return [];
  const lo = all[0]!;
  const hi = all.at(-1)!;
  let from: number;
  let to: number;
  if (range) {
    from = Math.max(range.from, lo);
    to = Math.min(range.to, hi);
  } else {
    const ys = districts.flatMap((d) => catalog.observationsOf(d, indicator).map((o) => o.year));
    if (!ys.length) return [];
    from = Math.min(...ys);
    to = Math.max(...ys);
  }
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

export function buildIndicatorModel(catalog: Catalog, indicatorId: string, districtIds: readonly string[], years: readonly number[]): IndicatorModel | null {
  const indicator = catalog.indicators.get(indicatorId);
  if (!indicator) return null;
  const districts = districtIds.map((d) => catalog.districts.get(d)).filter((d): d is District => !!d);
  const cells = districts.map((d) =>
    years.map((y) => {
      const p = catalog.pair(d.id, indicatorId, y);
      return { district: d, year: y, target: p.target, actual: p.actual, status: p.status };
    }),
  );
  return { indicator, years: [...years], districts, cells, sources: catalog.sources };
}

export const isGap = (c: IndicatorCell) => !c.target && !c.actual;

/** True when any shown figure of the model has another source that disagrees. */
export const hasConflict = (m: IndicatorModel) => m.cells.some((row) => row.some((c) => c.target?.conflict || c.actual?.conflict));

/** The largest figure shown (by size), which picks the English scale word (thousand, million…). */
export function maxAbsValue(m: IndicatorModel): number {
  let max = 0;
  for (const row of m.cells) {
    for (const c of row) {
      for (const v of [c.actual?.obs.canonicalValue, c.target?.obs.canonicalValue]) if (v != null) max = Math.max(max, Math.abs(v));
    }
  }
  return max;
}
