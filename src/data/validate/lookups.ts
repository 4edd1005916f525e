/**
 * What observation rows look up in the reference (districts, indicators, sources, units),
 * remembered per distinct cell text across one build, each id numbered for the key tables
 * (keys.ts) and interned as one string shared by every row that names it.
 */
import { ID, isTrimmed } from '../cells';
import type { District, Indicator, Source } from '../types';
import { conversionFactor } from '../units';
import { FigureGroups } from './keys';
import type { Reference } from './reference';

export interface Known<T> {
  /** The id as written, one string shared by every row that names it. */
  id: string;
  item: T;
  /** A small number per id, for keys made of numbers (see DuplicateKeys). */
  n: number;
  /** The id's characters, compared with a cell in place. */
  codes: Uint16Array;
  /** The entry a cell named right after this one last time (KnownIds.at). */
  next: Known<T> | null;
}

/**
 * What observation rows look up, remembered per distinct cell text across all yearly files of
 * one build: a column repeats a few hundred values, and every row naming an id then shares one
 * string for it.
 */
export class Lookups {
  readonly districts: KnownIds<District>;
  readonly indicators: KnownIds<Indicator>;
  readonly sources: KnownIds<Source>;
  /** Indicator's unit → unit cell → the unit and its factor, or null when it does not convert. */
  private readonly units = new Map<string, Map<string, Known<number> | null>>();
  /** Every kept observation of the build, grouped by figure as it is kept (for the conflict check). */
  readonly figures: FigureGroups;

  constructor(readonly ref: Reference) {
    this.districts = new KnownIds(ref.districts);
    this.indicators = new KnownIds(ref.indicators);
    this.sources = new KnownIds(ref.sources);
    this.figures = new FigureGroups(ref);
  }

  unit(indicatorUnit: string, cell: string): Known<number> | null {
    let m = this.units.get(indicatorUnit);
    if (m === undefined) this.units.set(indicatorUnit, (m = new Map()));
    let u = m.get(cell);
    if (u === undefined) {
      const factor = cell !== '' && isTrimmed(cell) ? conversionFactor(cell, indicatorUnit) : null;
      u = factor === null ? null : { id: cell, item: factor, n: 0, codes: NO_CODES, next: null };
      m.set(cell, u);
    }
    return u;
  }
}

/** The reference entries id cells name, remembered per cell text. */
export class KnownIds<T> {
  private readonly memo = new Map<string, Known<T> | null>();
  private count = 0;
  /** Entries found, by a hash of their text: most rows name an id found before. */
  private readonly recent = new Array<Known<T> | null>(RECENT).fill(null);
  private last0: Known<T> | null = null;
  private last1: Known<T> | null = null;

  constructor(private readonly items: Map<string, T>) {}

  /** The entry, when the cell is a well-formed id as typed (no spaces) that the reference has. */
  get(cell: string): Known<T> | null {
    let k = this.memo.get(cell);
    if (k === undefined) {
      const item = cell !== '' && isTrimmed(cell) && ID.test(cell) ? this.items.get(cell) : undefined;
      // Numbered in order of first use: at most as many numbers as the reference has ids.
      k = item === undefined ? null : { id: flat(cell), item, n: this.count++, codes: codesOf(cell), next: null };
      this.memo.set(cell, k);
    }
    return k;
  }

  /** get(text.slice(s, e)), without making the string when the cell names an entry found before. */
  at(text: string, s: number, e: number): Known<T> | null {
    // Rows come grouped by place, each naming one or two sources: most cells repeat one of
    // the last two entries. Places list their indicators in the same order, so the entry that
    // followed the last one before usually follows it again; the others are found by a hash
    // of their text.
    const a = this.last0;
    if (a !== null && sameCodes(text, s, e, a.codes)) return a;
    const b = this.last1;
    if (b !== null && sameCodes(text, s, e, b.codes)) {
      this.last0 = b;
      this.last1 = a;
      return b;
    }
    let k = a !== null ? a.next : null;
    if (k === null || !sameCodes(text, s, e, k.codes)) {
      k = this.hashed(text, s, e);
      if (k === null) return null;
      if (a !== null) a.next = k;
    }
    this.last1 = a;
    this.last0 = k;
    return k;
  }

  /** The entry, found by a hash of the cell's text or else by the cell as a string. */
  private hashed(text: string, s: number, e: number): Known<T> | null {
    let h = e - s;
    for (let i = s; i < e; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    h &= RECENT - 1;
    let k: Known<T> | null = this.recent[h]!;
    if (k === null || !sameCodes(text, s, e, k.codes)) {
      k = this.get(text.slice(s, e));
      if (k === null) return null;
      this.recent[h] = k;
    }
    return k;
  }
}

const RECENT = 4096;

/**
 * A short id as a string of its own rather than a slice of the file's text: every observation
 * naming the id shares it, and maps keyed by ids compare such strings faster than slices.
 */
function flat(s: string): string {
  if (s.length > 64) return s;
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) codes.push(s.charCodeAt(i));
  return String.fromCharCode(...codes);
}

const NO_CODES = new Uint16Array(0);

function codesOf(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

/** text.slice(s, e) has the characters `codes`. */
function sameCodes(text: string, s: number, e: number, codes: Uint16Array): boolean {
  const n = codes.length;
  if (e - s !== n) return false;
  // From the end: ids that share a beginning (place-report-2024, place-report-2025) differ there.
  for (let k = n - 1; k >= 0; k--) if (text.charCodeAt(s + k) !== codes[k]) return false;
  return true;
}
