/**
 * The scorecard's state: districts × indicators for one year. Built to stay fast with
 * thousands of districts: one pass over the observations finds the year's columns and rows;
 * a row's pairs are computed only when the row is on screen (`scorecardRow`).
 */
import { byCodeUnits } from '../core/compare';
import { DEFAULT_STATE, type AppState, type Lang } from '../core/url';
import type { District, Indicator } from '../data/types';
import { type Catalog, HEADLINE, type Pair } from './catalog';
import { awaitsResult } from './status';

export interface ScorecardFrame {
  year: number | null;
  /**
   * Indicators with any figure in the year. Those with a target come first (a scorecard is
   * about targets), each group in work-report order, then by category and id.
   */
  columns: Indicator[];
  /** How many of the columns have a target somewhere in the year. */
  withTarget: number;
  /** Districts with any figure in the year, in the order of districts.csv. */
  districts: District[];
  /** Districts of the data without any figure in the year: named in words, never empty rows. */
  withoutData: District[];
}

export interface Scorecard extends ScorecardFrame {
  /** The districts after the choice (`districts`) and the search (`q`). */
  rows: District[];
  q: string;
  /** Chosen ids that name no district of the data. */
  unknown: string[];
}

export interface ScorecardCell {
  indicator: Indicator;
  pair: Pair;
  /** Neither a target nor a result: a gap, said in words. */
  empty: boolean;
}

export interface RowTally {
  met: number;
  near: number;
  missed: number;
  /** Targets whose result is not due yet. */
  pending: number;
  /** Targets whose result is due but not in the data. */
  'result-not-held': number;
}

function rank(id: string): number {
  const i = (HEADLINE as readonly string[]).indexOf(id);
  return i < 0 ? HEADLINE.length : i;
}

export function scorecardFrame(catalog: Catalog, year: number | null): ScorecardFrame {
  const all = catalog.data.districts;
  if (year === null) return { year, columns: [], withTarget: 0, districts: [], withoutData: [...all] };
  const indicators = new Set<string>();
  const targeted = new Set<string>();
  const districts = new Set<string>();
  for (const o of catalog.data.observations) {
    if (o.year !== year) continue;
    indicators.add(o.indicator);
    districts.add(o.district);
    if (o.kind === 'target') targeted.add(o.indicator);
  }
  const t = (i: Indicator) => (targeted.has(i.id) ? 0 : 1);
  const columns = catalog.data.indicators
    .filter((i) => indicators.has(i.id))
    .sort((a, b) => t(a) - t(b) || rank(a.id) - rank(b.id) || byCodeUnits(a.category, b.category) || byCodeUnits(a.id, b.id));
  return {
    year,
    columns,
    withTarget: columns.filter((c) => targeted.has(c.id)).length,
    districts: all.filter((d) => districts.has(d.id)),
    withoutData: all.filter((d) => !districts.has(d.id)),
  };
}

/** Search by Chinese or English name, id or the start of the 6-digit code. */
export function matchDistrict(d: District, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return d.name_zh.includes(needle) || d.name_en.toLowerCase().includes(needle) || d.id.includes(needle) || d.adcode.startsWith(needle);
}

export interface ScorecardOptions {
  /** The year shown; null or absent: the latest year with a result. */
  year?: number | null;
  /** Only these districts (the `districts` URL parameter); empty: all with figures. */
  districts?: readonly string[];
  q?: string;
}

export function buildScorecard(catalog: Catalog, opts: ScorecardOptions = {}): Scorecard {
  const year = opts.year ?? catalog.latestResultYear();
  const frame = scorecardFrame(catalog, year);
  const chosen = opts.districts ?? [];
  const unknown = chosen.filter((id) => !catalog.districts.has(id));
  let rows = frame.districts;
  if (chosen.length) {
    const set = new Set(chosen);
    rows = rows.filter((d) => set.has(d.id));
  }
  const q = (opts.q ?? '').trim();
  if (q) rows = rows.filter((d) => matchDistrict(d, q));
  return { ...frame, q, rows, unknown };
}

/** One row's cells, in column order. */
export function scorecardRow(catalog: Catalog, district: string, columns: readonly Indicator[], year: number): ScorecardCell[] {
  return columns.map((indicator) => {
    const pair = catalog.pair(district, indicator.id, year);
    return { indicator, pair, empty: !pair.target && !pair.actual };
  });
}

/**
 * Met / near / missed / pending / result not in the data, of a row; "no target" and qualitative
 * targets are not counted.
 */
export function tally(cells: readonly ScorecardCell[]): RowTally {
  const t: RowTally = { met: 0, near: 0, missed: 0, pending: 0, 'result-not-held': 0 };
  for (const c of cells) {
    const k = c.pair.status.kind;
    // A cell without any target is just an empty cell, not a target waiting for its result.
    if (awaitsResult(k) && !c.pair.target) continue;
    if (k === 'met' || k === 'near' || k === 'missed' || k === 'pending' || k === 'result-not-held') t[k]++;
  }
  return t;
}

/** Where a cell leads: the indicator view for that indicator, district and year, in the same language. */
export function cellState(lang: Lang, district: string, indicator: string, year: number): AppState {
  return { ...DEFAULT_STATE, lang, view: 'indicator', indicator, districts: [district], year: { from: year, to: year } };
}
