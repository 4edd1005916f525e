/**
 * Which yearly files a view needs. The overview (its trend), the indicator view, the citizen
 * pages and the check page need every year; the scorecard of a year named in the URL needs that
 * year's file, the data view filtered to years those years' files (an observation's year is its
 * file's year, DESIGN.md). Without a year in the URL, the scorecard's year is the latest with
 * results, which only the data can tell, so every year is fetched. public/preload-data.js
 * follows the same rule (tests/fetch-plan.test.ts runs both on the same URLs).
 */
import type { AppState, YearRange } from '../core/url';

/** null: every year in data/index.json. */
export type FetchPlan = YearRange | null;

export function fetchPlan(state: Pick<AppState, 'view' | 'year'>): FetchPlan {
  if (!state.year) return null;
  if (state.view === 'scorecard') return { from: state.year.to, to: state.year.to };
  if (state.view === 'data') return state.year;
  return null;
}

export function planYears(plan: FetchPlan, available: readonly number[]): number[] {
  return plan ? available.filter((y) => y >= plan.from && y <= plan.to) : [...available];
}

/** Part of the data query's key: equal plans share one load. */
export const planKey = (plan: FetchPlan): string => (plan ? `${plan.from}-${plan.to}` : 'all');
