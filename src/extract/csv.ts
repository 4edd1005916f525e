/**
 * Draft rows as CSV, the command's output (DESIGN.md, "Draft rows from a report"): the
 * observation columns, then name_as_written and confidence. RFC 4180 quoting, header first, no
 * BOM, LF line ends. The plain comparator is written empty; a year not decided is left empty;
 * cells a spreadsheet would run as a formula are neutralised (a negative number stays a number).
 */
import { csvFormatRow } from 'd3-dsv';
import { OBSERVATION_COLUMNS } from '../data/schema';
import type { DraftRow } from './types';

export const DRAFT_COLUMNS = [...OBSERVATION_COLUMNS, 'name_as_written', 'confidence'] as const;

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** 72, 0.5, -3: never 5e-7 or 18.500000000000004. */
export function numberText(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '';
  const s = String(Math.round(x * 1e9) / 1e9);
  return /e/i.test(s) ? x.toFixed(12).replace(/\.?0+$/, '') : s;
}

export function draftCells(r: DraftRow): string[] {
  const cells: Record<(typeof DRAFT_COLUMNS)[number], string> = {
    district: r.district,
    indicator: r.indicator,
    year: r.year === null ? '' : String(r.year),
    kind: r.kind,
    comparator: r.comparator === '=' ? '' : r.comparator,
    value: numberText(r.value),
    unit: r.unit,
    estimate: r.estimate ? 'true' : 'false',
    source: r.source,
    line: String(r.line),
    quote: r.quote,
    note: r.note,
    name_as_written: r.nameAsWritten,
    confidence: r.confidence,
  };
  return DRAFT_COLUMNS.map((c) => neutraliseCell(cells[c]));
}

export function draftsToCsv(rows: DraftRow[]): string {
  return [csvFormatRow([...DRAFT_COLUMNS]), ...rows.map((r) => csvFormatRow(draftCells(r)))].join('\n') + '\n';
}
