/**
 * Table rows windowed with @tanstack/react-virtual once a table is long: only the rows in
 * the scroll box (and a few either side) are in the DOM, so 3,000 districts or 300,000
 * observations scroll as smoothly as ten. Short tables render whole (and print whole).
 * Rows stay real <tr>s between two spacer rows, so the table keeps its semantics and its
 * sticky header and first column.
 */
import { measureElement, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, type ReactNode, type RefObject } from 'react';

export const WINDOW_FROM = 60;

export interface RowWindow {
  windowed: boolean;
  indexes: number[];
  padTop: number;
  padBottom: number;
  /** Ref for each rendered <tr> (with data-index), so rows of any height are measured. */
  measure: ((el: HTMLTableRowElement | null) => void) | undefined;
  /**
   * The React key of row `index`. Windowed, rows are keyed by a slot (see `Slots`), not by what
   * they show: a jump or a sort then rewrites the text of the rows already in the page instead
   * of building new ones and removing the old.
   * A short table keeps its natural keys, so a sort moves its rows (and the focus with them).
   */
  key: (index: number, natural: string) => string;
}

const naturalKey = (_: number, natural: string) => natural;

/**
 * Gives each rendered row a slot: a row still in the window keeps its slot, a row coming in
 * takes one a row going out has left. So scrolling by a row rewrites one row, and a jump
 * rewrites every row in place rather than building new ones.
 */
export class Slots {
  private of = new Map<number, number>();

  assign(indexes: readonly number[]): Map<number, number> {
    const next = new Map<number, number>();
    const used = new Set<number>();
    for (const i of indexes) {
      const s = this.of.get(i);
      if (s !== undefined) {
        next.set(i, s);
        used.add(s);
      }
    }
    let free = 0;
    for (const i of indexes) {
      if (next.has(i)) continue;
      while (used.has(free)) free++;
      next.set(i, free);
      used.add(free);
    }
    this.of = next;
    return next;
  }
}

/**
 * The most common measured row height, as the estimate for rows not yet measured. With
 * 240,000 rows every row whose height differs from the estimate makes the virtualizer lay out
 * all the rows after it again (tens of milliseconds each on a slow phone); when the estimate is
 * the usual height, most rows coming into view change nothing (and a jump lands where it should
 * the first time, not after rows measured taller than the estimate push the window on).
 */
class TypicalHeight {
  private counts = new Map<number, number>();
  private best = 0;
  constructor(public value: number) {}
  add(size: number) {
    const n = (this.counts.get(size) ?? 0) + 1;
    this.counts.set(size, n);
    if (n > this.best) {
      this.best = n;
      this.value = size;
    }
  }
}

/**
 * `overscan`: rows rendered beyond each edge of the box. Every row costs layout and paint when
 * it comes into view (a jump of 2,000 px replaces them all), so tables of big rows keep it small.
 */
export function useRowWindow(count: number, box: RefObject<HTMLDivElement | null>, estimate: number, overscan = 10): RowWindow {
  const windowed = count > WINDOW_FROM;
  const typical = useRef<TypicalHeight>(null);
  typical.current ??= new TypicalHeight(estimate);
  const observed = useRef(new WeakMap<Element, number>());
  const slots = useRef(new Slots());
  const v = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: windowed ? count : 0,
    getScrollElement: () => box.current,
    estimateSize: () => typical.current!.value,
    // Sizes come only from the ResizeObserver, after the browser's own layout. Asked from a row's
    // ref (no `entry`), the height is what the observer last saw of that <tr>, else the estimate:
    // reading it there would force a layout of every new row in the middle of React's commit,
    // which measured as the largest single cost of a scroll.
    measureElement: (el: HTMLTableRowElement, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, HTMLTableRowElement>) => {
      if (!entry) {
        const seen = observed.current.get(el);
        if (seen !== undefined) return seen;
        return instance.itemSizeCache.get(instance.options.getItemKey(instance.indexFromElement(el))) ?? typical.current!.value;
      }
      const size = measureElement(el, entry, instance);
      observed.current.set(el, size);
      typical.current!.add(size);
      return size;
    },
    overscan,
    // Rows for a new scroll position are rendered inside the scroll event, so they are painted
    // in the same frame instead of after a frame of blank spacer (measured: 15-25% sooner).
    useFlushSync: true,
    // Row sizes the observer reports are taken in the next animation frame, after the new rows
    // have been painted: each change makes the virtualizer place all 240,000 rows again
    // (20-70 ms on a slow phone), which otherwise delayed the paint of a jump.
    useAnimationFrameWithResizeObserver: true,
  });
  if (!windowed) return { windowed, indexes: Array.from({ length: count }, (_, i) => i), padTop: 0, padBottom: 0, measure: undefined, key: naturalKey };
  const items = v.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, v.getTotalSize() - (items.at(-1)?.end ?? 0));
  const indexes = items.map((i) => i.index);
  const slot = slots.current.assign(indexes);
  return { windowed, indexes, padTop, padBottom, measure: v.measureElement, key: (index) => `slot-${slot.get(index)}` };
}

/** A table body of only the rows in the window, with spacers standing in for the others. */
export function WindowBody({ win, span, row }: { win: RowWindow; span: number; row: (index: number) => ReactNode }) {
  return (
    <tbody>
      <Spacer height={win.padTop} span={span} />
      {win.indexes.map(row)}
      <Spacer height={win.padBottom} span={span} />
    </tbody>
  );
}

/** The spacer standing in for the rows scrolled out of view. */
export function Spacer({ height, span }: { height: number; span: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer-row" style={{ height }}>
      <td colSpan={span} />
    </tr>
  );
}

/**
 * The ref for a row's <tr>: a new one when the row's index changes, so a row reused for another
 * index (see `key`) is measured again as that index.
 */
export function useMeasureRef(measure: RowWindow['measure'], index: number) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- index is the reason for a new ref
  return useCallback((el: HTMLTableRowElement | null) => measure?.(el), [measure, index]);
}
