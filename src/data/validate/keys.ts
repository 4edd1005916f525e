/**
 * Key tables of the observation check: the first line of each observation key (for duplicates)
 * and the kept observations grouped by figure (for conflicts), keyed by the ids' numbers from
 * Lookups in integer tables instead of a key string per row.
 */
import type { Observation } from '../types';
import type { Reference } from './reference';

/**
 * The first line of each (district, indicator, year, kind, source), without a key string per
 * row: the ids of a row without errors are known to the reference, so each has a small number
 * (from Lookups). Per year, (district, indicator, kind) is one index into two tables that hold
 * the first source of the key and its line; the rare further sources of a key are chained in
 * three arrays. Nothing is appended per row.
 */
export class DuplicateKeys {
  private readonly byYear = new Map<number | null, YearKeys>();
  private lastYear: number | null | undefined;
  private keys: YearKeys | undefined;
  private readonly source: number[] = [];
  private readonly line: number[] = [];
  private readonly next: number[] = [];
  private readonly ni: number;
  private readonly size: number;

  constructor(ref: Reference) {
    this.ni = ref.indicators.size;
    this.size = ref.districts.size * this.ni * 2;
  }

  /** The line the observation's key was first seen on, or undefined (and it is remembered). */
  check(o: Observation, d: number, i: number, s: number): number | undefined {
    if (o.year !== this.lastYear || this.keys === undefined) {
      this.lastYear = o.year;
      this.keys = this.byYear.get(o.year);
      if (this.keys === undefined) this.byYear.set(o.year, (this.keys = new YearKeys(this.size)));
    }
    const y = this.keys;
    const key = (d * this.ni + i) * 2 + (o.kind === 'actual' ? 1 : 0);
    const first = y.source.get(key) - 1;
    if (first < 0) {
      y.source.set(key, s + 1);
      y.line.set(key, o.origin.line);
      return undefined;
    }
    if (first === s) return y.line.get(key);
    const head = y.more.get(key) ?? -1;
    for (let e = head; e >= 0; e = this.next[e]!) if (this.source[e] === s) return this.line[e];
    y.more.set(key, this.source.length);
    this.source.push(s);
    this.line.push(o.origin.line);
    this.next.push(head);
    return undefined;
  }
}

/** One year of DuplicateKeys. */
export class YearKeys {
  /** Key → its first source's number + 1. */
  readonly source: IntTable;
  /** Key → the line of its first source. */
  readonly line: IntTable;
  /** Key → the last of its further sources in DuplicateKeys' chain. */
  readonly more = new Map<number, number>();

  constructor(size: number) {
    this.source = new IntTable(size);
    this.line = new IntTable(size);
  }
}

/**
 * The kept observations of a build grouped by figure, (district, indicator, year, kind), as each
 * is kept: the row is grouped while it is still in the cache, not in a second pass over every
 * row. Per year and kind, (district, indicator) by their numbers (from Lookups) is an index into
 * a table holding the figure's first observation, by its place among all kept so far; the few
 * figures given more than once are lists of their own.
 */
export class FigureGroups {
  private readonly byYearKind = new Map<number, IntTable>();
  /** The files' kept rows, and how many rows were kept before each file. */
  private readonly files: Observation[][] = [];
  private readonly before: number[] = [];
  private count = 0;
  /** Figure's first observation's place + 1 → its group, for figures given more than once. */
  private readonly groups = new Map<number, Observation[]>();
  /** The groups of more than one figure, in the order they got their second. */
  readonly multi: Observation[][] = [];
  private lastYearKind = NaN;
  private table: IntTable | undefined;
  private readonly ni: number;
  private readonly size: number;

  constructor(ref: Reference) {
    this.ni = ref.indicators.size;
    this.size = ref.districts.size * this.ni;
  }

  /** The next observations added are kept in `rows`, in order. */
  startFile(rows: Observation[]): void {
    this.files.push(rows);
    this.before.push(this.count);
  }

  add(o: Observation, d: number, i: number): void {
    const place = this.count++;
    const k = o.year * 2 + (o.kind === 'actual' ? 1 : 0);
    if (k !== this.lastYearKind || this.table === undefined) {
      this.lastYearKind = k;
      this.table = this.byYearKind.get(k);
      if (this.table === undefined) this.byYearKind.set(k, (this.table = new IntTable(this.size)));
    }
    const key = d * this.ni + i;
    const at = this.table.get(key);
    if (at === 0) {
      this.table.set(key, place + 1);
      return;
    }
    const g = this.groups.get(at);
    if (g !== undefined) g.push(o);
    else {
      const list = [this.kept(at - 1), o];
      this.groups.set(at, list);
      this.multi.push(list);
    }
  }

  /** The observation kept at `place`. */
  private kept(place: number): Observation {
    let f = this.files.length - 1;
    while (this.before[f]! > place) f--;
    return this.files[f]![place - this.before[f]!]!;
  }
}

/**
 * Small non-negative integers → positive integers (0 = absent): a typed array while the keys fit
 * in a few megabytes, a Map beyond. The checks key rows by numbered ids this way instead of
 * building a key string per row.
 */
const DENSE_LIMIT = 1 << 22;

export class IntTable {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;

  /** Keys will be below `size`. */
  constructor(size: number) {
    this.dense = size <= DENSE_LIMIT ? new Int32Array(size) : null;
    this.sparse = this.dense === null ? new Map() : null;
  }

  get(key: number): number {
    return this.dense !== null ? this.dense[key]! : (this.sparse!.get(key) ?? 0);
  }

  set(key: number, value: number): void {
    if (this.dense !== null) this.dense[key] = value;
    else this.sparse!.set(key, value);
  }
}
