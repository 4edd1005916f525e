/**
 * Sort kernels that know nothing of observations: a stable sort in slices, a counting sort of
 * whole-number keys, a radix sort of numbers, each a job (src/core/job.ts) that gives the rows'
 * order, and turning an ascending order round without breaking ties' file order.
 */
import { chunks, type Job } from '../core/job';

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
export function* sortInSlices<T>(items: readonly T[], cmp: (a: T, b: T) => number, run: number): Job<T[]> {
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

/**
 * The rows in ascending order of a column (stable: equal keys keep file order), rows without a
 * number (`missing` of them) at the end; `starts[j]` is 1 where position j begins a new key.
 */
export interface ColumnOrder {
  order: Uint32Array;
  starts: Uint8Array;
  missing: number;
}

/** Counting sort of whole-number keys in [0, size) (`size` at most 2^32). */
export function* countingOrder(n: number, size: number, key: (i: number) => number): Job<ColumnOrder> {
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
export interface Keys64 {
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
export function* radixOrder(n: number, keyed: Keys64): Job<ColumnOrder> {
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
export function* numberOrder(v: Float64Array): Job<ColumnOrder> {
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
 * The order for a direction: ascending as ranked; descending takes the groups of equal keys
 * from the last to the first, each still in file order, and rows without a number stay last.
 */
export function orderFor({ order, starts, missing }: ColumnOrder, desc: boolean): Uint32Array {
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
