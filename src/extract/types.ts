/**
 * The contract of the extractor (DESIGN.md, "Draft rows from a report"): report text in, draft
 * observation rows out, each with the line and the report's own words. Pure: no React, no DOM,
 * no Node; runs in the browser (a Worker) and in Node.
 */
import type { Comparator, ObsKind } from '../data/types';

export type Confidence = 'high' | 'medium' | 'low';

/** One figure the report states, as a draft observation row (the observation columns + two). */
export interface DraftRow {
  district: string;
  /** A catalogue indicator id, or '' where none matches. */
  indicator: string;
  /** null where the year could not be decided. */
  year: number | null;
  kind: ObsKind;
  comparator: Comparator;
  /** null only for comparator 'text'. */
  value: number | null;
  unit: string;
  estimate: boolean;
  source: string;
  /** 1-based line of the text where the quote starts. */
  line: number;
  /** The report's own words holding the number, verbatim from the text (may span a wrapped line). */
  quote: string;
  note: string;
  /** The indicator as the text names it (e.g. 规上工业增加值). */
  nameAsWritten: string;
  confidence: Confidence;
}

export interface ExtractOptions {
  /** District id written into every row (need not be in districts.csv). */
  district: string;
  /** Source id written into every row ('' when not given). */
  source?: string;
  /** ISO date the document was delivered; resolves 今年 / 去年 / 过去一年 / 明年. */
  published?: string;
}

/** What the extractor needs of the catalogue: the indicators (id, names, unit, measure). */
export interface LexiconIndicator {
  id: string;
  name_zh: string;
  name_en: string;
  unit: string;
  measure: 'growth' | 'ratio' | 'level';
}

export interface ExtractResult {
  rows: DraftRow[];
  /** How the text was read: lines, and a note such as "decoded as GBK" (zh and en). */
  lineCount: number;
}
