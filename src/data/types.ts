/** The data contract of DESIGN.md as types. Every row keeps the line it came from. */

export const LEVELS = ['city', 'district', 'banner', 'county'] as const;
export const CATEGORIES = ['economy', 'agriculture', 'environment', 'society'] as const;
export const MEASURES = ['growth', 'ratio', 'level'] as const;
export const BETTER = ['higher', 'lower'] as const;
export const SOURCE_KINDS = ['work-report', 'plan', 'gazette-article', 'news', 'statistics'] as const;
export const OBS_KINDS = ['target', 'actual'] as const;
/**
 * '=' is the plain comparator (达, 实现) inside the program. Files write it empty (Excel cannot
 * keep a lone `=`): readers take an empty cell or `=` as '=', writers (normalise, the export) write
 * it empty — see comparatorCell.
 */
export const COMPARATORS = ['=', '~', '>=', '>', '<=', '<', 'text'] as const;

export type Level = (typeof LEVELS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Measure = (typeof MEASURES)[number];
export type Better = (typeof BETTER)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type ObsKind = (typeof OBS_KINDS)[number];
export type Comparator = (typeof COMPARATORS)[number];

/** A comparator as a file writes it: the plain '=' as an empty cell. */
export const comparatorCell = (c: Comparator): string => (c === '=' ? '' : c);

/** Where a row was read from: file path relative to data/ and 1-based line. */
export interface Origin {
  file: string;
  line: number;
}

export interface District {
  id: string;
  name_zh: string;
  name_en: string;
  level: Level;
  parent: string;
  adcode: string;
  origin: Origin;
}

export interface Indicator {
  id: string;
  name_zh: string;
  name_en: string;
  category: Category;
  unit: string;
  measure: Measure;
  better: Better;
  description_zh: string;
  description_en: string;
  origin: Origin;
}

export interface Source {
  id: string;
  title_zh: string;
  publisher_zh: string;
  district: string;
  published: string;
  kind: SourceKind;
  text: string;
  url: string;
  origin: Origin;
}

export interface Observation {
  district: string;
  indicator: string;
  year: number;
  kind: ObsKind;
  comparator: Comparator;
  /** The number as the source writes it, in `unit`; null for a `text` comparator. */
  value: number | null;
  unit: string;
  /** `value` converted to the indicator's canonical unit; null for `text`. */
  canonicalValue: number | null;
  estimate: boolean;
  source: string;
  /** 1-based line in the source text; null when the source keeps no text. */
  sourceLine: number | null;
  quote: string;
  /** Public note in Chinese, shown on Chinese pages. */
  note: string;
  /** The public note in English, shown on English pages; empty → no note there. */
  noteEn: string;
  /** The curator's internal remark: shown on the check page only, never on public views. */
  remark: string;
  origin: Origin;
}

export type Severity = 'error' | 'warning';

/** One finding of the checker, positioned in the file it concerns. */
export interface Problem {
  severity: Severity;
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based field number; 0 when the problem concerns the whole row or file. */
  column: number;
  /** Column name, when the problem concerns one cell. */
  columnName?: string;
  /** The offending cell as the user typed it. */
  cell?: string;
  code: ProblemCode;
  /** English reason, including how to fix it. */
  message: string;
  /** Chinese reason. */
  messageZh: string;
}

export type ProblemCode =
  | 'encoding'
  | 'empty-file'
  | 'header'
  | 'column-count'
  | 'required'
  | 'enum'
  | 'number'
  | 'unit-in-value'
  | 'normalised'
  | 'id-format'
  | 'unknown-id'
  | 'year-mismatch'
  | 'duplicate'
  | 'unit'
  | 'quote-not-found'
  | 'quote-unverified'
  | 'value-not-in-quote'
  | 'line'
  | 'date'
  | 'conflict'
  | 'estimate-flag'
  | 'source-location'
  | 'file-name'
  | 'fetch'
  | 'structure'
  | 'implausible';

export interface Dataset {
  districts: District[];
  indicators: Indicator[];
  sources: Source[];
  observations: Observation[];
  problems: Problem[];
}
