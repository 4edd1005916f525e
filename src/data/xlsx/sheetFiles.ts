/**
 * A workbook's sheets → the yearly files they stand for, as CSV text the usual check reads,
 * with each CSV line's spreadsheet row so problems can be told at the row staff see. A sheet
 * named for one year (`2026`, `2026年`) is that year's file; a sheet of any other name whose
 * header has a `year` column is split by year. Other sheets are listed, not read. Pure.
 */
import { csvFormatRow } from 'd3-dsv';
import { halfWidth } from '../numbers';
import { xlsxProblem } from './messages';
import { observationFile } from '../schema';
import type { Problem } from '../types';
import { readXlsx, type Sheet, type SheetLimits, type SheetRow } from './readXlsx';
import { XlsxRefusal } from './zip';

export interface SheetFile {
  /** The sheet it came from. */
  sheet: string;
  /** The data path it is checked as, `observations/2026.csv`. */
  path: string;
  /** CSV text: the header row, then the sheet's rows of this year. */
  text: string;
  /** lines[k] is the spreadsheet row of CSV line k + 1 (a cell holding line breaks spans lines). */
  lines: number[];
}

export interface WorkbookFiles {
  files: SheetFile[];
  /** Problems of the workbook itself, told at the workbook's name (and row, for a row without a year). */
  problems: Problem[];
}

const YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?=[^\d]|$)/g;

function yearOfSheet(name: string): number | null {
  const years = new Set([...halfWidth(name).matchAll(YEAR)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0]! : null;
}

function toCsv(sheet: string, path: string, header: SheetRow, rows: SheetRow[]): SheetFile {
  const width = header.cells.length;
  const text: string[] = [];
  const lines: number[] = [];
  for (const r of [header, ...rows]) {
    // Rows shorter than the header end in empty cells; a cell past the header stays (and is reported).
    let last = r.cells.length;
    while (last > width && r.cells[last - 1] === '') last--;
    const cells = Array.from({ length: Math.max(width, last) }, (_, i) => r.cells[i] ?? '');
    const line = csvFormatRow(cells);
    text.push(line);
    const spans = line.split('\n').length;
    for (let k = 0; k < spans; k++) lines.push(r.row);
  }
  return { sheet, path, text: text.join('\n') + '\n', lines };
}

function splitByYear(book: string, s: Sheet, header: SheetRow, yearCol: number, out: WorkbookFiles) {
  const byYear = new Map<number, SheetRow[]>();
  for (const r of s.rows.slice(1)) {
    const cell = (r.cells[yearCol] ?? '').trim();
    const m = /^((?:19|20)\d{2})(?:\.0+)?$/.exec(halfWidth(cell));
    if (!m) {
      out.problems.push(
        xlsxProblem('error', 'year-mismatch', { file: book, line: r.row, column: yearCol + 1, columnName: 'year', cell }, 'xlsx-no-year', { sheet: s.name }),
      );
      continue;
    }
    const y = Number(m[1]);
    byYear.set(y, [...(byYear.get(y) ?? []), r]);
  }
  for (const [y, rows] of [...byYear].sort((a, b) => a[0] - b[0])) out.files.push(toCsv(s.name, observationFile(y), header, rows));
}

/** Read a workbook; a workbook that cannot be read safely gives one problem and no files. */
export function workbookFiles(book: string, bytes: Uint8Array, limits?: SheetLimits): WorkbookFiles {
  const out: WorkbookFiles = { files: [], problems: [] };
  let wb;
  try {
    wb = readXlsx(bytes, limits);
  } catch (e) {
    if (!(e instanceof XlsxRefusal)) throw e;
    out.problems.push(xlsxProblem('error', 'encoding', { file: book }, e.key, { sheet: '', cell: '', why: '', size: 0, limit: 0, rows: 0, columns: 0, ...e.params }));
    return out;
  }
  for (const s of wb.sheets) {
    const header = s.rows[0];
    if (!header) continue;
    const year = yearOfSheet(s.name);
    const yearCol = header.cells.findIndex((c) => c.trim().toLowerCase() === 'year');
    const before = out.files.length;
    if (year !== null) out.files.push(toCsv(s.name, observationFile(year), header, s.rows.slice(1)));
    else if (yearCol >= 0) splitByYear(book, s, header, yearCol, out);
    else out.problems.push(xlsxProblem('warning', 'header', { file: book }, 'xlsx-sheet-skipped', { sheet: s.name }));
    // Two sheets for one year: the first is checked, the later one refused (one file per year on the server).
    for (const f of out.files.splice(before)) {
      const first = out.files.find((g) => g.path === f.path);
      if (first) out.problems.push(xlsxProblem('error', 'header', { file: book }, 'xlsx-same-year', { sheet: f.sheet, first: first.sheet, path: f.path }));
      else out.files.push(f);
    }
  }
  for (const f of wb.formulas) {
    out.problems.push(xlsxProblem('warning', 'normalised', { file: book, line: f.row, column: f.column }, 'xlsx-formula-value', { sheet: f.sheet, cell: f.cell }));
  }
  if (out.files.length === 0 && out.problems.every((p) => p.severity !== 'error')) {
    out.problems.push(xlsxProblem('error', 'header', { file: book }, 'xlsx-no-sheet'));
  }
  return out;
}
