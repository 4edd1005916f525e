/**
 * The dataset indexed for the views: which figure is shown for a (district, indicator, year,
 * kind) when sources disagree, target–actual pairs with their status, and series over years.
 */
import { byCodeUnits } from '../core/compare';
import type { Dataset, District, Indicator, ObsKind, Observation, Source } from '../data/types';
import { dataAsOf, heldReports, type IsoDay, type ReportDue, reportsDueNotHeld, resultsDue } from './calendar';
import { type MissingContext, type Status, status } from './status';

export interface Shown {
  /** The figure shown: from the latest-published source. */
  obs: Observation;
  /** The other sources' figures, latest first. */
  others: Observation[];
  /** True when another source gives a different number or qualifier. */
  conflict: boolean;
}

export interface Pair {
  district: string;
  indicator: string;
  year: number;
  target: Shown | null;
  actual: Shown | null;
  status: Status;
}

/** Headline indicators of the overview, in the order a work report lists them. */
export const HEADLINE = [
  'gdp-growth',
  'industrial-va-growth',
  'fixed-investment-growth',
  'retail-sales-growth',
  'budget-revenue-growth',
  'income-growth',
  'trade-growth',
  'grain-output',
  'grain-area',
  'dairy-cows',
  'milk-output',
  'aq-good-days',
  'aq-good-ratio',
  'new-urban-jobs',
  'gdp',
] as const;

/** Year and kind in one number: the key within a (district, indicator) group. */
const yearKind = (y: number, k: ObsKind) => y * 2 + (k === 'actual' ? 1 : 0);

export class Catalog {
  readonly districts = new Map<string, District>();
  readonly indicators = new Map<string, Indicator>();
  readonly sources = new Map<string, Source>();
  readonly years: number[];
  /** district → its figures, in the order of the data. */
  private readonly byDistrict = new Map<string, Observation[]>();
  /**
   * district → indicator → its figures, built for a district the first time a view asks about
   * it: loading a million rows does not pay for places no view shows.
   */
  private readonly byDistrictIndicator = new Map<string, Map<string, Observation[]>>();
  /**
   * Per (district, indicator): its figures by year and kind, latest-published first. Built on
   * first use, so loading a million rows does not pay for groups no view asks for.
   */
  private readonly byYearKind = new Map<string, Map<number, Observation[]>>();
  private readonly usedIndicators = new Set<string>();
  private readonly latestActual: number | null = null;

  /** district → the years whose targets a held work report sets (calendar.heldReports). */
  private readonly reports: Map<string, Set<number>>;

  /**
   * `today`: the day the statuses are said on (ISO). Whether a missing figure is "pending" or
   * "not in the data" depends on it; the app gives the reader's day, tests a fixed one.
   */
  constructor(
    readonly data: Dataset,
    readonly today: IsoDay,
  ) {
    this.reports = heldReports(data.sources);
    for (const d of data.districts) this.districts.set(d.id, d);
    for (const i of data.indicators) this.indicators.set(i.id, i);
    for (const s of data.sources) this.sources.set(s.id, s);
    const years = new Set<number>();
    let latest: number | null = null;
    // Rows come grouped by district and year: most rows repeat the last row's, checked first.
    let lastDistrict: string | undefined;
    let list: Observation[] = [];
    let lastYear: number | null | undefined;
    let lastIndicator: string | undefined;
    // An index, not for…of: this loop runs once per load, mostly before it is optimised, and
    // an iterator there allocates a result object per row.
    const obs = data.observations;
    for (let k = 0; k < obs.length; k++) {
      const o = obs[k]!;
      if (o.year !== lastYear) years.add((lastYear = o.year));
      if (o.indicator !== lastIndicator) this.usedIndicators.add((lastIndicator = o.indicator));
      if (o.kind === 'actual' && (latest === null || o.year > latest)) latest = o.year;
      if (o.district !== lastDistrict) {
        lastDistrict = o.district;
        const l = this.byDistrict.get(o.district);
        if (l) list = l;
        else this.byDistrict.set(o.district, (list = []));
      }
      list.push(o);
    }
    this.latestActual = latest;
    this.years = [...years].sort((a, b) => a - b);
  }

  /** The district's figures by indicator, in the order of the data. */
  private ofDistrict(district: string): Map<string, Observation[]> | undefined {
    let m = this.byDistrictIndicator.get(district);
    if (m) return m;
    const list = this.byDistrict.get(district);
    if (!list) return undefined;
    m = new Map();
    for (const o of list) push(m, o.indicator, o);
    this.byDistrictIndicator.set(district, m);
    return m;
  }

  private group(district: string, indicator: string): Map<number, Observation[]> | undefined {
    const k = `${district}|${indicator}`;
    let g = this.byYearKind.get(k);
    if (g) return g;
    const list = this.ofDistrict(district)?.get(indicator);
    if (!list) return undefined;
    g = new Map();
    for (const o of list) push(g, yearKind(o.year, o.kind), o);
    // Latest-published source first, so [0] is the one shown.
    for (const l of g.values()) if (l.length > 1) l.sort((a, b) => byCodeUnits(this.published(b), this.published(a)));
    this.byYearKind.set(k, g);
    return g;
  }

  published(o: Observation): string {
    return this.sources.get(o.source)?.published ?? '';
  }

  shown(district: string, indicator: string, year: number, kind: ObsKind): Shown | null {
    const list = this.group(district, indicator)?.get(yearKind(year, kind));
    if (!list?.length) return null;
    const [obs, ...others] = list as [Observation, ...Observation[]];
    const conflict = others.some((o) => o.canonicalValue !== obs.canonicalValue || o.comparator !== obs.comparator);
    return { obs, others, conflict };
  }

  pair(district: string, indicator: string, year: number): Pair {
    const ind = this.indicators.get(indicator);
    const target = this.shown(district, indicator, year, 'target');
    const actual = this.shown(district, indicator, year, 'actual');
    const st = status(
      ind ?? { measure: 'level', better: 'higher' },
      target ? { comparator: target.obs.comparator, value: target.obs.canonicalValue } : null,
      actual ? { value: actual.obs.canonicalValue, estimate: actual.obs.estimate } : null,
      this.missingContext(district, year),
    );
    return { district, indicator, year, target, actual, status: st };
  }

  /** What may be said today of a missing figure of the district's year (DESIGN.md, "When a figure is missing"). */
  missingContext(district: string, year: number): MissingContext {
    return { resultsDue: resultsDue(year, this.today), targetReportHeld: this.reports.get(district)?.has(year) ?? false };
  }

  /** The latest `published` date among the sources (数据截至), or null without sources. */
  asOf(): IsoDay | null {
    return dataAsOf(this.data.sources);
  }

  /** Districts with figures whose latest due work report is not among the sources, on `today`. */
  reportsDue(): ReportDue[] {
    return reportsDueNotHeld(this.reports, this.districtsWithData().map((d) => d.id), this.today);
  }

  /** Every year of the catalog, with the pair (empty years give pending pairs with nulls). */
  series(district: string, indicator: string, years: readonly number[] = this.years): Pair[] {
    return years.map((y) => this.pair(district, indicator, y));
  }

  has(district: string, indicator: string): boolean {
    return (this.ofDistrict(district)?.get(indicator)?.length ?? 0) > 0;
  }

  observationsOf(district: string, indicator: string): Observation[] {
    return this.ofDistrict(district)?.get(indicator) ?? [];
  }

  /** Indicators with any figure, for menus; the headline ones first. */
  indicatorsWithData(): Indicator[] {
    const used = this.usedIndicators;
    const head = HEADLINE as readonly string[];
    return this.data.indicators
      .filter((i) => used.has(i.id))
      .sort((a, b) => rank(head, a.id) - rank(head, b.id) || byCodeUnits(a.category, b.category) || byCodeUnits(a.id, b.id));
  }

  /** The latest year that has an actual (a result) anywhere; else the latest year. */
  latestResultYear(): number | null {
    return this.latestActual ?? this.years.at(-1) ?? null;
  }

  /** Districts that have figures, in the order of districts.csv (a city before its districts). */
  districtsWithData(): District[] {
    const used = this.byDistrict;
    return this.data.districts.filter((d) => used.has(d.id));
  }
}

function rank(list: readonly string[], id: string): number {
  const i = list.indexOf(id);
  return i < 0 ? list.length : i;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
