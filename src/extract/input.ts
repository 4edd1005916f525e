/**
 * A report file's bytes → its text, or a one-line reason in zh and en why it cannot be read:
 * empty, binary (a PDF, a Word file, an image), too large (the limit is named), or in no known
 * encoding. A GBK/GB18030 text is decoded and said so; a UTF-8 BOM is dropped.
 */
import { decodeBytes } from '../data/decode';

/** A work report is 0.1–0.5 MB of text; a whole gazette year a few MB. */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

export interface Said {
  zh: string;
  en: string;
}

export type ReportInput =
  | { ok: true; text: string; encoding: 'utf-8' | 'gb18030'; note: Said | null }
  | { ok: false; reason: 'empty' | 'binary' | 'too-large' | 'encoding'; message: Said };

const MB = (n: number) => (n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0);

export function tooLarge(size: number): ReportInput {
  return {
    ok: false,
    reason: 'too-large',
    message: {
      zh: `文件有 ${MB(size)} MB，超过 ${MB(MAX_REPORT_BYTES)} MB 的上限；请只给出报告正文`,
      en: `the file is ${MB(size)} MB, over the ${MB(MAX_REPORT_BYTES)} MB limit; give the report's text only`,
    },
  };
}

/** Control bytes other than tab, line ends and form feed: a text never holds them. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) odd++;
  }
  return odd > n / 100;
}

export function readReport(bytes: Uint8Array): ReportInput {
  if (bytes.length > MAX_REPORT_BYTES) return tooLarge(bytes.length);
  if (bytes.length === 0 || /^[\s\uFEFF]*$/.test(new TextDecoder().decode(bytes.subarray(0, 4096))) && bytes.length <= 4096) {
    return { ok: false, reason: 'empty', message: { zh: '文件是空的', en: 'the file is empty' } };
  }
  if (looksBinary(bytes)) {
    return {
      ok: false,
      reason: 'binary',
      message: {
        zh: '这不是纯文本文件（可能是 PDF、Word 或图片）；请先另存为 .txt',
        en: 'this is not a plain text file (a PDF, Word file or image?); save it as .txt first',
      },
    };
  }
  const d = decodeBytes('report', bytes);
  if (d.encoding === 'unknown') {
    return {
      ok: false,
      reason: 'encoding',
      message: { zh: '无法识别文件的编码（不是 UTF-8，也不是 GBK）', en: 'the encoding is not recognised (neither UTF-8 nor GBK)' },
    };
  }
  if (d.encoding === 'gb18030') {
    return {
      ok: true,
      text: d.text,
      encoding: 'gb18030',
      note: { zh: '文件为 GBK（GB18030）编码，已按此解码', en: 'the file is in GBK (GB18030); decoded as such' },
    };
  }
  return { ok: true, text: d.text, encoding: 'utf-8', note: null };
}
