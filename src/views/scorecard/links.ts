/**
 * Real links (open in a new tab, copy, middle-click) that navigate inside the app on a plain
 * click, through the URL state.
 */
import type { MouseEvent } from 'react';
import type { SetState } from '../../core/url';
import { toSearch, type AppState } from '../../core/url';

export function followLink(to: AppState, set: SetState) {
  return {
    href: toSearch(to) || '?',
    onClick: (e: MouseEvent<HTMLAnchorElement>) => follow(e, to, set),
  };
}

/**
 * Follows a plain click inside the app, through the URL state; any other click (a new tab, a
 * modifier key, a click already handled) is left to the browser.
 */
export function follow(e: MouseEvent, to: AppState, set: SetState) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  set(to);
  window.scrollTo(0, 0);
}
