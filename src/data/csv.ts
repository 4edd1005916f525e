/**
 * CSV text → rows that remember their line numbers. The scan gives exactly the cells of
 * d3-dsv's csvParseRows (tests/csv-scan.test.ts compares them on random text) and counts the
 * line breaks inside quoted cells as it goes, so every row knows where it starts.
 */
import { isSpace } from './whitespace';
import { problem } from './problems';
import type { Problem } from './types';

export interface Cell {
  /** The cell as typed, untouched. */
  raw: string;
  /** Trimmed. */
  text: string;
  /** 1-based field number. */
  column: number;
}

export interface TableRow {
  line: number;
  raw: string[];
  cell(name: string): Cell;
  /** The cell as typed (no Cell object: the validators' hot path). */
  rawOf(name: string): string;
  /** 1-based field number of a column. */
  columnOf(name: string): number;
}

/** One class for all rows (not a closure per row): a million rows allocate less. */
class Row implements TableRow {
  constructor(
    readonly line: number,
    readonly raw: string[],
    private readonly index: Map<string, number>,
  ) {}

  cell(name: string): Cell {
    const i = this.index.get(name)!;
    const raw = this.raw[i] ?? '';
    return { raw, text: raw.trim(), column: i + 1 };
  }

  rawOf(name: string): string {
    return this.raw[this.index.get(name)!] ?? '';
  }

  columnOf(name: string): number {
    return this.index.get(name)! + 1;
  }
}

export interface Table {
  file: string;
  header: string[];
  /** Header line, for positions of header problems. */
  rows: TableRow[];
  problems: Problem[];
  /** False when the header is unusable and no row could be read. */
  readable: boolean;
}

/** Where `ch` next occurs in text[from, end), or `end`. */
function nextAt(text: string, ch: string, from: number, end: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 || i > end ? end : i;
}

/** Line breaks (LF, CR or CRLF, one each) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
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

/** A broken quote as the problem that names its lines and says how to mend it. */
export function brokenQuoteProblem(file: string, b: BrokenQuote): Problem {
  const at = { file, line: b.from, column: b.column };
  const params = { from: b.from, to: b.to, column: b.column, close: b.close, hidden: b.to - b.from };
  if (b.close === 0) return problem('error', 'structure', at, b.to > b.from ? 'quote-open' : 'quote-open-line', params);
  return problem('error', 'structure', at, b.to > b.from ? 'quote-span' : 'quote-junk', params);
}

/** Receives each row of scanCells. An object, not a closure, so compiled code that calls it stays valid from text to text. */
export interface CellSink {
  /** `quoted`: the row's quoted cells (quotedBit). */
  cells(b: CellBounds, n: number, line: number, quoted: number): void;
  /** A quote that breaks the structure (see BrokenQuote), told before its row's cells. */
  broken?(b: BrokenQuote): void;
}

class StringRows implements CellSink {
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


/** A table's data rows as bare cell arrays with their lines, before any Row object is made. */
export interface CellTable {
  file: string;
  header: string[];
  problems: Problem[];
  readable: boolean;
  /** Header name → field index (the first column of that name). */
  index: Map<string, number>;
  /** Data rows with as many cells as the header, blank rows left out (none when streamed). */
  cells: string[][];
  /** The line each of `cells` starts on. */
  lines: number[];
}

/** A row's cells as a TableRow, for the readers that need one. */
export function tableRow(line: number, cells: string[], index: Map<string, number>): TableRow {
  return new Row(line, cells, index);
}

export function readTable(file: string, text: string, columns: readonly string[]): Table {
  const t = readCells(file, text, columns);
  const rows: TableRow[] = new Array<TableRow>(t.cells.length);
  for (let k = 0; k < t.cells.length; k++) rows[k] = tableRow(t.lines[k]!, t.cells[k]!, t.index);
  return { file, header: t.header, rows, problems: t.problems, readable: t.readable };
}

/** Receives each data row of a table, as positions in `text` (cellOf), as soon as it is read. */
export interface RowSink {
  /** `quoted`: the row's quoted cells (quotedBit). */
  row(text: string, b: CellBounds, n: number, line: number, quoted: number): void;
}

/** No cell holds more than spaces; decided at the first character of the first cell for most rows. */
function isBlankAt(text: string, b: CellBounds, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const start = b[2 * k]!;
    if (start >= 0) {
      if (start === b[2 * k + 1]) continue;
      if (!isSpace(text.charCodeAt(start))) return false;
    }
    const c = cellOf(text, b, k);
    if (c !== '' && c.trim() !== '') return false;
  }
  return true;
}

/**
 * readTable without a Row object per row. With `start`, called once the header is read and
 * found usable, every data row goes to the sink it returns as soon as it is parsed instead of
 * being kept: a large file's rows need not all be alive at once, nor every cell be a string.
 */
export function readCells(
  file: string,
  text: string,
  columns: readonly string[],
  start?: (index: Map<string, number>) => RowSink,
  optional: readonly string[] = [],
): CellTable {
  const problems: Problem[] = [];
  if (text.includes('\r\n')) problems.push(problem('warning', 'normalised', { file, line: 1 }, 'crlf'));
  const reader = new TableReader(file, text, columns, start, optional);
  scanCells(text, reader);
  const r = reader;
  if (r.blanks > 0) {
    problems.push(problem('warning', 'normalised', { file, line: r.firstBlank }, 'blank', { count: r.blanks }));
  }
  if (r.header === null) {
    for (const p of r.brokenProblems) problems.push(p);
    problems.push(problem('error', 'empty-file', { file, line: 1 }, 'empty'));
    return { file, header: [], problems, readable: false, index: r.index, cells: r.rows, lines: r.lines };
  }
  // Problems in the order they were always reported: blank lines, header, then column counts.
  for (const p of r.headerProblems) problems.push(p);
  for (const p of r.countProblems) problems.push(p);
  for (const p of r.brokenProblems) problems.push(p);
  const readable = r.readable;
  return { file, header: r.header, problems, readable, index: r.index, cells: readable ? r.rows : [], lines: readable ? r.lines : [] };
}

/** Blank lines, the header and the column count of each row, as scanCells reads them. */
class TableReader implements CellSink {
  blanks = 0;
  firstBlank = 0;
  header: string[] | null = null;
  readonly index = new Map<string, number>();
  readable = true;
  readonly headerProblems: Problem[] = [];
  readonly countProblems: Problem[] = [];
  readonly brokenProblems: Problem[] = [];
  readonly rows: string[][] = [];
  readonly lines: number[] = [];
  private sink: RowSink | null = null;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly columns: readonly string[],
    private readonly start: ((index: Map<string, number>) => RowSink) | undefined,
    /** Columns the header may leave out; their cells then read as empty. */
    private readonly optional: readonly string[] = [],
  ) {}

  /** The row being read has a broken quote: its cells are not what the staff member typed. */
  private brokenRow = false;

  broken(b: BrokenQuote): void {
    this.brokenProblems.push(brokenQuoteProblem(this.file, b));
    this.brokenRow = true;
  }

  cells(b: CellBounds, n: number, line: number, quoted: number): void {
    const text = this.text;
    if (this.brokenRow) {
      // Reported by broken(), which names the lines; read as it is, the row would be garbled.
      this.brokenRow = false;
      if (this.header !== null) return;
    }
    if (isBlankAt(text, b, n)) {
      if (this.blanks++ === 0) this.firstBlank = line;
      return;
    }
    if (this.header === null) {
      this.readHeader(cellsOf(text, b, n).map((c) => c.trim()), line);
      return;
    }
    if (!this.readable) return;
    if (n !== this.header.length) {
      this.countProblems.push(problem('error', 'column-count', { file: this.file, line }, 'column-count', { got: n, want: this.header.length }));
      return;
    }
    if (this.sink !== null) this.sink.row(text, b, n, line, quoted);
    else {
      this.rows.push(cellsOf(text, b, n));
      this.lines.push(line);
    }
  }

  private readHeader(h: string[], line: number): void {
    const { file, columns, index } = this;
    const expected = columns.join(',');
    this.header = h;
    h.forEach((name, i) => {
      if (!index.has(name)) index.set(name, i);
    });
    for (const name of columns) {
      if (!index.has(name) && !this.optional.includes(name)) {
        this.headerProblems.push(problem('error', 'header', { file, line, column: 0 }, 'header-missing', { name, expected }));
        this.readable = false;
      }
    }
    h.forEach((name, i) => {
      if (!columns.includes(name)) {
        this.headerProblems.push(problem('warning', 'header', { file, line, column: i + 1, cell: name }, 'header-extra', { name }));
      }
    });
    const present = columns.filter((c) => index.has(c));
    if (this.readable && present.some((c, i) => h[i] !== c)) {
      this.headerProblems.push(problem('warning', 'header', { file, line }, 'header-order', { expected }));
    }
    if (this.readable && this.start) this.sink = this.start(index);
  }
}

/** Idle table readers, kept so their compiled code survives garbage collection (see KEPT_WARM in validate/observations.ts). */
export const readersKeptWarm: readonly unknown[] = [
  new TableReader('', '', [], undefined),
  new TableReader('', '', [], () => ({ row() {} })),
  new StringRows('', () => {}),
];
