/**
 * The data view's table: every observation, filtered and sorted by the URL parameters
 * (districts, indicator, year, kind, sort). Pure, and quick with hundreds of thousands of
 * rows: names are ranked once per language, so a sort compares numbers, not strings.
 */
import type { Lang, YearRange } from '../app/url';
import type { ObsKind, Observation } from '../data/types';
import type { Catalog } from './catalog';

export interface DataFilter {
  districts: readonly string[];
  indicator: string | null;
  year: YearRange | null;
  kind: ObsKind | null;
}

export const SORT_COLUMNS = ['district', 'indicator', 'year', 'kind', 'value', 'estimate', 'source', 'quote'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface Sort {
  column: SortColumn;
  desc: boolean;
}

export function filterObservations(rows: readonly Observation[], f: DataFilter): Observation[] {
  const districts = f.districts.length ? new Set(f.districts) : null;
  return rows.filter(
    (o) =>
      (!districts || districts.has(o.district)) &&
      (!f.indicator || o.indicator === f.indicator) &&
      (!f.year || (o.year >= f.year.from && o.year <= f.year.to)) &&
      (!f.kind || o.kind === f.kind),
  );
}

/** `year` → ascending by year, `-year` → descending; anything else: no sort (file order). */
export function parseSort(s: string | null): Sort | null {
  if (!s) return null;
  const desc = s.startsWith('-');
  const column = desc ? s.slice(1) : s;
  return (SORT_COLUMNS as readonly string[]).includes(column) ? { column: column as SortColumn, desc } : null;
}

export function formatSort(s: Sort | null): string | null {
  return s ? `${s.desc ? '-' : ''}${s.column}` : null;
}

/** A click on a header: sorts by it ascending; a second click turns the order round. */
export function toggleSort(current: Sort | null, column: SortColumn): Sort {
  return current?.column === column ? { column, desc: !current.desc } : { column, desc: false };
}

export function ariaSort(current: Sort | null, column: SortColumn): 'ascending' | 'descending' | 'none' {
  if (current?.column !== column) return 'none';
  return current.desc ? 'descending' : 'ascending';
}

/** Each name's place in the language's collation (pinyin order for Chinese), computed once. */
export interface SortKeys {
  district: Map<string, number>;
  indicator: Map<string, number>;
  source: Map<string, number>;
}

function ranks<T>(items: readonly T[], id: (x: T) => string, name: (x: T) => string, collator: Intl.Collator): Map<string, number> {
  const sorted = [...items].sort((a, b) => collator.compare(name(a), name(b)) || id(a).localeCompare(id(b)));
  return new Map(sorted.map((x, i) => [id(x), i]));
}

export function sortKeys(catalog: Catalog, lang: Lang): SortKeys {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
  const d = catalog.data;
  return {
    district: ranks(d.districts, (x) => x.id, (x) => (lang === 'zh' ? x.name_zh : x.name_en), collator),
    indicator: ranks(d.indicators, (x) => x.id, (x) => (lang === 'zh' ? x.name_zh : x.name_en), collator),
    // Sources are sorted by date, then title: "newest report first" is what a reader wants from it.
    source: ranks(d.sources, (x) => x.id, (x) => `${x.published} ${x.title_zh}`, collator),
  };
}

const MISSING = Number.MAX_SAFE_INTEGER;

/** A stable sort: rows that compare equal keep the file order. Figures without a number sort last either way. */
export function sortObservations(rows: readonly Observation[], sort: Sort | null, keys: SortKeys): Observation[] {
  if (!sort) return [...rows];
  const { column, desc } = sort;
  const dir = desc ? -1 : 1;
  const idx = rows.map((o, i) => ({ o, i }));
  const cmpText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  let cmp: (a: Observation, b: Observation) => number;
  switch (column) {
    case 'district':
      cmp = (a, b) => (keys.district.get(a.district) ?? MISSING) - (keys.district.get(b.district) ?? MISSING);
      break;
    case 'indicator':
      cmp = (a, b) => (keys.indicator.get(a.indicator) ?? MISSING) - (keys.indicator.get(b.indicator) ?? MISSING);
      break;
    case 'source':
      cmp = (a, b) =>
        (keys.source.get(a.source) ?? MISSING) - (keys.source.get(b.source) ?? MISSING) || (a.sourceLine ?? 0) - (b.sourceLine ?? 0);
      break;
    case 'year':
      cmp = (a, b) => a.year - b.year;
      break;
    case 'kind':
      cmp = (a, b) => cmpText(a.kind, b.kind);
      break;
    case 'estimate':
      cmp = (a, b) => Number(a.estimate) - Number(b.estimate);
      break;
    case 'quote':
      cmp = (a, b) => cmpText(a.quote, b.quote);
      break;
    case 'value':
      // Values in the indicator's own unit; figures without a number (qualitative) last.
      return idx
        .sort((x, y) => {
          const a = x.o.canonicalValue;
          const b = y.o.canonicalValue;
          if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0) || x.i - y.i;
          return dir * (a - b) || x.i - y.i;
        })
        .map((x) => x.o);
  }
  return idx.sort((x, y) => dir * cmp(x.o, y.o) || x.i - y.i).map((x) => x.o);
}

/** Filter, then sort: what the table and the CSV download show. */
export function dataTable(catalog: Catalog, filter: DataFilter, sort: Sort | null, keys: SortKeys): Observation[] {
  return sortObservations(filterObservations(catalog.data.observations, filter), sort, keys);
}
