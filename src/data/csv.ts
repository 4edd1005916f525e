/**
 * CSV text → rows that remember their line numbers. d3-dsv does the RFC 4180 parsing;
 * we only count the line breaks inside quoted cells so every row knows where it starts.
 */
import { csvParseRows } from 'd3-dsv';
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

function lineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

function count(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) n++;
  return n;
}

/**
 * True when no row but the last holds a line break inside a cell, so row r starts on line r + 1.
 * Decided from the text's line breaks (counted as lineBreaks does) against the row count: n rows
 * need n − 1 breaks between them, one more when the text ends with a break.
 */
function noBreaksInCells(text: string, rows: number): boolean {
  const lf = count(text, '\n');
  const cr = text.indexOf('\r') < 0 ? 0 : count(text, '\r') - count(text, '\r\n');
  const breaks = lf + cr;
  const last = text.charCodeAt(text.length - 1);
  const endsWithBreak = last === 10 || last === 13;
  return breaks <= rows - 1 || (endsWithBreak && breaks <= rows);
}

/** Parse CSV text into rows with their starting line; blank lines are skipped (one warning). */
export function parseRowsWithLines(text: string): { line: number; cells: string[] }[] {
  const { rows, lines } = parseWithLines(text);
  return rows.map((cells, i) => ({ line: lines[i]!, cells }));
}

/** The rows and, in a parallel array, the line each starts on (no object per row). */
function parseWithLines(text: string): { rows: string[][]; lines: number[] } {
  const rows = csvParseRows(text);
  const lines: number[] = new Array<number>(rows.length);
  if (noBreaksInCells(text, rows.length)) {
    for (let r = 0; r < rows.length; r++) lines[r] = r + 1;
    return { rows, lines };
  }
  let line = 1;
  for (let r = 0; r < rows.length; r++) {
    lines[r] = line;
    const cells = rows[r]!;
    let extra = 0;
    // Almost no cell holds a line break: indexOf is far cheaper than a scan per character.
    for (const c of cells) if (c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) extra += lineBreaks(c);
    line += 1 + extra;
  }
  return { rows, lines };
}

const isBlank = (cells: string[]) => {
  // Most rows start with a non-blank id: decided at the first cell.
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
};

export function readTable(file: string, text: string, columns: readonly string[]): Table {
  const problems: Problem[] = [];
  const expected = columns.join(',');
  if (text.includes('\r\n')) problems.push(problem('warning', 'normalised', { file, line: 1 }, 'crlf'));
  const all = parseWithLines(text);
  let blanks = 0;
  let firstBlank = 0;
  let first = -1;
  for (let i = 0; i < all.rows.length; i++) {
    if (!isBlank(all.rows[i]!)) {
      if (first < 0) first = i;
    } else if (blanks++ === 0) firstBlank = all.lines[i]!;
  }
  if (blanks > 0) {
    problems.push(problem('warning', 'normalised', { file, line: firstBlank }, 'blank', { count: blanks }));
  }
  const headerRow = first < 0 ? undefined : { line: all.lines[first]!, cells: all.rows[first]! };
  if (!headerRow) {
    problems.push(problem('error', 'empty-file', { file, line: 1 }, 'empty'));
    return { file, header: [], rows: [], problems, readable: false };
  }
  const header = headerRow.cells.map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  let readable = true;
  for (const name of columns) {
    if (!index.has(name)) {
      problems.push(problem('error', 'header', { file, line: headerRow.line, column: 0 }, 'header-missing', { name, expected }));
      readable = false;
    }
  }
  header.forEach((h, i) => {
    if (!columns.includes(h)) {
      problems.push(problem('warning', 'header', { file, line: headerRow.line, column: i + 1, cell: h }, 'header-extra', { name: h }));
    }
  });
  if (readable && columns.some((c, i) => header[i] !== c)) {
    problems.push(problem('warning', 'header', { file, line: headerRow.line }, 'header-order', { expected }));
  }
  if (!readable) return { file, header, rows: [], problems, readable };

  const tableRows: TableRow[] = [];
  for (let i = first + 1; i < all.rows.length; i++) {
    const cells = all.rows[i]!;
    const line = all.lines[i]!;
    if (cells.length !== header.length) {
      if (isBlank(cells)) continue;
      problems.push(problem('error', 'column-count', { file, line }, 'column-count', { got: cells.length, want: header.length }));
      continue;
    }
    if (isBlank(cells)) continue;
    tableRows.push(new Row(line, cells, index));
  }
  return { file, header, rows: tableRows, problems, readable };
}
