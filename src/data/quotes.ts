/**
 * Finding a quote in a source text with whitespace and line breaks ignored (OCR text wraps
 * sentences and splits numbers from units). Built once per text, then each lookup is indexOf.
 */
export class SourceText {
  private readonly stripped: string;
  /** Offset in `stripped` where each line starts; one extra entry for the end. */
  private readonly starts: number[];
  readonly lineCount: number;

  constructor(text: string) {
    const lines = text.split(/\r\n|\r|\n/);
    this.lineCount = lines.length;
    const parts: string[] = [];
    this.starts = [];
    let offset = 0;
    for (const l of lines) {
      this.starts.push(offset);
      const s = stripSpace(l);
      parts.push(s);
      offset += s.length;
    }
    this.starts.push(offset);
    this.stripped = parts.join('');
  }

  /** True when the quote begins within line `line` (1-based). */
  foundAt(quote: string, line: number): boolean {
    const q = stripSpace(quote);
    if (q === '' || line < 1 || line > this.lineCount) return false;
    const start = this.starts[line - 1]!;
    const end = this.starts[line]!;
    const i = this.stripped.indexOf(q, start);
    return i >= 0 && i < end;
  }

  /** The lines where the quote begins anywhere in the text (to tell staff where it is). */
  linesOf(quote: string, max = 3): number[] {
    const q = stripSpace(quote);
    const out: number[] = [];
    if (q === '') return out;
    let i = this.stripped.indexOf(q);
    while (i >= 0 && out.length < max) {
      out.push(this.lineAtOffset(i));
      i = this.stripped.indexOf(q, i + 1);
    }
    return out;
  }

  private lineAtOffset(offset: number): number {
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      // The first line whose start ≤ offset and which is not empty at that offset.
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    // Skip back over empty lines that share the same start offset.
    while (lo > 0 && this.starts[lo]! === this.starts[lo + 1]!) lo--;
    return lo + 1;
  }
}

const SPACE = /[\s\u3000\u00a0\ufeff]+/g;
export const stripSpace = (s: string) => s.replace(SPACE, '');

/** Where source texts come from: a folder on disk for the command line; none in the browser. */
export interface TextLookup {
  /** Human-readable location, for messages. */
  where: string;
  /** The text, or null when the file is not there. */
  get(name: string): SourceText | null;
}

/** Texts held in memory, by file name (dropped on the check page, or a test's); each indexed when first asked for. */
export function textsInMemory(texts: Readonly<Record<string, string>>, where = 'memory'): TextLookup {
  const indexed = new Map<string, SourceText>();
  return {
    where,
    get(name) {
      if (!Object.hasOwn(texts, name)) return null;
      let t = indexed.get(name);
      if (!t) indexed.set(name, (t = new SourceText(texts[name]!)));
      return t;
    },
  };
}
