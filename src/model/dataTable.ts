/**
 * The data view's table: every observation, filtered and sorted by the URL parameters
 * (districts, indicator, year, kind, sort). Pure, and quick with hundreds of thousands of
 * rows: each column's sort keys become dense ranks once per data set and language (work that
 * can be done in slices while the page is idle, see `prepareSorts`), and a sort is then a
 * counting sort of those ranks; each order of the whole data set is kept, so re-sorting and
 * re-filtering are cheap. The generic parts live apart: the sliced jobs in src/core/job.ts,
 * the sort kernels in sortKernels.ts.
 */
import { LOCALE, nameOf } from '../core/i18n';
import { chunks, finish, Lazy, SLICE, type Job } from '../core/job';
import type { Lang, YearRange } from '../core/url';
import type { ObsKind, Observation } from '../data/types';
import type { Catalog } from './catalog';
import { countingOrder, numberOrder, orderFor, sortInSlices, type ColumnOrder } from './sortKernels';

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

type NameColumn = keyof SortKeys;

function* ranks<T>(items: readonly T[], id: (x: T) => string, name: (x: T) => string, collator: Intl.Collator): Job<Map<string, number>> {
  // A collated comparison costs about a microsecond: small runs keep each slice short.
  const sorted = yield* sortInSlices(items, (a, b) => collator.compare(name(a), name(b)) || id(a).localeCompare(id(b)), 64);
  const m = new Map<string, number>();
  yield* chunks(sorted.length, (from, to) => {
    for (let i = from; i < to; i++) m.set(id(sorted[i]!), i);
  });
  return m;
}
/** The lazily ranked names behind a `sortKeys` object, so they can be worked out while idle. */
const nameRanks = new WeakMap<SortKeys, Record<NameColumn, Lazy<Map<string, number>>>>();

/**
 * Ranks are worked out the first time a sort needs them, or while the page is idle (see
 * `prepareSorts`): collating thousands of names (27,000 sources with 3,000 places) costs a few
 * hundred milliseconds a phone should not spend on opening the view.
 */
export function sortKeys(catalog: Catalog, lang: Lang): SortKeys {
  const collator = new Intl.Collator(LOCALE[lang], { numeric: true });
  const d = catalog.data;
  const named = (x: { name_zh: string; name_en: string }) => nameOf(x, lang);
  const lazy: Record<NameColumn, Lazy<Map<string, number>>> = {
    district: new Lazy(() => ranks(d.districts, (x) => x.id, named, collator)),
    indicator: new Lazy(() => ranks(d.indicators, (x) => x.id, named, collator)),
    // Sources are sorted by date, then title: "newest report first" is what a reader wants from it.
    source: new Lazy(() => ranks(d.sources, (x) => x.id, (x) => `${x.published} ${x.title_zh}`, collator)),
  };
  const keys: SortKeys = {
    get district() {
      return lazy.district.value();
    },
    get indicator() {
      return lazy.indicator.value();
    },
    get source() {
      return lazy.source.value();
    },
  };
  nameRanks.set(keys, lazy);
  return keys;
}

function* names(keys: SortKeys, column: NameColumn): Job<Map<string, number>> {
  const lazy = nameRanks.get(keys)?.[column];
  return lazy ? yield* lazy.run() : keys[column];
}

/**
 * Values compare only within an indicator (万户 and 万人次 are not one scale): rows grouped by
 * indicator in name order, each group by its value in the indicator's unit; figures without a
 * number last. Descending reverses both, as it does for every column.
 */
function* valueOrder(rows: readonly Observation[], keys: SortKeys): Job<ColumnOrder> {
  const n = rows.length;
  const byValue = yield* numberOrder(yield* numbers(rows, (o) => o.canonicalValue ?? NaN));
  const m = yield* names(keys, 'indicator');
  const k = n - byValue.missing;
  const rank = new Uint32Array(n);
  const counts = new Uint32Array(m.size + 2);
  yield* chunks(k, (from, to) => {
    for (let j = from; j < to; j++) {
      const i = byValue.order[j]!;
      const r = m.get(rows[i]!.indicator) ?? m.size;
      rank[i] = r;
      counts[r + 1]!++;
    }
  });
  for (let r = 1; r < counts.length; r++) counts[r]! += counts[r - 1]!;
  const order = new Uint32Array(n);
  // Stable: within an indicator the value order (and file order among equals) is kept.
  for (let j = 0; j < k; j++) {
    const i = byValue.order[j]!;
    order[counts[rank[i]!]!++] = i;
  }
  order.set(byValue.order.subarray(k), k);
  const starts = new Uint8Array(n);
  for (let j = 0; j < k; j++) {
    const i = order[j]!;
    const p = j > 0 ? order[j - 1]! : -1;
    if (p < 0 || rank[i] !== rank[p] || rows[i]!.canonicalValue !== rows[p]!.canonicalValue) starts[j] = 1;
  }
  if (k < n) starts[k] = 1;
  return { order, starts, missing: byValue.missing };
}

/** A number for each row (a new array: `numberOrder` writes to it). */
function* numbers(rows: readonly Observation[], f: (o: Observation) => number): Job<Float64Array> {
  const v = new Float64Array(rows.length);
  yield* chunks(rows.length, (from, to) => {
    for (let i = from; i < to; i++) v[i] = f(rows[i]!);
  });
  return v;
}

/** A name's rank for each row; a name missing from the reference files sorts after every known one. */
function* nameOrder(rows: readonly Observation[], keys: SortKeys, column: NameColumn): Job<ColumnOrder> {
  const m = yield* names(keys, column);
  // Rows come grouped (by district, by source): most rows repeat the last row's name.
  let last: string | undefined;
  let lastRank = 0;
  return yield* countingOrder(rows.length, m.size + 1, (i) => {
    const id = rows[i]![column];
    if (id !== last) lastRank = m.get((last = id)) ?? m.size;
    return lastRank;
  });
}

/** Quotes in code-unit order (as `<` compares): the distinct ones sorted, then a counting sort. */
function* quoteOrder(rows: readonly Observation[]): Job<ColumnOrder> {
  const n = rows.length;
  const seen = new Map<string, number>();
  const distinct: string[] = [];
  const of = new Uint32Array(n);
  yield* chunks(
    n,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const q = rows[i]!.quote;
        let d = seen.get(q);
        if (d === undefined) {
          seen.set(q, (d = distinct.length));
          distinct.push(q);
        }
        of[i] = d;
      }
    },
    // Hashing a long quote the first time costs more than most steps: shorter slices.
    SLICE / 4,
  );
  const ids = Array.from(distinct, (_, d) => d);
  const sorted = yield* sortInSlices(ids, (a, b) => (distinct[a]! < distinct[b]! ? -1 : distinct[a]! > distinct[b]! ? 1 : 0), 512);
  const rank = new Uint32Array(distinct.length);
  for (let r = 0; r < sorted.length; r++) rank[sorted[r]!] = r;
  return yield* countingOrder(n, distinct.length, (i) => rank[of[i]!]!);
}

/** The job that orders the rows by one column. */
function* columnOrder(rows: readonly Observation[], column: SortColumn, keys: SortKeys): Job<ColumnOrder> {
  const n = rows.length;
  switch (column) {
    case 'district':
    case 'indicator':
      return yield* nameOrder(rows, keys, column);
    case 'source': {
      // Source, then the line it was quoted from (lines are well below 2^32).
      const m = yield* names(keys, 'source');
      return yield* numberOrder(yield* numbers(rows, (o) => (m.get(o.source) ?? m.size) * 2 ** 32 + (o.sourceLine ?? 0)));
    }
    case 'year': {
      let min = Infinity;
      let max = -Infinity;
      let whole = true;
      yield* chunks(n, (from, to) => {
        for (let i = from; i < to; i++) {
          const y = rows[i]!.year;
          if (y < min) min = y;
          if (y > max) max = y;
          whole &&= Number.isInteger(y);
        }
      });
      if (n > 0 && whole && max - min < 0x10000) return yield* countingOrder(n, max - min + 1, (i) => rows[i]!.year - min);
      return yield* numberOrder(yield* numbers(rows, (o) => o.year));
    }
    case 'kind':
      return yield* countingOrder(n, 2, (i) => (rows[i]!.kind === 'actual' ? 0 : 1));
    case 'estimate':
      return yield* countingOrder(n, 2, (i) => (rows[i]!.estimate ? 1 : 0));
    case 'value':
      return yield* valueOrder(rows, keys);
    case 'quote':
      return yield* quoteOrder(rows);
  }
}

function pick(rows: readonly Observation[], order: Uint32Array): Observation[] {
  const out = new Array<Observation>(order.length);
  for (let j = 0; j < order.length; j++) out[j] = rows[order[j]!]!;
  return out;
}

/** A stable sort: rows that compare equal keep the file order. Figures without a number sort last either way. */
export function sortObservations(rows: readonly Observation[], sort: Sort | null, keys: SortKeys): Observation[] {
  if (!sort) return [...rows];
  return pick(rows, orderFor(finish(columnOrder(rows, sort.column, keys)), sort.desc));
}

/**
 * Every observation of the data set ordered by each column, and in each order asked for so far,
 * per SortKeys (one per data set and language): a second sort by the same column, or a change
 * of filter, sorts nothing.
 */
class SortIndex {
  private readonly columns = new Map<SortColumn, Lazy<ColumnOrder>>();
  private readonly sortedRows = new Map<string, Observation[]>();
  constructor(
    readonly rows: readonly Observation[],
    private readonly keys: SortKeys,
  ) {}

  private column(c: SortColumn): Lazy<ColumnOrder> {
    let lazy = this.columns.get(c);
    if (!lazy) this.columns.set(c, (lazy = new Lazy(() => columnOrder(this.rows, c, this.keys))));
    return lazy;
  }

  sorted(sort: Sort): Observation[] {
    const id = formatSort(sort)!;
    let rows = this.sortedRows.get(id);
    if (!rows) this.sortedRows.set(id, (rows = pick(this.rows, orderFor(this.column(sort.column).value(), sort.desc))));
    return rows;
  }

  /** Orders every column, cheapest first, a slice at a time. */
  *prepare(): Job<void> {
    for (const c of PREPARE_ORDER) yield* this.column(c).run();
  }

  ready(c: SortColumn): boolean {
    return this.columns.get(c)?.done ?? false;
  }
}

/** Cheapest first: a click that comes soon finds the quick columns ready; quotes take longest. */
const PREPARE_ORDER: readonly SortColumn[] = ['kind', 'estimate', 'year', 'indicator', 'district', 'value', 'source', 'quote'];

const indexes = new WeakMap<SortKeys, SortIndex>();

function sortIndex(catalog: Catalog, keys: SortKeys): SortIndex {
  const rows = catalog.data.observations;
  let index = indexes.get(keys);
  if (!index || index.rows !== rows) indexes.set(keys, (index = new SortIndex(rows, keys)));
  return index;
}

/**
 * The work that makes every first sort quick (ordering the whole data set by each column), as a
 * job to run while the page is idle. Stopping it part-way loses nothing: a sort asked for
 * before it is finished completes its own column at once.
 */
export function prepareSorts(catalog: Catalog, keys: SortKeys): Job<void> {
  return sortIndex(catalog, keys).prepare();
}

/** Whether a column's order is already worked out. */
export function sortReady(catalog: Catalog, keys: SortKeys, column: SortColumn): boolean {
  return sortIndex(catalog, keys).ready(column);
}

const noFilter = (f: DataFilter) => f.districts.length === 0 && !f.indicator && !f.year && !f.kind;

/**
 * Filter, then sort: what the table and the CSV download show. Without a filter this is the
 * kept array itself (no copy of a quarter of a million rows per click): read it, never change it.
 */
export function dataTable(catalog: Catalog, filter: DataFilter, sort: Sort | null, keys: SortKeys): readonly Observation[] {
  // Filtering keeps order, and the sort is a total order (ties by file position), so filtering
  // the whole sorted set gives the same rows as sorting the filtered ones.
  const rows = sort ? sortIndex(catalog, keys).sorted(sort) : catalog.data.observations;
  return noFilter(filter) ? rows : filterObservations(rows, filter);
}
