/**
 * Counts that add up, for a checked file's card: how many data rows it has, how many of them
 * have an error and how many only a warning, and (for a yearly file) how many of the rows read
 * are new, changed or unchanged against the published data. Pure.
 */
import { parseRowsWithLines } from '../csv';
import type { Observation, Problem } from '../types';

export interface RowCounts {
  /** Data rows (not the header, not blank lines). */
  total: number;
  /** Rows with at least one error. */
  withErrors: number;
  /** Rows with warnings and no error. */
  withWarnings: number;
}

export interface RowDiff {
  added: number;
  changed: number;
  unchanged: number;
}

/** The start line of every data row of a CSV text. */
export function dataRowLines(text: string): Set<number> {
  const rows = parseRowsWithLines(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  return new Set(rows.slice(1).map((r) => r.line));
}

export function countRows(rowLines: Set<number>, problems: readonly Problem[]): RowCounts {
  const errors = new Set<number>();
  const warnings = new Set<number>();
  for (const p of problems) {
    if (!rowLines.has(p.line)) continue;
    (p.severity === 'error' ? errors : warnings).add(p.line);
  }
  let withWarnings = 0;
  for (const l of warnings) if (!errors.has(l)) withWarnings++;
  return { total: rowLines.size, withErrors: errors.size, withWarnings };
}

const key = (o: Observation) => `${o.district}|${o.indicator}|${o.year}|${o.kind}|${o.source}`;
const content = (o: Observation) => [o.comparator, o.value, o.unit, o.estimate, o.sourceLine, o.quote, o.note].join('|');

/** Rows read from a checked file against the published rows of the same year. */
export function diffRows(checked: readonly Observation[], published: readonly Observation[]): RowDiff {
  const before = new Map<string, string>();
  for (const o of published) before.set(key(o), content(o));
  const out: RowDiff = { added: 0, changed: 0, unchanged: 0 };
  for (const o of checked) {
    const was = before.get(key(o));
    if (was === undefined) out.added++;
    else if (was === content(o)) out.unchanged++;
    else out.changed++;
  }
  return out;
}
