/**
 * What the check page previews: for each (district, indicator) of the checked yearly files,
 * target against result in every year, with the figures that are new or changed marked.
 * Changes first: `splitChanges` puts the indicators with new or changed figures (and within
 * them those rows) ahead of the unchanged rest. Pure: two catalogs (merged and published) in, rows out.
 */
import type { Indicator, ObsKind, Observation } from '../../data/types';
import type { Catalog, Pair } from '../../model/catalog';

export type Mark = 'new' | 'changed' | null;

export interface PreviewCell {
  obs: Observation | null;
  mark: Mark;
  /** The published figure a changed one replaces. */
  was: Observation | null;
}

export interface PreviewRow {
  district: string;
  year: number;
  pair: Pair;
  target: PreviewCell;
  actual: PreviewCell;
}

export interface PreviewGroup {
  indicator: Indicator;
  rows: PreviewRow[];
}

const same = (a: Observation, b: Observation) =>
  a.comparator === b.comparator && a.canonicalValue === b.canonicalValue && a.estimate === b.estimate;

function cell(merged: Catalog, published: Catalog, checked: Set<string>, d: string, i: string, y: number, k: ObsKind): PreviewCell {
  const obs = merged.shown(d, i, y, k)?.obs ?? null;
  if (!obs || !checked.has(obs.origin.file)) return { obs, mark: null, was: null };
  const before = published.shown(d, i, y, k)?.obs ?? null;
  if (!before) return { obs, mark: 'new', was: null };
  return same(obs, before) ? { obs, mark: null, was: null } : { obs, mark: 'changed', was: before };
}

export function previewGroups(merged: Catalog, published: Catalog, checkedPaths: Iterable<string>): PreviewGroup[] {
  const checked = new Set(checkedPaths);
  const pairs = new Map<string, Set<string>>();
  for (const o of merged.data.observations) {
    if (!checked.has(o.origin.file)) continue;
    const set = pairs.get(o.indicator) ?? new Set<string>();
    set.add(o.district);
    pairs.set(o.indicator, set);
  }
  const districtOrder = merged.data.districts.map((d) => d.id);
  const groups: PreviewGroup[] = [];
  for (const indicator of merged.data.indicators) {
    const districts = pairs.get(indicator.id);
    if (!districts) continue;
    const rows: PreviewRow[] = [];
    for (const d of districtOrder.filter((x) => districts.has(x))) {
      for (const y of merged.years) {
        const pair = merged.pair(d, indicator.id, y);
        if (!pair.target && !pair.actual) continue;
        rows.push({
          district: d,
          year: y,
          pair,
          target: cell(merged, published, checked, d, indicator.id, y, 'target'),
          actual: cell(merged, published, checked, d, indicator.id, y, 'actual'),
        });
      }
    }
    groups.push({ indicator, rows });
  }
  return groups;
}

export const isMarked = (r: PreviewRow) => r.target.mark !== null || r.actual.mark !== null;

export interface PreviewSplit {
  /** Indicators with new or changed figures: their marked rows, and the rest of their rows. */
  touched: { group: PreviewGroup; marked: PreviewRow[]; rest: PreviewRow[] }[];
  /** Indicators of the checked files whose figures are all as published. */
  untouched: PreviewGroup[];
}

export function splitChanges(groups: PreviewGroup[]): PreviewSplit {
  const out: PreviewSplit = { touched: [], untouched: [] };
  for (const group of groups) {
    const marked = group.rows.filter(isMarked);
    if (marked.length) out.touched.push({ group, marked, rest: group.rows.filter((r) => !isMarked(r)) });
    else out.untouched.push(group);
  }
  return out;
}
