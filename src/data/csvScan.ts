/**
 * CSV text → cells with the line each row starts on. The scan gives exactly the cells of
 * d3-dsv's csvParseRows (tests/csv-scan.test.ts compares them on random text) and counts the
 * line breaks inside quoted cells as it goes, so every row knows where it starts. Reading a
 * table (header, column counts, problems) is csv.ts's job.
 */
/** Where `ch` next occurs in text[from, end), or `end`. */
function nextAt(text: string, ch: string, from: number, end: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 || i > end ? end : i;
}

/** Line breaks (LF, CR or CRLF, one each) in text[from, to). */
export function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && (i + 1 >= to || text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const RETURN = 13;

/**
 * Where each cell of a row lies in the text: cell k is text[b[2k], b[2k+1]), or, for a quoted
 * cell, text[~b[2k], b[2k+1]) with its doubled quotes made single (see cellOf). The array is
 * reused from row to row.
 */
export type CellBounds = Int32Array;

/** Cell k of a row as a string, exactly as d3-dsv's csvParseRows gives it. */
export function cellOf(text: string, b: CellBounds, k: number): string {
  const start = b[2 * k]!;
  if (start >= 0) return text.slice(start, b[2 * k + 1]);
  const cell = text.slice(~start, b[2 * k + 1]);
  return cell.indexOf('""') >= 0 ? cell.replace(/""/g, '"') : cell;
}

/**
 * RFC 4180 rows, each handed to the sink as cell positions with the line it starts on as soon as
 * it is read: no string is made for a cell the caller does not ask for (cellOf), and no row
 * needs to be kept. The cells are exactly d3-dsv's csvParseRows (the same scan, including its
 * treatment of malformed quoting, written as one loop with local state); a row starts one line
 * after the previous one plus the line breaks (LF, CR or CRLF, one each) inside its quoted cells.
 */
export function scanCells(text: string, sink: CellSink): void {
  let N = text.length;
  let I = 0;
  let eof = N <= 0;
  let line = 1;
  let b = new Int32Array(64);
  // The trailing line break ends the last row; it does not begin an empty one.
  if (text.charCodeAt(N - 1) === NEWLINE) --N;
  if (text.charCodeAt(N - 1) === RETURN) --N;
  // The next comma, LF and CR at or after the scan (N: none before the end).
  let comma = -1;
  let lf = -1;
  let cr = -1;

  while (!eof) {
    let n = 0;
    let eol = false;
    let extra = 0;
    let quoted = 0;
    while (!eol && !eof) {
      if (2 * n + 2 > b.length) {
        const wider = new Int32Array(b.length * 2);
        wider.set(b);
        b = wider;
      }
      const j = I;
      if (text.charCodeAt(j) === QUOTE) {
        while ((I++ < N && text.charCodeAt(I) !== QUOTE) || text.charCodeAt(++I) === QUOTE);
        const i = I;
        if (i >= N) {
          eof = true;
          // Past the end: the quote never closed, and the rest of the file is this one cell.
          if (i > N && sink.broken !== undefined) sink.broken(brokenQuote(text, j, -1, N, line + extra));
        } else {
          const c = text.charCodeAt(I++);
          if (c === NEWLINE) eol = true;
          else if (c === RETURN) {
            eol = true;
            if (text.charCodeAt(I) === NEWLINE) ++I;
          } else if (c !== COMMA && sink.broken !== undefined) {
            // The cell goes on after its closing quote: the scan drops the character after it.
            sink.broken(brokenQuote(text, j, i - 1, N, line + extra));
          }
        }
        // The cell is text.slice(j + 1, i - 1), quotes undoubled; only a quoted cell can hold a
        // line break, and undoubling quotes changes none.
        b[2 * n] = ~(j + 1);
        b[2 * n + 1] = i - 1;
        quoted |= quotedBit(n);
        n++;
        extra += lineBreaks(text, j + 1, Math.min(i - 1, text.length));
        continue;
      }
      // An unquoted cell ends at the first comma or line break (CRLF counts as one). Each is
      // found with indexOf and remembered until the scan passes it: the engine's search is
      // faster than reading every character here.
      if (comma < j) comma = nextAt(text, ',', j, N);
      if (lf < j) lf = nextAt(text, '\n', j, N);
      if (cr < j) cr = nextAt(text, '\r', j, N);
      const i = comma < lf ? (comma < cr ? comma : cr) : lf < cr ? lf : cr;
      b[2 * n] = j;
      b[2 * n + 1] = i;
      n++;
      if (i === N) eof = true;
      else if (i === comma) I = i + 1;
      else {
        eol = true;
        I = i === cr && text.charCodeAt(i + 1) === NEWLINE ? i + 2 : i + 1;
      }
    }
    sink.cells(b, n, line, quoted);
    line += 1 + extra;
  }
}

/**
 * Which cells of a row are quoted, as a mask: bit k for cell k < 30, bit 30 for any cell
 * further on. A reader tests its columns with one AND instead of one test per cell.
 */
export function quotedBit(k: number): number {
  return 1 << (k < 30 ? k : 30);
}

/** The row's cells as strings. */
export function cellsOf(text: string, b: CellBounds, n: number): string[] {
  const row: string[] = [];
  for (let k = 0; k < n; k++) row.push(cellOf(text, b, k));
  return row;
}

/**
 * A quote that breaks the file's structure: opened at the start of a cell and never closed
 * (`close` 0), or closed before the cell ends. Lines `from`–`to` are read as one cell then.
 */
export interface BrokenQuote {
  /** Line and 1-based column (in characters) of the opening quote. */
  from: number;
  column: number;
  /** The line the cell ends on: the closing quote's, or the last line of the file. */
  to: number;
  /** Column of the closing quote on line `to`; 0 when it never closes. */
  close: number;
}

/** Column (1-based, in characters) of text offset `at` on its line. */
function columnAt(text: string, at: number): number {
  const start = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  return at - start + 1;
}

function brokenQuote(text: string, open: number, close: number, end: number, line: number): BrokenQuote {
  const last = close < 0 ? end : close;
  return { from: line, column: columnAt(text, open), to: line + lineBreaks(text, open + 1, last), close: close < 0 ? 0 : columnAt(text, close) };
}

/** The quotes that break a text's structure, in file order (none for a well-formed CSV). */
export function brokenQuotes(text: string): BrokenQuote[] {
  const out: BrokenQuote[] = [];
  scanCells(text, { cells() {}, broken: (b) => out.push(b) });
  return out;
}


/** Receives each row of scanCells. An object, not a closure, so compiled code that calls it stays valid from text to text. */
export interface CellSink {
  /** `quoted`: the row's quoted cells (quotedBit). */
  cells(b: CellBounds, n: number, line: number, quoted: number): void;
  /** A quote that breaks the structure (see BrokenQuote), told before its row's cells. */
  broken?(b: BrokenQuote): void;
}

/** Exported only so csv.ts can keep an idle one warm (readersKeptWarm). */
export class StringRows implements CellSink {
  constructor(
    private readonly text: string,
    private readonly onRow: (cells: string[], line: number) => void,
  ) {}

  cells(b: CellBounds, n: number, line: number): void {
    this.onRow(cellsOf(this.text, b, n), line);
  }
}

/** scanCells with every cell a string. */
export function scanRows(text: string, onRow: (cells: string[], line: number) => void): void {
  scanCells(text, new StringRows(text, onRow));
}

/** Parse CSV text into rows with their starting line; blank lines are skipped (one warning). */
export function parseRowsWithLines(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  scanRows(text, (cells, line) => out.push({ line, cells }));
  return out;
}

