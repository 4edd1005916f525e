/**
 * The data view's table: every observation, filtered and sorted by the URL parameters
 * (districts, indicator, year, kind, sort). Pure, and quick with hundreds of thousands of
 * rows: each column's sort keys become dense ranks once per data set and language (work that
 * can be done in slices while the page is idle, see `prepareSorts`), and a sort is then a
 * counting sort of those ranks; each order of the whole data set is kept, so re-sorting and
 * re-filtering are cheap.
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

/**
 * Work done a slice at a time: a generator that yields every few thousand steps, so the page
 * can run it while idle and stop between slices. `finish` runs one to its end at once.
 */
export type Job<T> = Generator<void, T, void>;

export function finish<T>(job: Job<T>): T {
  for (;;) {
    const r = job.next();
    if (r.done) return r.value;
  }
}

/** Rows handled between two yields: about a millisecond of work on a phone. */
const SLICE = 4096;

/**
 * `body(from, to)` over [0, n), a slice at a time. The loops live in plain functions, not in
 * the generators: engines optimise a long loop inside a generator poorly.
 */
function* chunks(n: number, body: (from: number, to: number) => void, size = SLICE): Job<void> {
  for (let from = 0; from < n; from += size) {
    body(from, Math.min(n, from + size));
    yield;
  }
}

/**
 * A value computed by a job, shared: whoever asks first starts it, an idle runner may advance it
 * a slice at a time, and `value()` completes what is left at once (a click cannot wait).
 */
class Lazy<T> {
  private job: Job<T> | undefined;
  private result: { value: T } | undefined;
  constructor(private readonly start: () => Job<T>) {}

  get done(): boolean {
    return this.result !== undefined;
  }

  *run(): Job<T> {
    for (;;) {
      if (this.result) return this.result.value;
      this.job ??= this.start();
      const r = this.job.next();
      if (r.done) {
        this.result = { value: r.value };
        this.job = undefined;
        return r.value;
      }
      yield;
    }
  }

  value(): T {
    return this.result ? this.result.value : finish(this.run());
  }
}

/** Where a merge of two sorted runs has got to: next items `i` (left) and `j` (right), next place `k`. */
interface Merging {
  i: number;
  j: number;
  k: number;
}

/** Merges up to `steps` more items of the runs [m.i, mid) and [m.j, hi) of `src` into `dst`, stably. */
function mergeSome<T>(src: T[], dst: T[], m: Merging, mid: number, hi: number, cmp: (a: T, b: T) => number, steps: number) {
  let { i, j, k } = m;
  const stop = Math.min(hi, k + steps);
  while (k < stop) {
    if (i < mid && (j >= hi || cmp(src[j]!, src[i]!) >= 0)) dst[k++] = src[i++]!;
    else dst[k++] = src[j++]!;
  }
  m.i = i;
  m.j = j;
  m.k = k;
}

/**
 * A stable sort in slices: the engine's sort on runs of `run` items, then merges of pairs of
 * runs, `4 × run` items a slice. Gives what `[...items].sort(cmp)` (also stable) gives for a
 * consistent comparison.
 */
function* sortInSlices<T>(items: readonly T[], cmp: (a: T, b: T) => number, run: number): Job<T[]> {
  const n = items.length;
  let src = items.slice();
  for (let s = 0; s < n; s += run) {
    const part = src.slice(s, s + run).sort(cmp);
    for (let i = 0; i < part.length; i++) src[s + i] = part[i]!;
    yield;
  }
  let dst = new Array<T>(n);
  for (let w = run; w < n; w *= 2) {
    for (let lo = 0; lo < n; lo += 2 * w) {
      const mid = Math.min(lo + w, n);
      const hi = Math.min(lo + 2 * w, n);
      const m: Merging = { i: lo, j: mid, k: lo };
      while (m.k < hi) {
        mergeSome(src, dst, m, mid, hi, cmp, 4 * run);
        yield;
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
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
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
  const d = catalog.data;
  const named = (x: { name_zh: string; name_en: string }) => (lang === 'zh' ? x.name_zh : x.name_en);
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
 * The rows in ascending order of a column (stable: equal keys keep file order), rows without a
 * number (`missing` of them) at the end; `starts[j]` is 1 where position j begins a new key.
 */
interface ColumnOrder {
  order: Uint32Array;
  starts: Uint8Array;
  missing: number;
}

/** Counting sort of whole-number keys in [0, size) (`size` at most 2^32). */
function* countingOrder(n: number, size: number, key: (i: number) => number): Job<ColumnOrder> {
  const keys = size <= 0x100 ? new Uint8Array(n) : size <= 0x10000 ? new Uint16Array(n) : new Uint32Array(n);
  const at = new Uint32Array(size + 1);
  yield* chunks(n, (from, to) => {
    for (let i = from; i < to; i++) {
      const k = key(i);
      keys[i] = k;
      at[k + 1]!++;
    }
  });
  const starts = new Uint8Array(n);
  yield* chunks(size, (from, to) => {
    for (let k = from; k < to; k++) {
      if (at[k + 1]! > 0) starts[at[k]!] = 1;
      at[k + 1]! += at[k]!;
    }
  });
  const order = new Uint32Array(n);
  yield* chunks(n, (from, to) => {
    for (let i = from; i < to; i++) order[at[keys[i]!]!++] = i;
  });
  return { order, starts, missing: 0 };
}

/** Sortable keys: two unsigned 32-bit halves (`hi` first) for each of the rows `rows`. */
interface Keys64 {
  rows: Uint32Array;
  hi: Uint32Array;
  lo: Uint32Array;
}

/** One stable pass of a radix sort on the 16-bit digit of `word` at `shift`; false if that digit is the same in every key. */
function* radixPass(from: Keys64, to: Keys64, word: 'hi' | 'lo', shift: number, at: Uint32Array): Job<boolean> {
  const m = from.rows.length;
  const w = from[word];
  at.fill(0);
  yield* chunks(m, (a, b) => {
    for (let j = a; j < b; j++) at[((w[j]! >>> shift) & 0xffff) + 1]!++;
  });
  if (m === 0 || at[((w[0]! >>> shift) & 0xffff) + 1] === m) return false;
  for (let d = 1; d <= 0x10000; d++) at[d]! += at[d - 1]!;
  yield* chunks(m, (a, b) => {
    for (let j = a; j < b; j++) {
      const t = at[(w[j]! >>> shift) & 0xffff]!++;
      to.rows[t] = from.rows[j]!;
      to.hi[t] = from.hi[j]!;
      to.lo[t] = from.lo[j]!;
    }
  });
  return true;
}

/** Stable LSD radix sort of the keyed rows, 16 bits a pass; the other rows (no key) last, in file order. */
function* radixOrder(n: number, keyed: Keys64): Job<ColumnOrder> {
  const m = keyed.rows.length;
  let a = keyed;
  let b: Keys64 = { rows: new Uint32Array(m), hi: new Uint32Array(m), lo: new Uint32Array(m) };
  const at = new Uint32Array(0x10001);
  for (const [word, shift] of [['lo', 0], ['lo', 16], ['hi', 0], ['hi', 16]] as const) {
    if (yield* radixPass(a, b, word, shift, at)) [a, b] = [b, a];
  }
  const order = new Uint32Array(n);
  order.set(a.rows);
  const starts = new Uint8Array(n);
  const { hi, lo } = a;
  yield* chunks(m, (from, to) => {
    for (let j = from; j < to; j++) if (j === 0 || hi[j] !== hi[j - 1] || lo[j] !== lo[j - 1]) starts[j] = 1;
  });
  if (m < n) {
    const has = new Uint8Array(n);
    for (let j = 0; j < m; j++) has[a.rows[j]!] = 1;
    let k = m;
    for (let i = 0; i < n; i++) if (!has[i]) order[k++] = i;
    starts[m] = 1;
  }
  return { order, starts, missing: n - m };
}

/** Whether numbers are stored low word first (all common hardware), for reading a double's halves. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Numbers in order (−0 equal to 0); NaN is a figure without a number, sorted last. */
function* numberOrder(v: Float64Array): Job<ColumnOrder> {
  const n = v.length;
  const words = new Uint32Array(v.buffer, v.byteOffset, n * 2);
  const H = LITTLE_ENDIAN ? 1 : 0;
  const L = 1 - H;
  let m = 0;
  yield* chunks(n, (from, to) => {
    for (let i = from; i < to; i++) if (!Number.isNaN(v[i])) m++;
  });
  const keyed: Keys64 = { rows: new Uint32Array(m), hi: new Uint32Array(m), lo: new Uint32Array(m) };
  let j = 0;
  // A double's bits, made to sort as unsigned integers: sign bit flipped for positives, every
  // bit for negatives.
  yield* chunks(n, (from, to) => {
    for (let i = from; i < to; i++) {
      const x = v[i]!;
      if (Number.isNaN(x)) continue;
      if (x === 0) v[i] = 0; // −0 sorts with 0
      const h = words[2 * i + H]!;
      const l = words[2 * i + L]!;
      keyed.rows[j] = i;
      keyed.hi[j] = h >>> 31 ? ~h >>> 0 : (h | 0x80000000) >>> 0;
      keyed.lo[j] = h >>> 31 ? ~l >>> 0 : l;
      j++;
    }
  });
  return yield* radixOrder(n, keyed);
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

/**
 * The order for a direction: ascending as ranked; descending takes the groups of equal keys
 * from the last to the first, each still in file order, and rows without a number stay last.
 */
function orderFor({ order, starts, missing }: ColumnOrder, desc: boolean): Uint32Array {
  if (!desc) return order;
  const n = order.length;
  const out = new Uint32Array(n);
  let k = 0;
  let end = n - missing;
  while (end > 0) {
    let start = end - 1;
    while (!starts[start]) start--;
    if (end - start > 16) {
      out.set(order.subarray(start, end), k);
      k += end - start;
    } else for (let j = start; j < end; j++) out[k++] = order[j]!;
    end = start;
  }
  out.set(order.subarray(n - missing), k);
  return out;
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
