/**
 * Report text → one flat reading string with a map back to the text: line breaks, spaces and
 * markdown `**` are dropped (reports wrap sentences across lines and OCR puts spaces inside
 * numbers), full-width digits and signs become ASCII, page-number lines are left out, and a
 * break is kept around headings. Every flat character remembers its line and offset, so a
 * quote can be cut verbatim from the text and its line told.
 */
import { halfWidth } from '../data/numbers';

/** A flat character that stands for a hard break (a heading's edge); never in report text. */
export const BREAK = '\n';

export interface FlatText {
  /** The reading string. */
  flat: string;
  /** For each flat character, its 1-based line. */
  lineOf: Int32Array;
  /** For each flat character, its offset in the original text. */
  offsetOf: Int32Array;
  /** The text as given. */
  text: string;
  /** The lines of the text (without their line ends). */
  lines: string[];
  /** The 1-based lines that look like headings. */
  headings: Set<number>;
  /** Clause breaks of `flat` (clauseBreaks). */
  breaks: Uint8Array;
}

const CN_NUM = '一二三四五六七八九十';
/** 一、 / （二） / 第三部分 / 1. at the start of a short line. */
const HEADING = new RegExp(
  `^(?:[${CN_NUM}]+[、.．]|[（(][${CN_NUM}]+[）)]|第[${CN_NUM}]+[章节部分篇]|\\d{1,2}[、.．](?!\\d))`,
);
/** "—3—", "- 12 -", "第3页", "3": a page number or a lone folio, never a figure. */
const PAGE_LINE = /^[\s\-—–－_·]*(?:第\s*\d+\s*页|\d{1,4})(?:\s*[/／]\s*\d{1,4})?[\s\-—–－_·]*$/;

const MARKDOWN_HEAD = /^\s*#{1,6}\s*/;

/**
 * The width a hard-wrapped text is wrapped at (a print layout: every full line about as long),
 * or 0 when the text keeps a paragraph to a line. In a wrapped text a line that stops short
 * without a comma ends its paragraph (a side heading such as 综合实力量质齐升).
 */
export function wrapWidth(lengths: number[]): number {
  const long = lengths.filter((n) => n >= 12);
  if (long.length < 20) return 0;
  const count = new Map<number, number>();
  for (const n of long) count.set(n, (count.get(n) ?? 0) + 1);
  let w = 0;
  let best = 0;
  for (const [n, c] of count) {
    const around = c + (count.get(n - 1) ?? 0) + (count.get(n + 1) ?? 0);
    if (around > best || (around === best && n > w)) {
      best = around;
      w = n;
    }
  }
  return best >= 0.4 * long.length ? w + 1 : 0;
}

/** Full-width signs that reports use inside figures. */
const SIGNS: Record<string, string> = { '％': '%', '．': '.', '，': '，', '～': '~', '﹪': '%' };

export function isHeadingLine(line: string): boolean {
  const t = line.replace(/[\s\u3000*]/g, '');
  // A markdown heading (## 标题) is a heading whatever its words.
  if (/^#{1,6}[^#]/.test(t)) return t.length <= 80;
  if (t.length === 0 || t.length > 40) return false;
  // A numbered paragraph that goes on after its first sentence is text, not a heading.
  return HEADING.test(halfWidth(t)) && !/。./.test(t);
}

export function isPageLine(line: string): boolean {
  return PAGE_LINE.test(line) && /\d/.test(line);
}

export function flatten(text: string): FlatText {
  const lines = text.split(/\r\n|\r|\n/);
  const n = text.length;
  const chars: string[] = [];
  const lineOf = new Int32Array(n + lines.length + 2);
  const offsetOf = new Int32Array(n + lines.length + 2);
  const headings = new Set<number>();
  let k = 0;
  let offset = 0;
  const push = (c: string, line: number, off: number) => {
    chars.push(c);
    lineOf[k] = line;
    offsetOf[k] = off;
    k++;
  };
  const visible = lines.map((l) => l.replace(/[\s\u3000\u00a0*]/g, '').length);
  const width = wrapWidth(visible.filter((n, i) => n > 0 && !isPageLine(lines[i]!)));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    const eol = text.startsWith('\r\n', offset + line.length) ? 2 : 1;
    if (isPageLine(line)) {
      offset += line.length + eol;
      continue;
    }
    const heading = isHeadingLine(line);
    if (heading) {
      headings.add(lineNo);
      if (k > 0 && chars[k - 1] !== BREAK) push(BREAK, lineNo, offset);
    }
    const lead = heading ? (MARKDOWN_HEAD.exec(line)?.[0].length ?? 0) : 0;
    for (let j = lead; j < line.length; j++) {
      const code = line.charCodeAt(j);
      // Spaces (ASCII, ideographic, no-break) and markdown stars are not read.
      if (code === 32 || code === 9 || code === 42 || code === 0x3000 || code === 0xa0 || code === 13 || code === 12 || code === 11) continue;
      const c = code >= 0xfe00 ? (SIGNS[line[j]!] ?? halfWidth(line[j]!)) : line[j]!;
      push(c, lineNo, offset + j);
    }
    if (heading) push(BREAK, lineNo, offset + line.length);
    else if (width > 0 && visible[i]! > 0 && visible[i]! < width - 4 && k > 0 && !/[，、,；;：:（(“]/.test(chars[k - 1]!) && chars[k - 1] !== BREAK) {
      push(BREAK, lineNo, offset + line.length);
    }
    offset += line.length + eol;
  }
  const flat = chars.join('');
  return { flat, lineOf: lineOf.subarray(0, k), offsetOf: offsetOf.subarray(0, k), text, lines, headings, breaks: clauseBreaks(flat) };
}

/** The text's own words for flat[s, e): verbatim, line breaks dropped (quotes match without them). */
export function quoteOf(ft: FlatText, s: number, e: number): string {
  if (e <= s) return '';
  const from = ft.offsetOf[s]!;
  const to = ft.offsetOf[e - 1]! + 1;
  return ft.text
    .slice(from, to)
    .split(/\r\n|\r|\n/)
    .map((l, i, all) => (i === 0 ? l.trimEnd() : i === all.length - 1 ? l.trimStart() : l.trim()))
    .join('')
    .replace(new RegExp(BREAK, 'g'), '');
}

export interface Span {
  start: number;
  end: number;
}

/** Sentence ends: 。！？ and heading breaks. A sentence is the scope of one 预计. */
const SENTENCE_END = /[。！？!?\n]/;

export function sentences(flat: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i < flat.length; i++) {
    const c = flat.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63 || c === 10) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  if (s < flat.length) out.push({ start: s, end: flat.length });
  return out;
}

/** Clause separators: ，；：and an ASCII comma or semicolon that is not inside a number (1,010). */
export function isClauseBreak(flat: string, i: number): boolean {
  const c = flat[i]!;
  if (c === '，' || c === '；' || c === '：' || c === ';' || c === ':' || SENTENCE_END.test(c)) return true;
  if (c === ',') return !(/\d/.test(flat[i - 1] ?? '') && /^\d{3}(?!\d)/.test(flat.slice(i + 1, i + 5)));
  return false;
}

/** For each flat character, 1 where a clause breaks (isClauseBreak), read once for the text. */
export function clauseBreaks(flat: string): Uint8Array {
  const out = new Uint8Array(flat.length);
  for (let i = 0; i < flat.length; i++) {
    const c = flat.charCodeAt(i);
    // ，；：。！？ ; : ! ? and the break mark: only these and ',' can break a clause.
    if (c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 59 || c === 58 || c === 33 || c === 63 || c === 10) out[i] = 1;
    else if (c === 44 && isClauseBreak(flat, i)) out[i] = 1;
  }
  return out;
}

/** The clause around flat position i: from after the previous break to before the next one. */
export function clauseAround(flat: string, i: number, within: Span, breaks?: Uint8Array): Span {
  const brk = breaks ? (k: number) => breaks[k] === 1 : (k: number) => isClauseBreak(flat, k);
  let s = i;
  while (s > within.start && !brk(s - 1)) s--;
  let e = i;
  while (e < within.end && !brk(e)) e++;
  return { start: s, end: e };
}
