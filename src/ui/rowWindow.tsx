/**
 * Table rows windowed with @tanstack/react-virtual once a table is long: only the rows in
 * the scroll box (and a few either side) are in the DOM, so 3,000 districts or 300,000
 * observations scroll as smoothly as ten. Short tables render whole (and print whole).
 * Rows stay real <tr>s between two spacer rows, so the table keeps its semantics and its
 * sticky header and first column.
 */
import { defaultRangeExtractor, measureElement, observeElementRect, useVirtualizer, type Range, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { whenIdle } from './idle';

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

/** The first and last rows in the page. */
export interface Shown {
  first: number;
  last: number;
}

/**
 * The rows to render for `range` (the rows in the box, and how many to add either side), given
 * the rows already in the page. A scroll that keeps some rows in view gets the rows either side
 * as well, so a fling never shows a blank band; a jump past every row in the page gets only the
 * rows in view (`lean`), so they are painted sooner, and the rows either side follow when the
 * page is idle. On a jump every row is new, and each costs layout and paint; so it is when the
 * rows themselves are new (`fresh`: a sort, a search), wherever the box is scrolled.
 */
export function rowsFor(range: Range, shown: Shown | null, fresh = false): { indexes: number[]; lean: boolean } {
  const lean = fresh || (shown !== null && (range.endIndex < shown.first || range.startIndex > shown.last));
  return { indexes: defaultRangeExtractor(lean ? { ...range, overscan: 0 } : range), lean };
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
 * `rows`: the rows shown (any value that changes when they do, as a new sort or search makes a
 * new array): when it changes, every row is new, rendered as after a jump.
 */
export function useRowWindow(count: number, box: RefObject<HTMLDivElement | null>, estimate: number, overscan = 10, rows?: unknown): RowWindow {
  const windowed = count > WINDOW_FROM;
  const typical = useRef<TypicalHeight>(null);
  typical.current ??= new TypicalHeight(estimate);
  const observed = useRef(new WeakMap<Element, number>());
  const slots = useRef(new Slots());
  // After a jump only the rows in view are rendered (see `rowsFor`); `fill` renders again with
  // the rows either side, once the page is idle. A new extractor per fill makes the virtualizer ask again.
  const shown = useRef<Shown | null>(null);
  const lean = useRef(false);
  const [fill, setFill] = useState(0);
  const lastRows = useRef(rows);
  const rangeExtractor = useCallback(
    (range: Range) => {
      // The rows are new until the render that shows them is committed.
      const r = rowsFor(range, shown.current, rows !== lastRows.current);
      lean.current = r.lean;
      return r.indexes;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fill is a reason for a new extractor
    [fill, rows],
  );
  const observeRect = useStickyHead(box, windowed);
  const v = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: windowed ? count : 0,
    getScrollElement: () => box.current,
    observeElementRect: observeRect,
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
    rangeExtractor,
    // Rows for a new scroll position are rendered inside the scroll event, so they are painted
    // in the same frame instead of after a frame of blank spacer (measured: 15-25% sooner).
    useFlushSync: true,
    // Row sizes the observer reports are taken in the next animation frame, after the new rows
    // have been painted: each change makes the virtualizer place all 240,000 rows again
    // (20-70 ms on a slow phone), which otherwise delayed the paint of a jump.
    useAnimationFrameWithResizeObserver: true,
  });
  const items = windowed ? v.getVirtualItems() : [];
  const first = items[0]?.index;
  const last = items.at(-1)?.index;
  useLayoutEffect(() => {
    shown.current = first === undefined || last === undefined ? null : { first, last };
    lastRows.current = rows;
  });
  useEffect(() => {
    // Not windowed, the extractor is not asked, and `lean` may be left from before.
    if (!windowed || !lean.current) return;
    return whenIdle(() => setFill((n) => n + 1), { timeout: 200, fallback: 50 });
  });
  if (!windowed) return { windowed, indexes: Array.from({ length: count }, (_, i) => i), padTop: 0, padBottom: 0, measure: undefined, key: naturalKey };
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, v.getTotalSize() - (items.at(-1)?.end ?? 0));
  const indexes = items.map((i) => i.index);
  const slot = slots.current.assign(indexes);
  return { windowed, indexes, padTop, padBottom, measure: v.measureElement, key: (index) => `slot-${slot.get(index)}` };
}

/**
 * The box's height as the virtualizer sees it: less the table's sticky header, which covers the
 * top of the box. The rows' positions start below the header, so without this the virtualizer
 * takes a header's height more of rows as in view, and renders a row hidden below the box.
 */
function useStickyHead(box: RefObject<HTMLDivElement | null>, windowed: boolean) {
  const state = useRef({ height: 0, rect: null as Rect | null, report: null as ((rect: Rect) => void) | null });
  const send = () => {
    const { rect, report, height } = state.current;
    if (rect && report) report({ width: rect.width, height: Math.max(0, rect.height - height) });
  };
  const observe = useCallback((instance: Virtualizer<HTMLDivElement, HTMLTableRowElement>, cb: (rect: Rect) => void) => {
    state.current.report = cb;
    return observeElementRect(instance, (rect) => {
      state.current.rect = rect;
      send();
    });
  }, []);
  // The header's height from a ResizeObserver (its cells can wrap), never read during a render.
  useLayoutEffect(() => {
    const thead = box.current?.querySelector('thead');
    if (!windowed || !thead) return;
    const ro = new ResizeObserver((entries) => {
      const h = Math.round(entries[0]?.borderBoxSize[0]?.blockSize ?? 0);
      if (h !== state.current.height) {
        state.current.height = h;
        send();
      }
    });
    ro.observe(thead);
    return () => ro.disconnect();
  }, [box, windowed]);
  return observe;
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
