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

/**
 * A number as a person writes it, with all its digits: 72, 0.000005 (never 5e-6),
 * 1000000000000000000000000000000 (never 1e+30), 18.5 (never 18.500000000000004).
 */
export function numberCell(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '';
  return plainDigits(String(clean(x)));
}

/** `1.5e+30` → `1500000000000000000000000000000`, `5e-7` → `0.0000005`: the same number in digits. */
export function plainDigits(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, whole, fraction = '', exp] = m as unknown as [string, string, string, string | undefined, string];
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/0+$/, '');
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
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
