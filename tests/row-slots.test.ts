/** Windowed rows keep their slot while in the window; rows coming in take the slots left free. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slots } from '../src/views/data/rowWindow';

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
