/**
 * The review of draft rows, as pure data: each draft row is to review, accepted or dropped, and
 * may be edited (the draft as the extractor gave it is kept beside the edit). Rows already in
 * the published data are told apart. Accepted rows become yearly CSV text (the observation
 * columns of DESIGN.md, the plain comparator written empty): a new file per year, or the
 * published file of that year with the rows added, or bare rows to paste into a file.
 */
import { csvFormatRow, csvParseRows } from 'd3-dsv';
import { OBSERVATION_COLUMNS } from '../../../data/schema';
import type { Observation } from '../../../data/types';
import type { Confidence, DraftRow } from '../../../extract/types';
import { neutralise, numberCell } from '../../../model/csvExport';

export type RowStatus = 'pending' | 'accepted' | 'dropped';

export interface ReviewRow {
  /** Stable across a new draft of the same text: line, name as written, quote (and a count for repeats). */
  key: string;
  /** The row as the extractor gave it. */
  draft: DraftRow;
  /** The row as it stands (edited or not). */
  row: DraftRow;
  status: RowStatus;
}

/** What a row lacks before it can be accepted (the check would refuse it). */
export type Missing = 'indicator' | 'year' | 'value';

export function missingOf(r: DraftRow): Missing[] {
  const out: Missing[] = [];
  if (!r.indicator) out.push('indicator');
  if (r.year === null || !Number.isInteger(r.year)) out.push('year');
  if (r.comparator !== 'text' && (r.value === null || !Number.isFinite(r.value))) out.push('value');
  return out;
}

export const isEdited = (r: ReviewRow): boolean => JSON.stringify(r.row) !== JSON.stringify(r.draft);

function keysOf(drafts: readonly DraftRow[]): string[] {
  const seen = new Map<string, number>();
  return drafts.map((d) => {
    const base = `${d.line}|${d.nameAsWritten}|${d.quote}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}#${n}` : base;
  });
}

/**
 * Review rows for a (new) draft. A row drafted again (same key) keeps its decision and its
 * edits, so drafting again with another source or date loses nothing staff did; the source
 * and district always follow the new draft.
 */
export function startReview(drafts: readonly DraftRow[], previous: readonly ReviewRow[] = []): ReviewRow[] {
  const before = new Map(previous.map((r) => [r.key, r]));
  const keys = keysOf(drafts);
  return drafts.map((draft, i) => {
    const key = keys[i]!;
    const old = before.get(key);
    if (!old) return { key, draft, row: draft, status: 'pending' };
    const row = isEdited(old) ? { ...old.row, source: draft.source, district: draft.district } : draft;
    const status = old.status === 'accepted' && missingOf(row).length ? 'pending' : old.status;
    return { key, draft, row, status };
  });
}

function update(rows: readonly ReviewRow[], key: string, f: (r: ReviewRow) => ReviewRow): ReviewRow[] {
  return rows.map((r) => (r.key === key ? f(r) : r));
}

/** Accept a row; a row that lacks an indicator, a year or a value is not accepted, and what it lacks is returned. */
export function accept(rows: readonly ReviewRow[], key: string): { rows: ReviewRow[]; missing: Missing[] } {
  const r = rows.find((x) => x.key === key);
  const missing = r ? missingOf(r.row) : [];
  if (!r || missing.length) return { rows: [...rows], missing };
  return { rows: update(rows, key, (x) => ({ ...x, status: 'accepted' })), missing };
}

export const drop = (rows: readonly ReviewRow[], key: string) => update(rows, key, (r) => ({ ...r, status: 'dropped' }));
export const reopen = (rows: readonly ReviewRow[], key: string) => update(rows, key, (r) => ({ ...r, status: 'pending' }));

/** Save an edit; an accepted row that no longer has what it needs goes back to review. */
export function edit(rows: readonly ReviewRow[], key: string, row: DraftRow): ReviewRow[] {
  return update(rows, key, (r) => ({ ...r, row, status: r.status === 'accepted' && missingOf(row).length ? 'pending' : r.status }));
}

/** Back to the extractor's row. */
export const revert = (rows: readonly ReviewRow[], key: string) => update(rows, key, (r) => ({ ...r, row: r.draft }));

/**
 * "Accept all high": every row still to review whose confidence is high, that is complete and
 * whose figure the published data do not already hold.
 */
export function acceptAllHigh(rows: readonly ReviewRow[], published: PublishedIndex): ReviewRow[] {
  return rows.map((r) =>
    r.status === 'pending' && r.row.confidence === 'high' && missingOf(r.row).length === 0 && published.mark(r.row)?.kind !== 'same'
      ? { ...r, status: 'accepted' }
      : r,
  );
}

export interface RowFilter {
  confidence: Confidence | 'all';
  status: RowStatus | 'all';
  sort: 'line' | 'confidence';
}

export const DEFAULT_FILTER: RowFilter = { confidence: 'all', status: 'all', sort: 'line' };

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

export function shownRows(rows: readonly ReviewRow[], f: RowFilter): ReviewRow[] {
  const out = rows.filter((r) => (f.confidence === 'all' || r.row.confidence === f.confidence) && (f.status === 'all' || r.status === f.status));
  const byLine = (a: ReviewRow, b: ReviewRow) => a.row.line - b.row.line;
  return out.sort(f.sort === 'confidence' ? (a, b) => RANK[a.row.confidence] - RANK[b.row.confidence] || byLine(a, b) : byLine);
}

export function counts(rows: readonly ReviewRow[]): Record<RowStatus, number> & { total: number; high: number } {
  const c = { pending: 0, accepted: 0, dropped: 0, total: rows.length, high: 0 };
  for (const r of rows) {
    c[r.status]++;
    if (r.row.confidence === 'high') c.high++;
  }
  return c;
}

/** 'same': the published data hold this figure; 'other': they hold another figure for the same district, indicator, year and kind. */
export interface PublishedMark {
  kind: 'same' | 'other';
  obs: Observation;
}

const plain = (c: string) => (c === '=' ? '' : c);

export class PublishedIndex {
  private readonly byKey = new Map<string, Observation[]>();

  constructor(observations: readonly Observation[]) {
    for (const o of observations) {
      const k = `${o.district}|${o.indicator}|${o.year}|${o.kind}`;
      const list = this.byKey.get(k);
      if (list) list.push(o);
      else this.byKey.set(k, [o]);
    }
  }

  mark(r: DraftRow): PublishedMark | null {
    if (!r.indicator || r.year === null) return null;
    const list = this.byKey.get(`${r.district}|${r.indicator}|${r.year}|${r.kind}`);
    if (!list) return null;
    const same = list.find(
      (o) => plain(o.comparator) === plain(r.comparator) && o.unit === r.unit && (o.value === r.value || (o.value !== null && r.value !== null && Math.abs(o.value - r.value) < 1e-9)),
    );
    return same ? { kind: 'same', obs: same } : { kind: 'other', obs: list[0]! };
  }
}

/** One cell per column name; columns this row has no value for stay empty. */
function cellsFor(r: DraftRow, columns: readonly string[]): string[] {
  const cells: Record<string, string> = {
    district: r.district,
    indicator: r.indicator,
    year: r.year === null ? '' : String(r.year),
    kind: r.kind,
    comparator: plain(r.comparator),
    value: r.comparator === 'text' ? '' : numberCell(r.value),
    unit: r.unit,
    estimate: r.estimate ? 'true' : 'false',
    source: r.source,
    line: String(r.line),
    // A quote that runs across a wrapped line is matched with whitespace ignored: one line in the cell.
    quote: r.quote.replace(/\s*[\r\n]+\s*/g, ''),
    note: r.note,
  };
  return columns.map((c) => neutralise(cells[c.trim()] ?? ''));
}

const accepted = (rows: readonly ReviewRow[]) =>
  rows.filter((r) => r.status === 'accepted').sort((a, b) => (a.row.year ?? 0) - (b.row.year ?? 0) || a.row.line - b.row.line);

export interface YearFile {
  year: number;
  /** observations/YYYY.csv's file name. */
  name: string;
  /** Accepted rows in this file. */
  added: number;
  /** 'published': the published file of the year with the rows added at its end. */
  base: 'new' | 'published';
  text: string;
}

/**
 * The yearly files of the accepted rows. `published` maps a year to the published file's text:
 * then the file is that text with the rows added under its own header (so it can replace the
 * published file), otherwise a new file with the observation columns as header.
 */
export function yearFiles(rows: readonly ReviewRow[], published: ReadonlyMap<number, string> = new Map()): YearFile[] {
  const byYear = new Map<number, DraftRow[]>();
  for (const r of accepted(rows)) {
    const y = r.row.year!;
    byYear.set(y, [...(byYear.get(y) ?? []), r.row]);
  }
  return [...byYear].map(([year, list]) => {
    const name = `${year}.csv`;
    const old = published.get(year);
    if (old !== undefined && old.trim() !== '') {
      const eol = old.includes('\r\n') ? '\r\n' : '\n';
      const header = csvParseRows(old.slice(0, old.search(/\r?\n|$/)))[0] ?? [...OBSERVATION_COLUMNS];
      const body = old.replace(/(?:\r?\n)*$/, eol);
      const text = body + list.map((r) => csvFormatRow(cellsFor(r, header))).join(eol) + eol;
      return { year, name, added: list.length, base: 'published' as const, text };
    }
    const lines = [csvFormatRow([...OBSERVATION_COLUMNS]), ...list.map((r) => csvFormatRow(cellsFor(r, OBSERVATION_COLUMNS)))];
    return { year, name, added: list.length, base: 'new' as const, text: lines.join('\n') + '\n' };
  });
}

/** The accepted rows without a header, in the observation columns' order: to paste into a yearly file. */
export function pasteRows(rows: readonly ReviewRow[]): string {
  return accepted(rows)
    .map((r) => csvFormatRow(cellsFor(r.row, OBSERVATION_COLUMNS)))
    .join('\n');
}
