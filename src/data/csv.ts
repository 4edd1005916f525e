/**
 * CSV text → a table: header checked against the expected columns, rows of the right width with
 * the line each starts on, and the problems (blank lines, header, column counts, broken quotes).
 * The cell scan itself is csvScan.ts.
 */
import { isSpace } from './whitespace';
import { problem } from './problems';
import type { Problem } from './types';
import { brokenQuotes, cellOf, cellsOf, parseRowsWithLines, quotedBit, scanCells, scanRows, StringRows, type BrokenQuote, type CellBounds, type CellSink } from './csvScan';

// The scan's names, for the readers that import them from here.
export { brokenQuotes, cellOf, cellsOf, parseRowsWithLines, quotedBit, scanCells, scanRows };
export type { BrokenQuote, CellBounds, CellSink };

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

/** A broken quote as the problem that names its lines and says how to mend it. */
export function brokenQuoteProblem(file: string, b: BrokenQuote): Problem {
  const at = { file, line: b.from, column: b.column };
  const params = { from: b.from, to: b.to, column: b.column, close: b.close, hidden: b.to - b.from };
  if (b.close === 0) return problem('error', 'structure', at, b.to > b.from ? 'quote-open' : 'quote-open-line', params);
  return problem('error', 'structure', at, b.to > b.from ? 'quote-span' : 'quote-junk', params);
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
