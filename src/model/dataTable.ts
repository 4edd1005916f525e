/**
 * The data view's table: every observation, filtered and sorted by the URL parameters
 * (districts, indicator, year, kind, sort). Pure, and quick with hundreds of thousands of
 * rows: names are ranked once per language, a sort orders plain numbers, and each order of the
 * whole data set is kept, so re-sorting and re-filtering are cheap.
 */
import type { Lang, YearRange } from '../app/url';
import type { ObsKind, Observation } from '../data/types';
import type { Catalog } from './catalog';

export interface DataFilter {
  districts: readonly string[];
  indicator: string | null;
  year: YearRange | null;
  kind: ObsKind | null;
}

export const SORT_COLUMNS = ['district', 'indicator', 'year', 'kind', 'value', 'estimate', 'source', 'quote'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface Sort {
  column: SortColumn;
  desc: boolean;
}

export function filterObservations(rows: readonly Observation[], f: DataFilter): Observation[] {
  const districts = f.districts.length ? new Set(f.districts) : null;
  return rows.filter(
    (o) =>
      (!districts || districts.has(o.district)) &&
      (!f.indicator || o.indicator === f.indicator) &&
      (!f.year || (o.year >= f.year.from && o.year <= f.year.to)) &&
      (!f.kind || o.kind === f.kind),
  );
}

/** `year` → ascending by year, `-year` → descending; anything else: no sort (file order). */
export function parseSort(s: string | null): Sort | null {
  if (!s) return null;
  const desc = s.startsWith('-');
  const column = desc ? s.slice(1) : s;
  return (SORT_COLUMNS as readonly string[]).includes(column) ? { column: column as SortColumn, desc } : null;
}

export function formatSort(s: Sort | null): string | null {
  return s ? `${s.desc ? '-' : ''}${s.column}` : null;
}

/** A click on a header: sorts by it ascending; a second click turns the order round. */
export function toggleSort(current: Sort | null, column: SortColumn): Sort {
  return current?.column === column ? { column, desc: !current.desc } : { column, desc: false };
}

export function ariaSort(current: Sort | null, column: SortColumn): 'ascending' | 'descending' | 'none' {
  if (current?.column !== column) return 'none';
  return current.desc ? 'descending' : 'ascending';
}

/** Each name's place in the language's collation (pinyin order for Chinese), computed once. */
export interface SortKeys {
  district: Map<string, number>;
  indicator: Map<string, number>;
  source: Map<string, number>;
}

function ranks<T>(items: readonly T[], id: (x: T) => string, name: (x: T) => string, collator: Intl.Collator): Map<string, number> {
  const sorted = [...items].sort((a, b) => collator.compare(name(a), name(b)) || id(a).localeCompare(id(b)));
  return new Map(sorted.map((x, i) => [id(x), i]));
}

/**
 * Ranks are worked out the first time a sort needs them: collating thousands of names (27,000
 * sources with 3,000 places) costs a few hundred milliseconds a phone should not spend on
 * opening the view.
 */
export function sortKeys(catalog: Catalog, lang: Lang): SortKeys {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
  const d = catalog.data;
  const named = (x: { name_zh: string; name_en: string }) => (lang === 'zh' ? x.name_zh : x.name_en);
  let district: Map<string, number> | undefined;
  let indicator: Map<string, number> | undefined;
  let source: Map<string, number> | undefined;
  return {
    get district() {
      return (district ??= ranks(d.districts, (x) => x.id, named, collator));
    },
    get indicator() {
      return (indicator ??= ranks(d.indicators, (x) => x.id, named, collator));
    },
    // Sources are sorted by date, then title: "newest report first" is what a reader wants from it.
    get source() {
      return (source ??= ranks(d.sources, (x) => x.id, (x) => `${x.published} ${x.title_zh}`, collator));
    },
  };
}

/**
 * Each row's sort key for a column as a number (lower sorts first); NaN for a figure without a
 * number, which sorts last in either direction. Names compare by their rank in the language's
 * collation; a name missing from the reference files sorts after every known one.
 */
function columnKeys(rows: readonly Observation[], column: SortColumn, keys: SortKeys): Float64Array {
  const n = rows.length;
  const k = new Float64Array(n);
  const rankOf = (m: Map<string, number>, id: string) => m.get(id) ?? m.size;
  switch (column) {
    case 'district':
      for (let i = 0; i < n; i++) k[i] = rankOf(keys.district, rows[i]!.district);
      break;
    case 'indicator':
      for (let i = 0; i < n; i++) k[i] = rankOf(keys.indicator, rows[i]!.indicator);
      break;
    case 'source':
      // Source, then the line it was quoted from (lines are well below 2^32).
      for (let i = 0; i < n; i++) k[i] = rankOf(keys.source, rows[i]!.source) * 2 ** 32 + (rows[i]!.sourceLine ?? 0);
      break;
    case 'year':
      for (let i = 0; i < n; i++) k[i] = rows[i]!.year;
      break;
    case 'kind':
      for (let i = 0; i < n; i++) k[i] = rows[i]!.kind === 'actual' ? 0 : 1;
      break;
    case 'estimate':
      for (let i = 0; i < n; i++) k[i] = rows[i]!.estimate ? 1 : 0;
      break;
    case 'value':
      for (let i = 0; i < n; i++) k[i] = rows[i]!.canonicalValue ?? NaN;
      break;
    case 'quote': {
      // Text in code-unit order (as `<` compares), ranked once over the distinct quotes.
      const distinct = [...new Set(rows.map((o) => o.quote))].sort();
      const rank = new Map(distinct.map((q, i) => [q, i]));
      for (let i = 0; i < n; i++) k[i] = rank.get(rows[i]!.quote)!;
      break;
    }
  }
  return k;
}

/**
 * The rows' order for a sort: positions into `rows`, stable (equal keys keep file order).
 * Keys become dense integer ranks, then rank × n + position is sorted as plain numbers — the
 * engine's native numeric sort, no comparison callback: several times faster on 240,000 rows.
 */
function sortOrder(rows: readonly Observation[], sort: Sort, keys: SortKeys): Uint32Array {
  const n = rows.length;
  const k = columnKeys(rows, sort.column, keys);
  // Small whole-number keys (names' ranks, years, kinds) need no ranking pass.
  let max = 0;
  let small = true;
  for (let i = 0; i < n && small; i++) {
    const key = k[i]!;
    if (key >= 0 && key <= 0xffffff && Number.isInteger(key)) max = key > max ? key : max;
    else small = false;
  }
  if (small) {
    const composite = new Float64Array(n);
    for (let i = 0; i < n; i++) composite[i] = (sort.desc ? max - k[i]! : k[i]!) * n + i;
    return positions(composite, n);
  }
  // The distinct keys in order (NaN sorts last and is left out); a key's rank is found by bisection.
  const sorted = k.slice().sort();
  let ranks = 0;
  for (let j = 0; j < n; j++) {
    const x = sorted[j]!;
    if (Number.isNaN(x)) break;
    if (ranks === 0 || x !== sorted[ranks - 1]) sorted[ranks++] = x;
  }
  const composite = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = k[i]!;
    let r = ranks; // no number: after every rank, whichever the direction
    if (!Number.isNaN(key)) {
      let lo = 0;
      let hi = ranks - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < key) lo = mid + 1;
        else hi = mid;
      }
      r = sort.desc ? ranks - 1 - lo : lo;
    }
    composite[i] = r * n + i;
  }
  return positions(composite, n);
}

/** Sorts rank × n + position numerically and returns the positions. */
function positions(composite: Float64Array, n: number): Uint32Array {
  composite.sort();
  const order = new Uint32Array(n);
  for (let j = 0; j < n; j++) order[j] = composite[j]! % n;
  return order;
}

/** A stable sort: rows that compare equal keep the file order. Figures without a number sort last either way. */
export function sortObservations(rows: readonly Observation[], sort: Sort | null, keys: SortKeys): Observation[] {
  if (!sort) return [...rows];
  const order = sortOrder(rows, sort, keys);
  const out = new Array<Observation>(rows.length);
  for (let j = 0; j < order.length; j++) out[j] = rows[order[j]!]!;
  return out;
}

/**
 * Every observation of the data set in each order asked for so far, per SortKeys (one per data
 * set and language): a second sort by the same column, or a change of filter, sorts nothing.
 */
const sortedAll = new WeakMap<SortKeys, { rows: readonly Observation[]; orders: Map<string, Observation[]> }>();

function sortedObservations(catalog: Catalog, sort: Sort, keys: SortKeys): Observation[] {
  const rows = catalog.data.observations;
  let cache = sortedAll.get(keys);
  if (!cache || cache.rows !== rows) sortedAll.set(keys, (cache = { rows, orders: new Map() }));
  const id = formatSort(sort)!;
  let sorted = cache.orders.get(id);
  if (!sorted) cache.orders.set(id, (sorted = sortObservations(rows, sort, keys)));
  return sorted;
}

/** Filter, then sort: what the table and the CSV download show. */
export function dataTable(catalog: Catalog, filter: DataFilter, sort: Sort | null, keys: SortKeys): Observation[] {
  // Filtering keeps order, and the sort is a total order (ties by file position), so filtering
  // the whole sorted set gives the same rows as sorting the filtered ones.
  return filterObservations(sort ? sortedObservations(catalog, sort, keys) : catalog.data.observations, filter);
}
