/**
 * The overview's state: for one year, per district, the headline indicators as cards in the
 * order a leader reads them (missed and provisional first), the figures behind each card, a
 * sentence's worth of counts, and which headline figures a district lacks. Pure: the view
 * only formats and places what this computes.
 */
import type { District, Indicator } from '../data/types';
import { type Catalog, HEADLINE, type Pair, type Shown } from './catalog';
import { awaitsResult, lacksTarget } from './status';

/** One year of a trend line: null is a gap (no figure), never a zero. */
export interface TrendPoint {
  year: number;
  value: number | null;
  estimate: boolean;
}

export interface OverviewCard {
  indicator: Indicator;
  /** Target, result and status for the overview's year. */
  pair: Pair;
  /** The next year's target, where a report already set one (a 2025 target on a 2024 card). */
  next: Shown | null;
  nextYear: number;
  /** Results over the years up to the overview's year. */
  trend: TrendPoint[];
  /** Sort tier (lower first); see `tier`. */
  tier: number;
}

export interface OverviewSummary {
  /** Targets with a result to compare against (met + near + missed). */
  compared: number;
  met: number;
  near: number;
  missed: number;
  /** Targets whose result is not due yet (before 1 April of the next year). */
  pending: number;
  /** Targets whose result is due but not in the data. */
  resultNotHeld: number;
  /** Targets in words only (与经济增长基本同步). */
  qualitative: number;
  /** Results for which the held work report set no target. */
  noTarget: number;
  /** Results whose year's target-setting report is not in the data. */
  targetNotHeld: number;
  /** Results shown, and how many of them are estimates (预计). */
  results: number;
  provisional: number;
}

export interface DistrictOverview {
  district: District;
  cards: OverviewCard[];
  /** Headline indicators with figures somewhere in the data that this district has no figure for this year. */
  missing: Indicator[];
  summary: OverviewSummary;
}

export interface Overview {
  /** The year shown; null when the catalog has no figures at all. */
  year: number | null;
  /** Years with any figure, for the year selector. */
  years: number[];
  districts: DistrictOverview[];
  /** Districts asked for (or with data) that have no headline figure this year or next year's target. */
  without: District[];
  /** District ids in `districts=` that the data does not know. */
  unknown: string[];
  /** How many districts with data were left out because none were chosen and there are many. */
  more: number;
}

export interface OverviewOptions {
  /** The year from the URL; the latest year with a result when absent. */
  year?: number | null;
  /** Chosen district ids; empty means every district with data (up to `limit`). */
  districts?: readonly string[];
  /** Unchosen, at most this many districts are shown (thousands of cards help no one). */
  limit?: number;
}

/** Few enough that every card can be read on one screen or two; the picker chooses others. */
export const DEFAULT_LIMIT = 4;

/**
 * What needs a leader's eye first: a missed target, then a near miss, then anything still
 * provisional (it may change), then targets met, then targets awaiting a result or set in
 * words, then results with no target, and last a card that only carries next year's target.
 */
export function tier(pair: Pair): number {
  const s = pair.status;
  if (s.kind === 'missed') return 0;
  if (s.kind === 'near') return 1;
  if (s.provisional) return 2;
  if (s.kind === 'met') return 3;
  if (awaitsResult(s.kind) && pair.target) return 4;
  if (s.kind === 'qualitative') return 4;
  if (lacksTarget(s.kind)) return 5;
  return 6;
}

/** Actuals over the given years, gaps kept as null. */
export function trendOf(catalog: Catalog, district: string, indicator: string, years: readonly number[]): TrendPoint[] {
  return years.map((year) => {
    const a = catalog.shown(district, indicator, year, 'actual');
    return { year, value: a?.obs.canonicalValue ?? null, estimate: a?.obs.estimate ?? false };
  });
}

export function summarise(cards: readonly OverviewCard[]): OverviewSummary {
  const s: OverviewSummary = {
    compared: 0, met: 0, near: 0, missed: 0, pending: 0, resultNotHeld: 0, qualitative: 0, noTarget: 0, targetNotHeld: 0, results: 0, provisional: 0,
  };
  for (const c of cards) {
    const { kind } = c.pair.status;
    if (kind === 'met' || kind === 'near' || kind === 'missed') {
      s.compared++;
      s[kind]++;
    } else if (kind === 'pending' && c.pair.target) s.pending++;
    else if (kind === 'result-not-held' && c.pair.target) s.resultNotHeld++;
    else if (kind === 'qualitative') s.qualitative++;
    else if (kind === 'no-target') s.noTarget++;
    else if (kind === 'target-not-held') s.targetNotHeld++;
    if (c.pair.actual) {
      s.results++;
      if (c.pair.actual.obs.estimate) s.provisional++;
    }
  }
  return s;
}

/** The headline cards of one district for one year, in reading order. */
export function districtCards(catalog: Catalog, district: string, year: number): OverviewCard[] {
  const trendYears = catalog.years.filter((y) => y <= year);
  const cards: OverviewCard[] = [];
  HEADLINE.forEach((id) => {
    const indicator = catalog.indicators.get(id);
    if (!indicator) return;
    const pair = catalog.pair(district, id, year);
    const next = catalog.shown(district, id, year + 1, 'target');
    if (!pair.target && !pair.actual && !next) return;
    cards.push({ indicator, pair, next, nextYear: year + 1, trend: trendOf(catalog, district, id, trendYears), tier: tier(pair) });
  });
  const order = (id: string) => (HEADLINE as readonly string[]).indexOf(id);
  // Within a tier, an estimate before a final figure, then the work report's order.
  return cards.sort(
    (a, b) =>
      a.tier - b.tier ||
      Number(b.pair.status.provisional) - Number(a.pair.status.provisional) ||
      order(a.indicator.id) - order(b.indicator.id),
  );
}

export function overviewYear(catalog: Catalog, year?: number | null): number | null {
  return year ?? catalog.latestResultYear();
}

/** The districts the overview (and the presentation) speak about, in the order asked. */
export function overviewDistricts(
  catalog: Catalog,
  chosen: readonly string[] = [],
  limit = DEFAULT_LIMIT,
): { districts: District[]; unknown: string[]; more: number } {
  if (chosen.length) {
    const districts: District[] = [];
    const unknown: string[] = [];
    for (const id of chosen) {
      const d = catalog.districts.get(id);
      if (d) districts.push(d);
      else unknown.push(id);
    }
    return { districts, unknown, more: 0 };
  }
  const all = catalog.districtsWithData();
  return { districts: all.slice(0, limit), unknown: [], more: Math.max(0, all.length - limit) };
}

export function buildOverview(catalog: Catalog, opts: OverviewOptions = {}): Overview {
  const year = overviewYear(catalog, opts.year);
  const { districts, unknown, more } = overviewDistricts(catalog, opts.districts, opts.limit);
  const years = catalog.years;
  if (year === null) return { year, years, districts: [], without: districts, unknown, more };

  const built: DistrictOverview[] = [];
  const without: District[] = [];
  for (const district of districts) {
    const cards = districtCards(catalog, district.id, year);
    if (cards.length === 0) without.push(district);
    else built.push({ district, cards, missing: [], summary: summarise(cards) });
  }
  // A gap said in words: every headline indicator the data speaks of that this district has no card for.
  const known = new Set(catalog.indicatorsWithData().map((i) => i.id));
  for (const d of built) {
    const has = new Set(d.cards.map((c) => c.indicator.id));
    d.missing = missingHeadline(catalog, has, known);
  }
  return { year, years, districts: built, without, unknown, more };
}

/** Headline indicators (in report order) that the data knows but that `has` lacks. */
export function missingHeadline(catalog: Catalog, has: ReadonlySet<string>, known: ReadonlySet<string>): Indicator[] {
  return HEADLINE.filter((id) => known.has(id) && !has.has(id)).map((id) => catalog.indicators.get(id)!);
}
