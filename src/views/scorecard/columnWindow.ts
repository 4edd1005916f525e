/**
 * The scorecard's columns windowed like its rows: with many districts each row renders only the
 * indicator cells in the scroll box; a spacer cell spanning the others
 * stands in for them. The header keeps every column, and the table is laid out with
 * `table-layout: fixed` from the header's widths (scorecard.css), so the columns keep their
 * places whatever the rows on screen hold. Columns are all one width, so where each is follows
 * from two widths, read from the header once it is in the page (a phone's are narrower).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, type RefObject } from 'react';

export interface ColumnWindow {
  /** Indexes of the first and last indicator columns rendered in each row. */
  first: number;
  last: number;
}

/** The widths in scorecard.css at a 16 px root font, until the header has been measured. */
const DEFAULT_NAME = 144;
const DEFAULT_COLUMN = 168;

export function useColumnWindow(count: number, box: RefObject<HTMLDivElement | null>, windowed: boolean): ColumnWindow {
  const widths = useRef({ name: DEFAULT_NAME, column: DEFAULT_COLUMN });
  const v = useVirtualizer<HTMLDivElement, HTMLTableCellElement>({
    horizontal: true,
    count: windowed ? count : 0,
    getScrollElement: () => box.current,
    estimateSize: () => widths.current.column,
    paddingStart: widths.current.name,
    // No column beyond the box: the one that slides under the sticky district column on the left
    // is already rendered, and one coming in is rendered in the scroll event, before the paint.
    overscan: 0,
    useFlushSync: true,
  });
  // The header's real widths, from a ResizeObserver (never read during a render or a commit,
  // where it would force a layout); they change with the CSS only (fixed layout), so rarely.
  useLayoutEffect(() => {
    const corner = box.current?.querySelector('thead .sc-corner');
    const column = box.current?.querySelector('thead .sc-col');
    if (!windowed || !corner || !column) return;
    const ro = new ResizeObserver((entries) => {
      const next = { ...widths.current };
      for (const e of entries) {
        const w = e.borderBoxSize[0]?.inlineSize ?? 0;
        if (w > 0) next[e.target === corner ? 'name' : 'column'] = w;
      }
      if (next.name !== widths.current.name || next.column !== widths.current.column) {
        widths.current = next;
        v.measure(); // renders again, with the new widths
      }
    });
    ro.observe(corner);
    ro.observe(column);
    return () => ro.disconnect();
  }, [windowed, box, v]);
  const items = windowed ? v.getVirtualItems() : [];
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? count - 1;
  // The same object while the same columns are shown, so the rows' memo holds on a vertical scroll.
  return useMemo(() => ({ first, last }), [first, last]);
}
