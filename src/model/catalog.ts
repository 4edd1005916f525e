/**
 * The dataset indexed for the views: which figure is shown for a (district, indicator, year,
 * kind) when sources disagree, target–actual pairs with their status, and series over years.
 */
import type { Dataset, District, Indicator, ObsKind, Observation, Source } from '../data/types';
import { type Status, status } from './status';

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

const key = (d: string, i: string, y: number, k: ObsKind) => `${d}|${i}|${y}|${k}`;

export class Catalog {
  readonly districts = new Map<string, District>();
  readonly indicators = new Map<string, Indicator>();
  readonly sources = new Map<string, Source>();
  readonly years: number[];
  private readonly byKey = new Map<string, Observation[]>();
  private readonly byDistrictIndicator = new Map<string, Observation[]>();

  constructor(readonly data: Dataset) {
    for (const d of data.districts) this.districts.set(d.id, d);
    for (const i of data.indicators) this.indicators.set(i.id, i);
    for (const s of data.sources) this.sources.set(s.id, s);
    const years = new Set<number>();
    for (const o of data.observations) {
      years.add(o.year);
      push(this.byKey, key(o.district, o.indicator, o.year, o.kind), o);
      push(this.byDistrictIndicator, `${o.district}|${o.indicator}`, o);
    }
    // Latest-published source first, so [0] is the one shown.
    for (const list of this.byKey.values()) list.sort((a, b) => this.published(b).localeCompare(this.published(a)));
    this.years = [...years].sort((a, b) => a - b);
  }

  published(o: Observation): string {
    return this.sources.get(o.source)?.published ?? '';
  }

  shown(district: string, indicator: string, year: number, kind: ObsKind): Shown | null {
    const list = this.byKey.get(key(district, indicator, year, kind));
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
    );
    return { district, indicator, year, target, actual, status: st };
  }

  /** Every year of the catalog, with the pair (empty years give pending pairs with nulls). */
  series(district: string, indicator: string, years: readonly number[] = this.years): Pair[] {
    return years.map((y) => this.pair(district, indicator, y));
  }

  has(district: string, indicator: string): boolean {
    return (this.byDistrictIndicator.get(`${district}|${indicator}`)?.length ?? 0) > 0;
  }

  observationsOf(district: string, indicator: string): Observation[] {
    return this.byDistrictIndicator.get(`${district}|${indicator}`) ?? [];
  }

  /** Indicators with any figure, for menus; the headline ones first. */
  indicatorsWithData(): Indicator[] {
    const used = new Set(this.data.observations.map((o) => o.indicator));
    const head = HEADLINE as readonly string[];
    return this.data.indicators
      .filter((i) => used.has(i.id))
      .sort((a, b) => rank(head, a.id) - rank(head, b.id) || a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  }

  /** The latest year that has an actual (a result) anywhere; else the latest year. */
  latestResultYear(): number | null {
    let best: number | null = null;
    for (const o of this.data.observations) if (o.kind === 'actual' && (best === null || o.year > best)) best = o.year;
    return best ?? this.years.at(-1) ?? null;
  }

  /** Districts that have figures, in the order of districts.csv (a city before its districts). */
  districtsWithData(): District[] {
    const used = new Set(this.data.observations.map((o) => o.district));
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
