/**
 * The draft tab's work, as one pure function: a report's bytes (a file, or pasted text encoded
 * as UTF-8) read and drafted into rows. Runs in draft.worker.ts, or on the main thread where
 * there is no Worker (draftClient.ts); the answer is the same either way.
 */
import type { Encoding } from '../../../data/decode';
import { extractDrafts } from '../../../extract';
import type { DraftRow, ExtractOptions, LexiconIndicator } from '../../../extract/types';
import { readReport, type Refusal } from './reportInput';

export interface DraftRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  indicators: LexiconIndicator[];
  opts: ExtractOptions;
}

export type DraftOutcome =
  | { ok: true; text: string; encoding: Exclude<Encoding, 'unknown'>; rows: DraftRow[]; lineCount: number; ms: number }
  | ({ ok: false } & Refusal);

export function draftReport(req: Omit<DraftRequest, 'id'>): DraftOutcome {
  const read = readReport(req.name, req.bytes);
  if (!read.ok) return read;
  const t0 = performance.now();
  const result = extractDrafts(read.text, req.indicators, req.opts);
  return { ok: true, text: read.text, encoding: read.encoding, rows: result.rows, lineCount: result.lineCount, ms: performance.now() - t0 };
}
