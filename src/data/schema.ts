/** Column lists of the data contract (DESIGN.md), in their canonical order. */
export const DISTRICT_COLUMNS = ['id', 'name_zh', 'name_en', 'level', 'parent', 'adcode'] as const;
export const INDICATOR_COLUMNS = [
  'id', 'name_zh', 'name_en', 'category', 'unit', 'measure', 'better', 'description_zh', 'description_en',
] as const;
export const SOURCE_COLUMNS = ['id', 'title_zh', 'publisher_zh', 'district', 'published', 'kind', 'text', 'url'] as const;
export const OBSERVATION_COLUMNS = [
  'district', 'indicator', 'year', 'kind', 'comparator', 'value', 'unit', 'estimate', 'source', 'line', 'quote', 'note',
  'note_en', 'remark',
] as const;
/** Observation columns a file's header may leave out (read as empty). */
export const OPTIONAL_OBSERVATION_COLUMNS: readonly string[] = ['note_en', 'remark'];

export const FILES = {
  districts: 'districts.csv',
  indicators: 'indicators.csv',
  sources: 'sources.csv',
} as const;

/** `observations/2024.csv` → 2024, or null when the name is not of that form. */
export function yearOfFile(path: string): number | null {
  const m = /(?:^|\/)observations\/(\d{4})\.csv$/.exec(path);
  return m ? Number(m[1]) : null;
}

export const observationFile = (year: number) => `observations/${year}.csv`;

/** The file the site reads to find the yearly files; refreshed by the data check. */
export const INDEX_FILE = 'index.json';
export interface DataIndex {
  years: number[];
}
