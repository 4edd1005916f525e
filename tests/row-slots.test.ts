/**
 * Windowed rows keep their slot while in the window; rows coming in take the slots left free.
 * After a jump, or when the rows are new, only the rows in view are rendered first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowsFor, Slots } from '../src/ui/rowWindow';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('Slots', () => {
  it('a scroll by one row moves one slot; a jump reuses every slot', () => {
    const s = new Slots();
    expect([...s.assign(range(0, 5)).values()]).toEqual([0, 1, 2, 3, 4]);
    const one = s.assign(range(1, 5));
    expect([1, 2, 3, 4].map((i) => one.get(i))).toEqual([1, 2, 3, 4]);
    expect(one.get(5)).toBe(0); // the slot row 0 left
    const jump = s.assign(range(100, 5));
    expect(new Set(jump.values())).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it('never gives two rows of a window one slot, keeps the slots of rows that stay, and uses no more slots than the largest window', () => {
    const windows = fc.tuple(fc.nat(300), fc.integer({ min: 0, max: 30 })).map(([from, n]) => range(from, n));
    fc.assert(
      fc.property(fc.array(windows, { minLength: 1, maxLength: 20 }), (seq) => {
        const s = new Slots();
        let before = new Map<number, number>();
        let largest = 0;
        for (const w of seq) {
          largest = Math.max(largest, w.length);
          const now = s.assign(w);
          const used = w.map((i) => now.get(i)!);
          expect(new Set(used).size).toBe(w.length);
          expect(Math.max(-1, ...used)).toBeLessThan(largest);
          for (const i of w) if (before.has(i)) expect(now.get(i)).toBe(before.get(i));
          before = now;
        }
      }),
    );
  });
});

describe('rowsFor', () => {
  const range = { startIndex: 50, endIndex: 56, overscan: 2, count: 3000, lanes: 1 };
  it('adds the rows either side when some rows in the page stay in view', () => {
    expect(rowsFor(range, { first: 45, last: 52 })).toEqual({ indexes: [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58], lean: false });
    expect(rowsFor(range, { first: 56, last: 70 }).lean).toBe(false);
    expect(rowsFor(range, null).lean).toBe(false); // the first render
  });
  it('renders only the rows in view after a jump past every row in the page', () => {
    expect(rowsFor(range, { first: 0, last: 9 })).toEqual({ indexes: [50, 51, 52, 53, 54, 55, 56], lean: true });
    expect(rowsFor(range, { first: 57, last: 66 }).lean).toBe(true);
  });
  it('renders only the rows in view when the rows are new (a sort, a search)', () => {
    expect(rowsFor(range, { first: 48, last: 58 }, true)).toEqual({ indexes: [50, 51, 52, 53, 54, 55, 56], lean: true });
  });
  it('keeps to the table at its ends', () => {
    expect(rowsFor({ ...range, startIndex: 0, endIndex: 3 }, { first: 0, last: 5 }).indexes).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rowsFor({ ...range, startIndex: 2996, endIndex: 2999 }, { first: 2990, last: 2999 }).indexes).toEqual([2994, 2995, 2996, 2997, 2998, 2999]);
  });
});
