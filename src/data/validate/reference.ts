/**
 * The reference files read and checked: districts.csv, indicators.csv, sources.csv. Each reader
 * keeps every good row and reports every bad one; a bad row never stops the rest. sources.csv has
 * a fast path for rows that give no problem, switched off by `fastPath: false`.
 */
import { ID, isTrimmed, RowReader } from '../cells';
import { readCells, readTable, tableRow, type TableRow } from '../csv';
import { problem } from '../problems';
import type { TextLookup } from '../quotes';
import { DISTRICT_COLUMNS, INDICATOR_COLUMNS, SOURCE_COLUMNS } from '../schema';
import { BETTER, CATEGORIES, LEVELS, MEASURES, SOURCE_KINDS, type District, type Indicator, type Problem, type Source, type SourceKind } from '../types';

export interface Read<T> {
  rows: T[];
  problems: Problem[];
}

/** How a reader reads; the defaults are what the site and the command line use. */
export interface ReadOptions {
  /**
   * false: every row is read by the plain rules alone (RowReader), never by the fast path for
   * rows that give no problem. The result must be the same; tests/loader-fast.test.ts proves it.
   */
  fastPath?: boolean;
}

/** Ids must be unique within a file; the later row is the one reported. */
export function uniqueIds<T extends { id: string; origin: { line: number } }>(file: string, rows: T[], problems: Problem[]): T[] {
  const first = new Map<string, number>();
  return rows.filter((r) => {
    const at = first.get(r.id);
    if (at !== undefined) {
      problems.push(problem('error', 'duplicate', { file, line: r.origin.line, column: 1, columnName: 'id', cell: r.id }, 'duplicate-id', { first: at }));
      return false;
    }
    first.set(r.id, r.origin.line);
    return true;
  });
}

export function readDistricts(file: string, text: string): Read<District> {
  const t = readTable(file, text, DISTRICT_COLUMNS);
  const problems = [...t.problems];
  const rows: District[] = [];
  for (const row of t.rows) {
    const r = new RowReader(file, row, problems);
    const d: District = {
      id: r.id('id'),
      name_zh: r.text('name_zh', true),
      name_en: r.text('name_en', true),
      level: r.oneOf('level', LEVELS),
      parent: r.text('parent'),
      adcode: r.text('adcode', true),
      origin: { file, line: row.line },
    };
    if (d.adcode !== '' && !/^\d{6}$/.test(d.adcode)) r.error('adcode', 'enum', 'adcode');
    if (r.ok) rows.push(d);
  }
  const unique = uniqueIds(file, rows, problems);
  const ids = new Set(unique.map((d) => d.id));
  const kept = unique.filter((d) => {
    if (d.parent === '' || ids.has(d.parent)) return true;
    const row = t.rows.find((x) => x.line === d.origin.line)!;
    new RowReader(file, row, problems).error('parent', 'unknown-id', 'unknown-parent');
    return false;
  });
  // A loop of parents has no top: each district in it is an error, named with the loop.
  const parentOf = new Map(kept.map((d) => [d.id, d.parent]));
  const inLoop = new Set<string>();
  for (const d of kept) {
    const path: string[] = [];
    let at: string | undefined = d.id;
    while (at !== undefined && at !== '' && !path.includes(at) && path.length <= kept.length) {
      path.push(at);
      at = parentOf.get(at);
    }
    if (at !== d.id) continue;
    inLoop.add(d.id);
    const row = t.rows.find((x) => x.line === d.origin.line)!;
    new RowReader(file, row, problems).error('parent', 'unknown-id', 'parent-cycle', { cycle: [...path, d.id].join(' → ') });
  }
  return { rows: inLoop.size ? kept.filter((d) => !inLoop.has(d.id)) : kept, problems };
}

export function readIndicators(file: string, text: string): Read<Indicator> {
  const t = readTable(file, text, INDICATOR_COLUMNS);
  const problems = [...t.problems];
  const rows: Indicator[] = [];
  for (const row of t.rows) {
    const r = new RowReader(file, row, problems);
    const ind: Indicator = {
      id: r.id('id'),
      name_zh: r.text('name_zh', true),
      name_en: r.text('name_en', true),
      category: r.oneOf('category', CATEGORIES),
      unit: r.text('unit', true),
      measure: r.oneOf('measure', MEASURES),
      better: r.oneOf('better', BETTER),
      description_zh: r.text('description_zh'),
      description_en: r.text('description_en'),
      origin: { file, line: row.line },
    };
    if (r.ok) rows.push(ind);
  }
  return { rows: uniqueIds(file, rows, problems), problems };
}

/** Digits s[from, from + n) as a number, or -1 when one is not an ASCII digit. */
function digitsAt(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/**
 * YYYY-MM-DD naming a day that exists, as a Date.UTC of the parts would keep it. Read by hand:
 * a pattern match and a Date per row were about half the time of checking sources.csv. Date.UTC
 * reads years 0–99 as 1900–1999, so 0000-02-29 is no day (tests/loader-fast.test.ts).
 */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const year = y <= 99 ? 1900 + y : y;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[m - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const TEXT_NAME = /^[\w.-]+$/;
const WEB_ADDRESS = /^https?:\/\/\S+$/i;

export function readSources(file: string, text: string, districtIds: Set<string>, opts: ReadOptions = {}): Read<Source> {
  const fast = opts.fastPath !== false;
  const t = readCells(file, text, SOURCE_COLUMNS);
  const problems = [...t.problems];
  const rows: Source[] = [];
  const [ci, ct, cp, cd, cw, ck, cx, cu] = SOURCE_COLUMNS.map((name) => t.index.get(name)!) as number[] as [number, number, number, number, number, number, number, number];
  for (let k = 0; k < t.cells.length; k++) {
    const cells = t.cells[k]!;
    const line = t.lines[k]!;
    // A row that gives no problem (every cell as typed, nothing missing or unknown) is read
    // straight from its cells; any other row with RowReader, which reports it.
    const id = cells[ci]!;
    const title = cells[ct]!;
    const publisher = cells[cp]!;
    const district = cells[cd]!;
    const published = cells[cw]!;
    const kind = cells[ck]!;
    const name = cells[cx]!;
    const url = cells[cu]!;
    if (
      fast &&
      id !== '' && isTrimmed(id) && ID.test(id) &&
      title !== '' && isTrimmed(title) &&
      isTrimmed(publisher) &&
      district !== '' && isTrimmed(district) && districtIds.has(district) &&
      isIsoDate(published) &&
      SOURCE_KINDS.includes(kind as SourceKind) &&
      (name !== '' || url !== '') &&
      (name === '' || (isTrimmed(name) && TEXT_NAME.test(name))) &&
      (url === '' || (isTrimmed(url) && WEB_ADDRESS.test(url)))
    ) {
      rows.push({ id, title_zh: title, publisher_zh: publisher, district, published, kind: kind as SourceKind, text: name, url, origin: { file, line } });
      continue;
    }
    const s = sourceOfRow(file, tableRow(line, cells, t.index), problems, districtIds);
    if (s) rows.push(s);
  }
  return { rows: uniqueIds(file, rows, problems), problems };
}

/** A source row read by RowReader, which reports every problem of it; null if it has an error. */
export function sourceOfRow(file: string, row: TableRow, problems: Problem[], districtIds: Set<string>): Source | null {
  const r = new RowReader(file, row, problems);
  const s: Source = {
    id: r.id('id'),
    title_zh: r.text('title_zh', true),
    publisher_zh: r.text('publisher_zh'),
    district: r.text('district', true),
    published: r.text('published', true),
    kind: r.oneOf('kind', SOURCE_KINDS),
    text: r.text('text'),
    url: r.text('url'),
    origin: { file, line: row.line },
  };
  if (s.district !== '' && !districtIds.has(s.district)) {
    r.error('district', 'unknown-id', 'unknown-district', { known: [...districtIds].join(', ') });
  }
  if (s.published !== '' && !isIsoDate(s.published)) r.error('published', 'date', 'date');
  if (s.text === '' && s.url === '') r.error('text', 'source-location', 'source-location');
  if (s.text !== '' && !TEXT_NAME.test(s.text)) r.error('text', 'source-location', 'text-name');
  if (s.url !== '' && !WEB_ADDRESS.test(s.url)) r.error('url', 'source-location', 'url');
  return r.ok ? s : null;
}

export interface Reference {
  districts: Map<string, District>;
  indicators: Map<string, Indicator>;
  sources: Map<string, Source>;
  /** Undefined: quotes are not verified here (the browser). */
  texts?: TextLookup;
}
