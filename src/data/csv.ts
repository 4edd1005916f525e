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

/** Parse CSV text into rows with their starting line; blank lines are skipped (one warning). */
export function parseRowsWithLines(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let line = 1;
  for (const cells of csvParseRows(text)) {
    out.push({ line, cells });
    let extra = 0;
    for (const c of cells) extra += lineBreaks(c);
    line += 1 + extra;
  }
  return out;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

export function readTable(file: string, text: string, columns: readonly string[]): Table {
  const problems: Problem[] = [];
  const expected = columns.join(',');
  if (text.includes('\r\n')) problems.push(problem('warning', 'normalised', { file, line: 1 }, 'crlf'));
  const all = parseRowsWithLines(text);
  const blanks = all.filter((r) => isBlank(r.cells));
  if (blanks.length > 0) {
    problems.push(problem('warning', 'normalised', { file, line: blanks[0]!.line }, 'blank', { count: blanks.length }));
  }
  const rows = all.filter((r) => !isBlank(r.cells));
  const headerRow = rows.shift();
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
  for (const r of rows) {
    if (r.cells.length !== header.length) {
      problems.push(
        problem('error', 'column-count', { file, line: r.line }, 'column-count', { got: r.cells.length, want: header.length }),
      );
      continue;
    }
    const cells = r.cells;
    tableRows.push({
      line: r.line,
      raw: cells,
      cell(name: string): Cell {
        const i = index.get(name)!;
        const raw = cells[i] ?? '';
        return { raw, text: raw.trim(), column: i + 1 };
      },
    });
  }
  return { file, header, rows: tableRows, problems, readable };
}
