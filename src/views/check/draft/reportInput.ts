/**
 * A report's text as staff give it (a .txt file or pasted text), read for the draft tab: refused
 * with a clear reason when it is too large (before it is read), empty or not text; decoded from
 * UTF-8 or GBK/GB18030, and which one said. Pure: runs in the draft worker and in tests.
 */
import { decodeBytes, type Encoding } from '../../../data/decode';

/** A work report is 50–300 KB; 10 MB is far beyond any report and still drafted without strain. */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

export type Refusal =
  | { reason: 'too-large'; size: number; limit: number }
  | { reason: 'empty' }
  | { reason: 'binary' }
  | { reason: 'unreadable' };

export type ReadReport = { ok: true; text: string; encoding: Exclude<Encoding, 'unknown'> } | ({ ok: false } & Refusal);

/** Refuse by size alone, so a huge file is never read into the page. */
export function refuseBySize(size: number): Refusal | null {
  return size > MAX_REPORT_BYTES ? { reason: 'too-large', size, limit: MAX_REPORT_BYTES } : null;
}

/** A NUL byte, or more than 1 % control bytes (other than tab, line and page breaks), marks a file that is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n * 0.01;
}

export function readReport(name: string, bytes: Uint8Array): ReadReport {
  const big = refuseBySize(bytes.length);
  if (big) return { ok: false, ...big };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  const d = decodeBytes(name, bytes);
  if (d.encoding === 'unknown') return { ok: false, reason: 'unreadable' };
  if (d.text.trim() === '') return { ok: false, reason: 'empty' };
  return { ok: true, text: d.text, encoding: d.encoding };
}
