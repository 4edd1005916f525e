/** The extractor's public face: report text → draft rows, and draft rows → CSV. */
export { extractDrafts } from './extract';
export { draftsToCsv, draftCells, DRAFT_COLUMNS } from './csv';
export { buildLexicon, VARIANTS } from './lexicon';
export type { Confidence, DraftRow, ExtractOptions, ExtractResult, LexiconIndicator } from './types';
export { readReport, MAX_REPORT_BYTES, type ReportInput } from './input';
