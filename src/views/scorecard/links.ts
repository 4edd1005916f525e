/**
 * Real links (open in a new tab, copy, middle-click) that navigate inside the app on a plain
 * click, through the URL state.
 */
import type { MouseEvent } from 'react';
import type { SetState } from '../../app/useAppState';
import { toSearch, type AppState } from '../../app/url';

export function followLink(to: AppState, set: SetState) {
  return {
    href: toSearch(to) || '?',
    onClick: (e: MouseEvent<HTMLAnchorElement>) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      set(to);
      window.scrollTo(0, 0);
    },
  };
}
