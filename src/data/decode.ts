/**
 * Bytes → text, converting only when sure. Staff files come from Excel, which in China often
 * saves GBK/GB18030; those are decoded for the preview and reported. A UTF-8 file with a few
 * bad bytes keeps every row but the ones holding them, each named by line and column. Anything
 * else (Big5, Windows-1252, UTF-16, a workbook or an image) is refused as it is, with what it
 * seems to be and the line of its first bytes that are not UTF-8: guessing would turn names
 * into other, wrong characters with no error at all.
 */
import { problem } from './problems';
import type { Problem } from './types';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'unknown';

export interface Decoded {
  text: string;
  encoding: Encoding;
  problems: Problem[];
  /**
   * Lines holding bytes that are not UTF-8, in a file read as UTF-8 otherwise: their rows are
   * not read, and the text must not be rewritten (the bytes would be lost).
   */
  badLines: number[];
}

/** Where the bytes stop being UTF-8: each ill-formed sequence's byte offset (at most `limit`). */
export function invalidUtf8(bytes: Uint8Array, limit = Infinity): { bad: number[]; multibyte: number } {
  const bad: number[] = [];
  let multibyte = 0;
  const n = bytes.length;
  for (let i = 0; i < n && bad.length < limit; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      // No overlong forms, no surrogates (ED A0–BF …): what a fatal TextDecoder refuses.
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    }
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) ok = false;
    }
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      bad.push(i);
      i++;
    }
  }
  return { bad, multibyte };
}

/**
 * How much of a text's multi-byte characters fall where common Chinese text lies, read as
 * GBK/GB18030 (GB2312's 3,755 most used characters and its punctuation rows) or as Big5 (its
 * 5,401 frequent characters and its punctuation): 0 when the bytes are not that encoding.
 */
export function chineseShare(bytes: Uint8Array, as: 'gbk' | 'big5'): number {
  let chars = 0;
  let common = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const t = bytes[i + 1] ?? -1;
    chars++;
    if (as === 'gbk') {
      if (b === 0x80 || b === 0xff) return 0;
      if (t >= 0x30 && t <= 0x39) {
        i += 4; // a four-byte GB18030 sequence: valid, but never common text
        continue;
      }
      if (!((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe))) return 0;
      if (t >= 0xa1 && ((b >= 0xb0 && b <= 0xd7) || b === 0xa1 || b === 0xa3)) common++;
    } else {
      if (b < 0xa1 || b > 0xf9) return 0;
      if (!((t >= 0x40 && t <= 0x7e) || (t >= 0xa1 && t <= 0xfe))) return 0;
      const code = b * 256 + t;
      if ((code >= 0xa440 && code <= 0xc67e) || (b >= 0xa1 && b <= 0xa3)) common++;
    }
    i += 2;
  }
  return chars === 0 ? 0 : common / chars;
}

/** Of GBK text's characters, at least this share is common (measured on reports: 97–100 %). */
const GBK_SURE = 0.85;

/** 1-based line and column (in characters) of a byte offset, the line's bytes read as UTF-8. */
export function placeOfByte(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 10) {
      line++;
      start = i + 1;
    } else if (bytes[i] === 13 && bytes[i + 1] !== 10) {
      line++;
      start = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, at));
  return { line, column: [...before].length + 1 };
}

const hex = (b: number | undefined) => (b === undefined ? '' : `0x${b.toString(16).toUpperCase().padStart(2, '0')}`);

/** What a file that is no text seems to be, from its first bytes. */
function kindOfBinary(bytes: Uint8Array): 'utf16' | 'workbook' | 'binary' | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'utf16';
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) return 'workbook';
  if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) return 'workbook';
  const head = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const x of head) if (x === 0) zeros++;
  // UTF-16 without its mark: ASCII characters with a zero byte beside each.
  if (zeros > head.length / 4) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < head.length; i++) {
      if (head[i] !== 0) continue;
      if (i % 2) oddZero++;
      else evenZero++;
    }
    return Math.max(evenZero, oddZero) > 0.9 * zeros && Math.min(evenZero, oddZero) < 0.1 * zeros ? 'utf16' : 'binary';
  }
  return zeros > 0 ? 'binary' : null;
}

export function decodeBytes(file: string, bytes: Uint8Array): Decoded {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const binary = kindOfBinary(bytes);
  if (binary === 'utf16') return unknown([problem('error', 'encoding', { file }, 'utf16')]);
  if (binary !== null) return unknown([problem('error', 'encoding', { file }, binary === 'workbook' ? 'workbook' : 'binary')]);
  const { bad, multibyte } = invalidUtf8(body);
  if (bad.length === 0) {
    const text = new TextDecoder('utf-8').decode(body);
    const problems = hasBom ? [problem('warning', 'encoding', { file }, 'bom')] : [];
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8', problems, badLines: [] };
  }
  // Mostly UTF-8 (more good multi-byte characters than bad bytes, as a file with one stray
  // Latin-1 byte has): read as UTF-8, each bad byte named, its row left out.
  if (hasBom || multibyte > bad.length) {
    const problems: Problem[] = [];
    const badLines: number[] = [];
    for (const at of bad) {
      const { line, column } = placeOfByte(body, at);
      if (badLines[badLines.length - 1] === line) continue;
      badLines.push(line);
      problems.push(problem('error', 'encoding', { file, line, column }, 'bad-bytes', { byte: hex(body[at]) }));
    }
    return { text: new TextDecoder('utf-8').decode(body), encoding: hasBom ? 'utf-8-bom' : 'utf-8', problems, badLines };
  }
  // GBK/GB18030 only when its characters are the common ones and Big5 does not read them better.
  const gbk = chineseShare(bytes, 'gbk');
  if (gbk >= GBK_SURE && gbk > chineseShare(bytes, 'big5')) {
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      return { text, encoding: 'gb18030', problems: [problem('error', 'encoding', { file }, 'gbk')], badLines: [] };
    } catch {
      // not GB18030 after all
    }
  }
  const { line, column } = placeOfByte(body, bad[0]!);
  return unknown([problem('error', 'encoding', { file, line, column }, 'unknown', { byte: hex(body[bad[0]!]) })]);
}

function unknown(problems: Problem[]): Decoded {
  return { text: '', encoding: 'unknown', problems, badLines: [] };
}
