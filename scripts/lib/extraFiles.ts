/**
 * The extra files given to check-data: yearly CSVs, and .xlsx workbooks read into the yearly
 * files of their sheets (src/data/xlsx). A sheet's problems are told as `book.xlsx[sheet]` at
 * the spreadsheet's row, so staff find them where they type.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RawFile } from '../../src/data/dataset';
import type { Problem } from '../../src/data/types';
import { workbookFiles } from '../../src/data/xlsx/sheetFiles';

export interface Extra {
  files: RawFile[];
  /** Problems of the workbooks themselves. */
  problems: Problem[];
  /** A problem of a file read from a sheet, moved to the workbook and row. */
  place: (p: Problem) => Problem;
}

export const isWorkbook = (path: string) => path.toLowerCase().endsWith('.xlsx');

export function readExtra(paths: string[]): Extra {
  const files: RawFile[] = [];
  const problems: Problem[] = [];
  const sheets = new Map<string, { label: string; lines: number[] }>();
  for (const p of paths) {
    const bytes = new Uint8Array(readFileSync(p));
    if (!isWorkbook(p)) {
      files.push({ path: `observations/${basename(p)}`, bytes });
      continue;
    }
    const wb = workbookFiles(basename(p), bytes);
    problems.push(...wb.problems);
    for (const f of wb.files) {
      files.push({ path: f.path, text: f.text });
      sheets.set(f.path, { label: `${basename(p)}[${f.sheet}]`, lines: f.lines });
    }
  }
  const place = (p: Problem): Problem => {
    const s = sheets.get(p.file);
    if (!s) return p;
    return { ...p, file: s.label, line: p.line > 0 ? (s.lines[p.line - 1] ?? p.line) : 0 };
  };
  return { files, problems, place };
}
