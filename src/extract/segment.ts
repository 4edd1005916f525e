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
}

const CN_NUM = '一二三四五六七八九十';
/** 一、 / （二） / 第三部分 / 1. at the start of a short line. */
const HEADING = new RegExp(
  `^(?:[${CN_NUM}]+[、.．]|[（(][${CN_NUM}]+[）)]|第[${CN_NUM}]+[章节部分篇]|\\d{1,2}[、.．](?!\\d))`,
);
/** "—3—", "- 12 -", "第3页", "3": a page number or a lone folio, never a figure. */
const PAGE_LINE = /^[\s\-—–－_·]*(?:第\s*\d+\s*页|\d{1,4})(?:\s*[/／]\s*\d{1,4})?[\s\-—–－_·]*$/;

const SKIP = /[\s\u3000\u00a0*]/;

/** Full-width signs that reports use inside figures. */
const SIGNS: Record<string, string> = { '％': '%', '．': '.', '，': '，', '～': '~', '﹪': '%' };

export function isHeadingLine(line: string): boolean {
  const t = line.replace(/[\s\u3000*]/g, '');
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
    for (let j = 0; j < line.length; j++) {
      const c = line[j]!;
      if (SKIP.test(c)) continue;
      const h = SIGNS[c] ?? halfWidth(c);
      push(h, lineNo, offset + j);
    }
    if (heading) push(BREAK, lineNo, offset + line.length);
    offset += line.length + eol;
  }
  return { flat: chars.join(''), lineOf: lineOf.subarray(0, k), offsetOf: offsetOf.subarray(0, k), text, lines, headings };
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
    if (SENTENCE_END.test(flat[i]!)) {
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

/** The clause around flat position i: from after the previous break to before the next one. */
export function clauseAround(flat: string, i: number, within: Span): Span {
  let s = i;
  while (s > within.start && !isClauseBreak(flat, s - 1)) s--;
  let e = i;
  while (e < within.end && !isClauseBreak(flat, e)) e++;
  return { start: s, end: e };
}
