/**
 * "Download what is shown" as CSV: the contract's public observation columns (the internal
 * `remark` left out, the plain comparator written empty) plus the source's title,
 * UTF-8 with a BOM (so Excel reads the Chinese correctly), RFC 4180 quoting, CRLF line ends.
 * Cells a spreadsheet would run as a formula are neutralised (DESIGN.md, Bad input).
 */
import { csvFormatRow } from 'd3-dsv';
import { OBSERVATION_COLUMNS } from '../data/schema';
import { comparatorCell, type Observation, type Source } from '../data/types';
import { clean } from './format';

/** The curator's remark is internal (DESIGN.md): never in a public download. */
const PUBLIC_COLUMNS = OBSERVATION_COLUMNS.filter((c): c is Exclude<(typeof OBSERVATION_COLUMNS)[number], 'remark'> => c !== 'remark');
export const EXPORT_COLUMNS = [...PUBLIC_COLUMNS, 'source_title'] as const;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number such as -3.5 (a fall in a growth rate) is data, not a formula: it stays a number. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** `=1+2` → `'=1+2`; `@SUM(A1)` → `'@SUM(A1)`; `-3.5` stays `-3.5`. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** A number as a person writes it: 72, 0.000005, never 5e-6 or 18.500000000000004. */
export function numberCell(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '';
  const s = String(clean(x));
  if (!/e/i.test(s)) return s;
  return clean(x).toFixed(20).replace(/\.?0+$/, '');
}

export function observationRow(o: Observation, source: Source | undefined): string[] {
  const cells: Record<(typeof EXPORT_COLUMNS)[number], string> = {
    district: o.district,
    indicator: o.indicator,
    year: String(o.year),
    kind: o.kind,
    comparator: comparatorCell(o.comparator),
    value: numberCell(o.value),
    unit: o.unit,
    estimate: o.estimate ? 'true' : 'false',
    source: o.source,
    line: o.sourceLine === null ? '' : String(o.sourceLine),
    quote: o.quote,
    note: o.note,
    note_en: o.noteEn,
    source_title: source?.title_zh ?? '',
  };
  return EXPORT_COLUMNS.map((c) => neutralise(cells[c]));
}

/** The whole file, BOM first. */
export function observationsCsv(rows: readonly Observation[], sources: ReadonlyMap<string, Source>): string {
  const lines = [csvFormatRow([...EXPORT_COLUMNS]), ...rows.map((o) => csvFormatRow(observationRow(o, sources.get(o.source))))];
  return BOM + lines.join('\r\n') + '\r\n';
}

/** observations.csv, or observations-grain-output-2024-actual.csv when filtered. */
export function exportFileName(parts: { indicator: string | null; year: string | null; kind: string | null; districts: readonly string[] }): string {
  const bits = [parts.districts.length === 1 ? parts.districts[0] : parts.districts.length > 1 ? `${parts.districts.length}-districts` : null, parts.indicator, parts.year, parts.kind];
  return ['observations', ...bits.filter((b): b is string => !!b)].join('-') + '.csv';
}
