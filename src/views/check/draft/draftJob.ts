/**
 * The draft tab's work, as one pure function: a report's bytes (a file, or pasted text encoded
 * as UTF-8) read (src/extract's readReport: refused when empty, not text or too large; GBK
 * decoded) and drafted into rows. Runs in draft.worker.ts, or on the main thread where there is
 * no Worker (draftClient.ts); the answer is the same either way.
 */
import { extractDrafts, readReport, type DraftRow, type ExtractOptions, type LexiconIndicator, type ReportInput } from '../../../extract';

export interface DraftRequest {
  bytes: Uint8Array;
  indicators: LexiconIndicator[];
  opts: ExtractOptions;
}

export type Refusal = Extract<ReportInput, { ok: false }>;

export type DraftOutcome =
  | { ok: true; text: string; encoding: 'utf-8' | 'gb18030'; rows: DraftRow[]; lineCount: number; ms: number }
  | Refusal;

export function draftReport(req: DraftRequest): DraftOutcome {
  const read = readReport(req.bytes);
  if (!read.ok) return read;
  const t0 = performance.now();
  const result = extractDrafts(read.text, req.indicators, req.opts);
  return { ok: true, text: read.text, encoding: read.encoding, rows: result.rows, lineCount: result.lineCount, ms: performance.now() - t0 };
}
