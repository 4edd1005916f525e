/**
 * The indicator choice, grouped by category (in the contract's order) and narrowed by a search of
 * the Chinese or English name or the id. Pure: the select in src/ui only draws the groups.
 */
import { CATEGORIES, type Category, type Indicator } from '../data/types';

export interface IndicatorGroup {
  category: Category;
  indicators: Indicator[];
}

/** Whether an indicator answers a search (case-insensitive; empty matches all). */
export function matchIndicator(i: Indicator, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return i.name_zh.includes(needle) || i.name_en.toLowerCase().includes(needle) || i.id.includes(needle);
}

/**
 * Groups in category order, each in the order given; empty groups left out. `keep` stays in its
 * group whatever the search, so the current choice never disappears from the list.
 */
export function groupIndicators(indicators: readonly Indicator[], q = '', keep: string | null = null): IndicatorGroup[] {
  const out: IndicatorGroup[] = [];
  for (const category of CATEGORIES) {
    const list = indicators.filter((i) => i.category === category && (i.id === keep || matchIndicator(i, q)));
    if (list.length) out.push({ category, indicators: list });
  }
  return out;
}
