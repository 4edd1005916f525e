/**
 * A load of the published data begun before the app's code has arrived: public/preload-data.js
 * imports src/early.ts (a small file) as soon as it knows the page from the build will not be
 * shown, or once that page is painted. On a slow phone the data are then fetched, checked and
 * indexed while React is still downloading, not after it. The app's first query of the same
 * plan takes this load instead of starting its own (useDataset.ts publishedQuery).
 * This module is shared by both entries, so both see the same `early`.
 */
import { parseState } from '../core/url';
import type { Loaded } from '../views/types';
import { fetchPlan, planKey, type FetchPlan } from './fetchPlan';
import { loadPublished } from './loadPublished';

let early: { key: string; loading: Promise<Loaded> } | null = null;
let appAsked = false;

/** Starts loading what the URL's view needs, unless the app has already asked for its data. */
export function loadEarly(search: string): void {
  if (early || appAsked) return;
  const plan = fetchPlan(parseState(search));
  const loading = loadPublished(undefined, plan);
  // A failure is the app's to report: its query then loads anew and shows the error.
  loading.catch(() => {});
  early = { key: planKey(plan), loading };
}

/** The early load of this plan, given out once (a retry loads anew); null if there is none. */
export function takeEarly(plan: FetchPlan): Promise<Loaded> | null {
  appAsked = true;
  if (!early || early.key !== planKey(plan)) return null;
  const { loading } = early;
  early = null;
  return loading;
}
