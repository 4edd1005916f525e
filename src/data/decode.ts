/**
 * Bytes → text. Staff files come from Excel, which in China often saves GBK/GB18030;
 * we decode those for the preview and report them, rather than showing mojibake.
 */
import { problem } from './problems';
import type { Problem } from './types';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'unknown';

export interface Decoded {
  text: string;
  encoding: Encoding;
  problems: Problem[];
}

const CJK = /[\u4e00-\u9fff]/g;

export function decodeBytes(file: string, bytes: Uint8Array): Decoded {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    const problems = hasBom ? [problem('warning', 'encoding', { file }, 'bom')] : [];
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8', problems };
  } catch {
    // Not UTF-8: try the Chinese national encodings (GB18030 is a superset of GBK).
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    const cjk = text.match(CJK)?.length ?? 0;
    if (cjk > 0) {
      return { text, encoding: 'gb18030', problems: [problem('error', 'encoding', { file }, 'gbk')] };
    }
  } catch {
    // fall through: neither encoding
  }
  return { text: '', encoding: 'unknown', problems: [problem('error', 'encoding', { file }, 'unknown')] };
}
