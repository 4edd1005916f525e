/**
 * A staff member's CSV made canonical without losing anything they typed: UTF-8 text, LF line
 * ends, no BOM or blank lines, the contract's column order (unknown columns kept at the end),
 * and only those cells fixed whose meaning is unambiguous (spaces around a cell, full-width
 * digits, thousands separators, TRUE/FALSE from Excel, ≥ for >=, the plain comparator `=` written
 * empty, 2024/12/26 for a date, a unit
 * typed into `value` that `unit` already names). `quote` is never touched: it must stay the
 * source's own words. A row whose cell count differs from the header cannot be placed in
 * columns, so it is kept exactly as given for the staff member to fix. A text whose structure
 * is broken (a quote that never closes, or closes before its cell ends) is not rewritten at all:
 * `broken` names the quotes, and `text` is the input unchanged.
 *
 * Pure: text in, text out. The command line (`check-data --fix`) and the check page's download
 * both use it, so staff get the same file from either.
 */
import { csvFormatRows } from 'd3-dsv';
import { brokenQuotes, parseRowsWithLines, type BrokenQuote } from './csvScan';
import { halfWidth, readNumber } from './numbers';
import { DISTRICT_COLUMNS, FILES, INDICATOR_COLUMNS, OBSERVATION_COLUMNS, OPTIONAL_OBSERVATION_COLUMNS, SOURCE_COLUMNS } from './schema';
import { BETTER, CATEGORIES, COMPARATORS, LEVELS, MEASURES, OBS_KINDS, SOURCE_KINDS } from './types';

export type FileKind = 'districts' | 'indicators' | 'sources' | 'observations';

export const COLUMNS_OF: Record<FileKind, readonly string[]> = {
  districts: DISTRICT_COLUMNS,
  indicators: INDICATOR_COLUMNS,
  sources: SOURCE_COLUMNS,
  observations: OBSERVATION_COLUMNS,
};

/** Which kind of file a data path is (`observations/2025.csv`, `sources.csv` …), or null. */
export function kindOfPath(path: string): FileKind | null {
  const name = path.replace(/^.*\//, '');
  if (path === FILES.districts || name === FILES.districts) return 'districts';
  if (path === FILES.indicators || name === FILES.indicators) return 'indicators';
  if (path === FILES.sources || name === FILES.sources) return 'sources';
  if (/(?:^|\/)observations\/[^/]+\.csv$/i.test(path) || /^\d{4}\.csv$/i.test(name)) return 'observations';
  return null;
}

/** One cell the normaliser changed, positioned in the input. */
export interface CellChange {
  /** 1-based line of the input where the row starts. */
  line: number;
  column: string;
  from: string;
  to: string;
}

export interface Normalised {
  text: string;
  changes: CellChange[];
  /** Lines of rows kept exactly as given because their cell count differs from the header. */
  keptAsGiven: number[];
  blankLinesRemoved: number;
  bomRemoved: boolean;
  crlf: boolean;
  /** True when the columns were put into the contract's order. */
  reordered: boolean;
  /** Contract columns the header lacked, added empty (only when every row could be placed). */
  addedColumns: string[];
  /** False when no header cell names a contract column: the rows are then only re-encoded. */
  recognised: boolean;
  /** Quotes that break the structure; when any, nothing was changed and `text` is the input. */
  broken: BrokenQuote[];
}

type Row = Record<string, string>;
type Fixer = (cell: string, row: Row) => string;

const trim: Fixer = (c) => c.trim();

/** A number cell: digits made half-width and thousands separators dropped, when it reads as one. */
const numeric: Fixer = (c) => {
  const t = c.trim();
  const r = readNumber(t);
  return r.ok ? r.text : t;
};

/**
 * Units in reports are Chinese words or %: `1e3` or `12abc` in `value` is not a number with a unit
 * but something only the staff member can fix, so it stays as typed.
 */
const UNIT_WORD = /^[%\u3400-\u9fff]/;
const movableUnit = (r: ReturnType<typeof readNumber>): r is Extract<ReturnType<typeof readNumber>, { reason: 'unit' }> =>
  !r.ok && r.reason === 'unit' && UNIT_WORD.test(r.unit);

/** `73万吨` in `value` when `unit` says 万吨 (or is empty): the number alone, unit in its column. */
const value: Fixer = (c, row) => {
  const t = numeric(c, row);
  const r = readNumber(t);
  if (!movableUnit(r)) return t;
  const unit = (row.unit ?? '').trim();
  if (unit === r.unit || (unit === '' && row.unit !== undefined)) return r.number;
  return t;
};

const unit: Fixer = (c, row) => {
  const t = c.trim();
  if (t !== '') return t;
  // Filled from `value` only when value holds a unit (see `value`), which is read from the input row.
  const r = readNumber(row.value ?? '');
  return movableUnit(r) ? r.unit : t;
};

const COMPARATOR_SIGNS: Record<string, string> = {
  '≥': '>=', '≧': '>=', '⩾': '>=', '≤': '<=', '≦': '<=', '⩽': '<=', '＞': '>', '＜': '<', '＝': '=',
  '～': '~', '〜': '~', '∼': '~', '＞＝': '>=', '＜＝': '<=',
};

/** An enumerated cell: only a change of case (Excel's TRUE) or of sign (≥) that lands on an allowed value. */
const oneOf =
  (allowed: readonly string[]): Fixer =>
  (c) => {
    const t = c.trim();
    if (allowed.includes(t)) return t;
    const lower = t.toLowerCase();
    if (allowed.includes(lower)) return lower;
    const sign = COMPARATOR_SIGNS[t] ?? halfWidth(t);
    return allowed.includes(sign) ? sign : t;
  };

/** 2024/12/26, 2024.12.26, 2024年12月26日 → 2024-12-26, when it is a real date. */
const date: Fixer = (c) => {
  const t = c.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(halfWidth(t));
  if (!m) return t;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return t;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

const keep: Fixer = (c) => c;

/** The plain comparator is written empty (DESIGN.md): `=` and `＝` become an empty cell. */
const comparator: Fixer = (c, row) => {
  const t = oneOf(COMPARATORS)(c, row);
  return t === '=' ? '' : t;
};

const FIXERS: Record<FileKind, Record<string, Fixer>> = {
  observations: {
    year: numeric,
    kind: oneOf(OBS_KINDS),
    comparator,
    value,
    unit,
    estimate: oneOf(['true', 'false']),
    line: numeric,
    quote: keep,
  },
  districts: { level: oneOf(LEVELS), adcode: numeric },
  indicators: { category: oneOf(CATEGORIES), measure: oneOf(MEASURES), better: oneOf(BETTER) },
  sources: { published: date, kind: oneOf(SOURCE_KINDS) },
};

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

function kindOfColumns(columns: readonly string[]): FileKind {
  for (const k of Object.keys(COLUMNS_OF) as FileKind[]) if (COLUMNS_OF[k] === columns) return k;
  return columns.includes('quote') ? 'observations' : columns.includes('adcode') ? 'districts' : columns.includes('measure') ? 'indicators' : 'sources';
}

/**
 * Normalise the text of one CSV of the contract. `columns` is the file's contract column list
 * (COLUMNS_OF[kind]); give a kind to pick it.
 */
export function normaliseCsv(input: string, kind: FileKind | readonly string[]): Normalised {
  const columns = typeof kind === 'string' ? COLUMNS_OF[kind] : kind;
  const fixers = FIXERS[typeof kind === 'string' ? kind : kindOfColumns(kind)];
  const bomRemoved = input.charCodeAt(0) === 0xfeff;
  const text = bomRemoved ? input.slice(1) : input;
  const crlf = /\r\n?/.test(text.replace(/"(?:[^"]|"")*"/g, ''));
  const broken = brokenQuotes(text);
  if (broken.length > 0) {
    // Rewritten, the rows would be what the scan made of them: cells merged, characters dropped.
    return { text: input, changes: [], keptAsGiven: [], blankLinesRemoved: 0, bomRemoved: false, crlf: false, reordered: false, addedColumns: [], recognised: true, broken };
  }
  const all = parseRowsWithLines(text);
  const rows = all.filter((r) => !isBlank(r.cells));
  const out: Normalised = {
    text: '',
    changes: [],
    keptAsGiven: [],
    blankLinesRemoved: all.length - rows.length,
    bomRemoved,
    crlf,
    reordered: false,
    addedColumns: [],
    recognised: true,
    broken: [],
  };
  const header = rows.shift();
  if (!header) return out;

  // Header cells → contract columns: exact names first, then a difference of case or spaces.
  const names = header.cells.map((h) => h.trim());
  const position = new Map<string, number>();
  names.forEach((n, i) => {
    if (columns.includes(n) && !position.has(n)) position.set(n, i);
  });
  names.forEach((n, i) => {
    const lower = n.toLowerCase();
    if (!columns.includes(n) && columns.includes(lower) && !position.has(lower) && ![...position.values()].includes(i)) position.set(lower, i);
  });
  if (position.size === 0) {
    out.recognised = false;
    out.text = format([header.cells, ...rows.map((r) => r.cells)]);
    return out;
  }
  const used = new Set(position.values());
  const extras = names.map((n, i) => ({ n, i })).filter(({ i }) => !used.has(i));
  const width = header.cells.length;
  const mismatched = rows.filter((r) => r.cells.length !== width);
  // Missing columns are added only when every row can be placed; otherwise a row kept as given
  // could line up with the wider header on a second run and be read differently.
  // For the same reason the columns keep their order then: a row kept as given must still line
  // up with the header once the staff member removes its stray comma.
  const placeable = mismatched.length === 0;
  // An optional column the file leaves out stays out: leaving it out is allowed.
  const present = columns.filter((c) => position.has(c) || !OPTIONAL_OBSERVATION_COLUMNS.includes(c));
  const missing = present.filter((c) => !position.has(c));
  if (placeable) out.addedColumns = missing;
  const nameAt = new Map([...position].map(([c, i]) => [i, c]));

  const order = placeable
    ? [...present.map((c) => position.get(c) ?? -1), ...extras.map((e) => e.i)]
    : names.map((_, i) => i);
  const columnAt = (k: number): string | null => {
    if (placeable) return k < present.length ? present[k]! : null;
    return nameAt.get(k) ?? null;
  };
  const outHeader = placeable ? [...present, ...extras.map((e) => e.n)] : names.map((n, i) => columnAt(i) ?? n);
  out.reordered = order.some((p, i) => p !== i) || outHeader.length !== width;

  const lines: string[][] = [outHeader];
  for (const r of rows) {
    if (r.cells.length !== width) {
      out.keptAsGiven.push(r.line);
      lines.push(r.cells);
      continue;
    }
    const given: Row = {};
    for (const [c, i] of position) given[c] = r.cells[i]!;
    const cells = order.map((p, k) => {
      if (p < 0) return '';
      const raw = r.cells[p]!;
      const col = columnAt(k);
      if (col === null) return raw; // an unknown column: its meaning is not ours to guess
      const fixed = (fixers[col] ?? trim)(raw, given);
      if (fixed !== raw) out.changes.push({ line: r.line, column: col, from: raw, to: fixed });
      return fixed;
    });
    lines.push(cells);
  }
  out.text = format(lines);
  return out;
}

function format(rows: string[][]): string {
  return rows.length ? csvFormatRows(rows) + '\n' : '';
}
