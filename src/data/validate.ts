/**
 * The data check: the same module runs in the command line, in CI and in the browser.
 * Each reader keeps every good row and reports every bad one; a bad row never stops the rest.
 */
import { RowReader, ID, isTrimmed } from './cells';
import { cellOf, cellsOf, quotedBit, readCells, readersKeptWarm, readTable, tableRow, type CellBounds, type RowSink, type TableRow } from './csv';
import { numbersIn, plainNumberAt, sameNumber } from './numbers';

/** Words by which a report writes a negative figure without a minus sign (下降1.5% is −1.5). */
const FALL = /[-−－]|下降|减少|降低|下滑|回落|负增长|萎缩/;

/** The value is a number the quote holds; a negative value, its size with a sign or a word of decrease. */
export function quoteHolds(quote: string, value: number): boolean {
  const size = Math.abs(value);
  if (!numbersIn(quote).some((n) => sameNumber(n, size))) return false;
  return value >= 0 || FALL.test(quote);
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 46 || c === 44 || (c >= 0xff0b && c <= 0xff19);

/**
 * quoteHolds for the value cell text[s, e) that reads as `value`, answered without reading every
 * number of the quote when the cell's digits stand in the quote as a number of their own (no
 * digit, point, comma or full-width digit beside them): numbersIn then finds exactly that number.
 */
export function quoteHoldsAt(quote: string, text: string, s: number, e: number, value: number): boolean {
  const c0 = text.charCodeAt(s);
  const n = e - s;
  if (c0 >= 48 && c0 <= 57) {
    // indexOf finds the first digit natively: about twice as fast as reading the quote here.
    const lead = DIGITS[c0 - 48]!;
    for (let i = quote.indexOf(lead); i >= 0 && i + n <= quote.length; i = quote.indexOf(lead, i + 1)) {
      let k = 1;
      while (k < n && quote.charCodeAt(i + k) === text.charCodeAt(s + k)) k++;
      if (k < n) continue;
      const end = i + n;
      if ((i === 0 || !isNumberChar(quote.charCodeAt(i - 1))) && (end === quote.length || !isNumberChar(quote.charCodeAt(end)))) return true;
    }
  }
  return quoteHolds(quote, value);
}
import { problem } from './problems';
import type { SourceText, TextLookup } from './quotes';
import {
  DISTRICT_COLUMNS,
  INDICATOR_COLUMNS,
  OBSERVATION_COLUMNS,
  SOURCE_COLUMNS,
  observationFile,
  yearOfFile,
} from './schema';
import {
  BETTER,
  CATEGORIES,
  COMPARATORS,
  LEVELS,
  MEASURES,
  OBS_KINDS,
  SOURCE_KINDS,
  type District,
  type Indicator,
  type Observation,
  type Problem,
  type Source,
  type SourceKind,
} from './types';
import { allowedUnits, conversionFactor } from './units';

interface Read<T> {
  rows: T[];
  problems: Problem[];
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
  return { rows: kept, problems };
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

export function readSources(file: string, text: string, districtIds: Set<string>): Read<Source> {
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

const ESTIMATE_WORDS = ['预计', '有望', '将达'];

/** Suggest ids that share a word with the unknown one (gdp-grow → gdp-growth). */
function nearIds(id: string, known: Iterable<string>): string[] {
  const parts = id.split('-').filter((p) => p.length > 1);
  return [...known].filter((k) => k.startsWith(id) || id.startsWith(k) || parts.some((p) => k.includes(p))).slice(0, 3);
}

/** The cells new-year leaves empty for staff to fill in. */
const SKELETON_EMPTY = ['comparator', 'value', 'estimate', 'source', 'line', 'quote', 'note'] as const;

interface Known<T> {
  /** The id as written, one string shared by every row that names it. */
  id: string;
  item: T;
  /** A small number per id, for keys made of numbers (see DuplicateKeys). */
  n: number;
  /** The id's characters, compared with a cell in place. */
  codes: Uint16Array;
  /** The entry a cell named right after this one last time (KnownIds.at). */
  next: Known<T> | null;
}

/**
 * What observation rows look up, remembered per distinct cell text across all yearly files of
 * one build: a column repeats a few hundred values, and every row naming an id then shares one
 * string for it.
 */
export class Lookups {
  readonly districts: KnownIds<District>;
  readonly indicators: KnownIds<Indicator>;
  readonly sources: KnownIds<Source>;
  /** Indicator's unit → unit cell → the unit and its factor, or null when it does not convert. */
  private readonly units = new Map<string, Map<string, Known<number> | null>>();
  /** Every kept observation of the build, grouped by figure as it is kept (for the conflict check). */
  readonly figures: FigureGroups;

  constructor(readonly ref: Reference) {
    this.districts = new KnownIds(ref.districts);
    this.indicators = new KnownIds(ref.indicators);
    this.sources = new KnownIds(ref.sources);
    this.figures = new FigureGroups(ref);
  }

  unit(indicatorUnit: string, cell: string): Known<number> | null {
    let m = this.units.get(indicatorUnit);
    if (m === undefined) this.units.set(indicatorUnit, (m = new Map()));
    let u = m.get(cell);
    if (u === undefined) {
      const factor = cell !== '' && isTrimmed(cell) ? conversionFactor(cell, indicatorUnit) : null;
      u = factor === null ? null : { id: cell, item: factor, n: 0, codes: NO_CODES, next: null };
      m.set(cell, u);
    }
    return u;
  }
}

/** The reference entries id cells name, remembered per cell text. */
class KnownIds<T> {
  private readonly memo = new Map<string, Known<T> | null>();
  private count = 0;
  /** Entries found, by a hash of their text: most rows name an id found before. */
  private readonly recent = new Array<Known<T> | null>(RECENT).fill(null);
  private last0: Known<T> | null = null;
  private last1: Known<T> | null = null;

  constructor(private readonly items: Map<string, T>) {}

  /** The entry, when the cell is a well-formed id as typed (no spaces) that the reference has. */
  get(cell: string): Known<T> | null {
    let k = this.memo.get(cell);
    if (k === undefined) {
      const item = cell !== '' && isTrimmed(cell) && ID.test(cell) ? this.items.get(cell) : undefined;
      // Numbered in order of first use: at most as many numbers as the reference has ids.
      k = item === undefined ? null : { id: flat(cell), item, n: this.count++, codes: codesOf(cell), next: null };
      this.memo.set(cell, k);
    }
    return k;
  }

  /** get(text.slice(s, e)), without making the string when the cell names an entry found before. */
  at(text: string, s: number, e: number): Known<T> | null {
    // Rows come grouped by place, each naming one or two sources: most cells repeat one of
    // the last two entries. Places list their indicators in the same order, so the entry that
    // followed the last one before usually follows it again; the others are found by a hash
    // of their text.
    const a = this.last0;
    if (a !== null && sameCodes(text, s, e, a.codes)) return a;
    const b = this.last1;
    if (b !== null && sameCodes(text, s, e, b.codes)) {
      this.last0 = b;
      this.last1 = a;
      return b;
    }
    let k = a !== null ? a.next : null;
    if (k === null || !sameCodes(text, s, e, k.codes)) {
      k = this.hashed(text, s, e);
      if (k === null) return null;
      if (a !== null) a.next = k;
    }
    this.last1 = a;
    this.last0 = k;
    return k;
  }

  /** The entry, found by a hash of the cell's text or else by the cell as a string. */
  private hashed(text: string, s: number, e: number): Known<T> | null {
    let h = e - s;
    for (let i = s; i < e; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    h &= RECENT - 1;
    let k: Known<T> | null = this.recent[h]!;
    if (k === null || !sameCodes(text, s, e, k.codes)) {
      k = this.get(text.slice(s, e));
      if (k === null) return null;
      this.recent[h] = k;
    }
    return k;
  }
}

const RECENT = 4096;

/**
 * A short id as a string of its own rather than a slice of the file's text: every observation
 * naming the id shares it, and maps keyed by ids compare such strings faster than slices.
 */
function flat(s: string): string {
  if (s.length > 64) return s;
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) codes.push(s.charCodeAt(i));
  return String.fromCharCode(...codes);
}

const NO_CODES = new Uint16Array(0);

function codesOf(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

/** text.slice(s, e) has the characters `codes`. */
function sameCodes(text: string, s: number, e: number, codes: Uint16Array): boolean {
  const n = codes.length;
  if (e - s !== n) return false;
  // From the end: ids that share a beginning (place-report-2024, place-report-2025) differ there.
  for (let k = n - 1; k >= 0; k--) if (text.charCodeAt(s + k) !== codes[k]) return false;
  return true;
}

/** text.slice(s, e) === str, without making the slice. */
function sameAt(text: string, s: number, e: number, str: string): boolean {
  const n = str.length;
  if (e - s !== n) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(s + k) !== str.charCodeAt(k)) return false;
  return true;
}

/**
 * text[s, e) as a whole number when it is 1–9 ASCII digits, else -1: the year and line cells.
 * Any other way of writing an integer (+8, 8.0) is left to RowReader, which reads it the same.
 */
function wholeAt(text: string, s: number, e: number): number {
  if (e <= s || e - s > 9) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** One of `words` that text[s, e) is, or null. */
function oneOfAt<T extends string>(text: string, s: number, e: number, words: readonly T[]): T | null {
  for (let i = 0; i < words.length; i++) if (sameAt(text, s, e, words[i]!)) return words[i]!;
  return null;
}

/**
 * A character that begins one of ESTIMATE_WORDS: a quote without any has none of the words. A
 * pattern, as the engine scans a string natively faster than a loop over its characters.
 */
const ESTIMATE_LEAD = new RegExp(`[${ESTIMATE_WORDS.map((w) => w[0]).join('')}]`);

/** Columns whose cell is read in place: a row where one of them is quoted is read with RowReader. */
const IN_PLACE = ['district', 'indicator', 'year', 'kind', 'comparator', 'value', 'unit', 'estimate', 'source', 'line'] as const;

/**
 * Reads an observation row that gives no problem at all, or answers null when any check of
 * readObservations would report something (then the row is read again there, with RowReader,
 * which reports it). Cells are read where they lie in the text: only the quote, the note and
 * an id not seen in the last rows become strings. Checks whose answer depends on one cell's
 * text alone (ids, units) are remembered per distinct text.
 */
class CleanRows {
  private readonly c: Record<(typeof OBSERVATION_COLUMNS)[number], number>;
  /** The IN_PLACE columns as a mask of quotedBit. */
  private readonly inPlace: number;
  private readonly hasTexts: boolean;

  constructor(
    index: Map<string, number>,
    private readonly lookups: Lookups,
    private readonly fileYear: number | null,
    private readonly texts: SourceTexts,
  ) {
    this.c = Object.fromEntries(OBSERVATION_COLUMNS.map((name) => [name, index.get(name)!])) as CleanRows['c'];
    this.inPlace = IN_PLACE.reduce((m, name) => m | quotedBit(index.get(name)!), 0);
    this.hasTexts = lookups.ref.texts !== undefined;
  }

  /** The row's observation, and its ids' numbers in `ids` (district, indicator, source). */
  read(text: string, b: CellBounds, quoted: number, file: string, rowLine: number, ids: number[]): Observation | null {
    if ((quoted & this.inPlace) !== 0) return null;
    const c = this.c;

    const comparator = oneOfAt(text, b[2 * c.comparator]!, b[2 * c.comparator + 1]!, COMPARATORS);
    if (comparator === null) return null;
    const kind = oneOfAt(text, b[2 * c.kind]!, b[2 * c.kind + 1]!, OBS_KINDS);
    if (kind === null) return null;
    const L = this.lookups;
    const district = L.districts.at(text, b[2 * c.district]!, b[2 * c.district + 1]!);
    if (district === null) return null;
    const indicator = L.indicators.at(text, b[2 * c.indicator]!, b[2 * c.indicator + 1]!);
    if (indicator === null) return null;
    const year = wholeAt(text, b[2 * c.year]!, b[2 * c.year + 1]!);
    if (year < 0 || (this.fileYear !== null && year !== this.fileYear)) return null;
    const source = L.sources.at(text, b[2 * c.source]!, b[2 * c.source + 1]!);
    // A source without a kept text always gives a warning (quote unverified) or an error.
    if (source === null || source.item.text === '') return null;

    const vs = b[2 * c.value]!;
    const ve = b[2 * c.value + 1]!;
    const us = b[2 * c.unit]!;
    const ue = b[2 * c.unit + 1]!;
    let value: number | null = null;
    let factor = 1;
    let unit: string;
    if (comparator === 'text') {
      if (ve !== vs) return null;
      unit = text.slice(us, ue);
      if (!isTrimmed(unit)) return null;
    } else {
      value = plainNumberAt(text, vs, ve);
      if (value !== value) return null;
      const iu = indicator.item.unit;
      // Most rows write the indicator's own unit, which converts with factor 1.
      if (iu !== '' && isTrimmed(iu) && sameAt(text, us, ue, iu)) unit = iu;
      else {
        const u = L.unit(iu, text.slice(us, ue));
        if (u === null) return null;
        unit = u.id;
        factor = u.item;
      }
    }

    const quote = cellOf(text, b, c.quote);
    if (quote === '' || !isTrimmed(quote)) return null;
    const estimate = oneOfAt(text, b[2 * c.estimate]!, b[2 * c.estimate + 1]!, ESTIMATES);
    if (estimate === null) return null;
    if (estimate === 'false' && ESTIMATE_LEAD.test(quote)) for (const w of ESTIMATE_WORDS) if (quote.includes(w)) return null;

    const line = wholeAt(text, b[2 * c.line]!, b[2 * c.line + 1]!);
    if (line < 0) return null;
    const note = cellOf(text, b, c.note);
    if (!isTrimmed(note)) return null;

    if (value !== null && !quoteHoldsAt(quote, text, vs, ve, value)) return null;
    if (this.hasTexts) {
      const st = this.texts.sourceText(source.item.text);
      if (st && (line < 1 || line > st.lineCount || !st.foundAt(quote, line))) return null;
    }
    ids[0] = district.n;
    ids[1] = indicator.n;
    ids[2] = source.n;
    return {
      district: district.id,
      indicator: indicator.id,
      year,
      kind,
      comparator,
      value,
      unit,
      // value × 1 is value: no second number allocated for the common case.
      canonicalValue: value === null ? null : factor === 1 ? value : value * factor,
      estimate: estimate === 'true',
      source: source.id,
      sourceLine: line,
      quote,
      note,
      origin: { file, line: rowLine },
    };
  }
}

const ESTIMATES = ['true', 'false'] as const;

/** Source texts by name, each looked up once per file. */
interface SourceTexts {
  sourceText(name: string): SourceText | null;
}

export function readObservations(file: string, text: string, ref: Reference, lookups = new Lookups(ref)): Read<Observation> {
  const reader = new ObservationRows(file, ref, lookups);
  // Each row is checked as soon as it is parsed, so the rows of a large file are never all
  // alive at once.
  const t = readCells(file, text, OBSERVATION_COLUMNS, (index) => reader.start(index));
  const problems = [...t.problems];
  if (reader.fileYear === null) problems.push(problem('error', 'file-name', { file }, 'file-name'));
  for (const p of reader.problems) problems.push(p);
  return { rows: reader.rows, problems };
}

/**
 * The rows of one yearly file. A class, not closures made per file: the compiled code of the
 * row loop stays valid from file to file instead of being thrown away with each file's closures.
 */
class ObservationRows implements RowSink, SourceTexts {
  readonly rows: Observation[] = [];
  /** The rows' problems, in row order. */
  readonly problems: Problem[] = [];
  readonly fileYear: number | null;
  private readonly seen: DuplicateKeys;
  private readonly textFor = new Map<string, SourceText | null>();
  private readonly ids = [0, 0, 0];
  private fast: CleanRows | null = null;
  private index = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly ref: Reference,
    private readonly lookups: Lookups,
  ) {
    this.fileYear = yearOfFile(file);
    this.seen = new DuplicateKeys(ref);
  }

  start(index: Map<string, number>): RowSink {
    this.index = index;
    this.lookups.figures.startFile(this.rows);
    this.fast = new CleanRows(index, this.lookups, this.fileYear, this);
    return this;
  }

  sourceText(name: string): SourceText | null {
    if (!this.textFor.has(name)) this.textFor.set(name, this.ref.texts!.get(name));
    return this.textFor.get(name)!;
  }

  row(text: string, b: CellBounds, n: number, rowLine: number, quoted: number): void {
    // Most rows give no problem at all: read those without a RowReader, else read the row
    // again, with every problem reported.
    const ids = this.ids;
    const clean = this.fast!.read(text, b, quoted, this.file, rowLine, ids);
    if (clean !== null) {
      this.keep(clean, ids[0]!, ids[1]!, ids[2]!);
      return;
    }
    const o = readObservationRow(this.file, tableRow(rowLine, cellsOf(text, b, n), this.index), this.ref, this.fileYear, this, this.problems);
    // A row without errors names ids the reference has, so each has its number.
    const L = this.lookups;
    if (o !== null) this.keep(o, L.districts.get(o.district)!.n, L.indicators.get(o.indicator)!.n, L.sources.get(o.source)!.n);
  }

  private keep(o: Observation, d: number, i: number, s: number): void {
    const firstLine = this.seen.check(o, d, i, s);
    if (firstLine === undefined) {
      this.rows.push(o);
      this.lookups.figures.add(o, d, i);
      return;
    }
    this.problems.push(
      problem('error', 'duplicate', { file: this.file, line: o.origin.line, column: 0 }, 'duplicate', {
        key: `(${o.district}, ${o.indicator}, ${o.year}, ${o.kind}, ${o.source})`,
        first: firstLine,
      }),
    );
  }
}

/** One observation row read with RowReader: every problem it has is reported. */
function readObservationRow(
  file: string,
  row: TableRow,
  ref: Reference,
  fileYear: number | null,
  texts: SourceTexts,
  problems: Problem[],
): Observation | null {
  const r = new RowReader(file, row, problems);
  // A skeleton row from new-year: one clear "fill in or delete" instead of five empty-cell errors.
  if (SKELETON_EMPTY.every((c) => r.row.cell(c).text.trim() === '')) {
    r.error('comparator', 'required', 'unfilled');
    return null;
  }
  const districtId = r.id('district');
  const indicatorId = r.id('indicator');
  const year = r.integer('year');
  const kind = r.oneOf('kind', OBS_KINDS);
  // DESIGN.md writes the plain comparator empty (Excel cannot keep a lone `=`); `=` is still read.
  const comparator = r.row.cell('comparator').text.trim() === '' ? '=' : r.oneOf('comparator', COMPARATORS);
  const unit = r.text('unit', comparator !== 'text');
  const value = r.number('value', unit);
  const estimateCell = r.text('estimate', true);
  const sourceId = r.id('source');
  const line = r.integer('line');
  const quote = r.text('quote', true);
  const note = r.text('note');

  if (estimateCell !== '' && estimateCell !== 'true' && estimateCell !== 'false') {
    r.error('estimate', 'enum', 'estimate');
  }
  const estimate = estimateCell === 'true';

  const district = ref.districts.get(districtId);
  if (!district && districtId !== '' && ID.test(districtId)) {
    r.error('district', 'unknown-id', 'unknown-district', { known: [...ref.districts.keys()].join(', ') });
  }
  const indicator = ref.indicators.get(indicatorId);
  if (!indicator && indicatorId !== '' && ID.test(indicatorId)) {
    const near = nearIds(indicatorId, ref.indicators.keys());
    r.error('indicator', 'unknown-id', 'unknown-indicator', { hint: near.length ? ` (did you mean ${near.join(', ')}?)` : '' });
  }
  if (year !== null && fileYear !== null && year !== fileYear) {
    r.error('year', 'year-mismatch', 'year-mismatch', { file, year: fileYear });
  }
  if (comparator === 'text' && value !== null) r.error('value', 'number', 'value-for-text');
  if (comparator !== 'text' && value === null && r.row.cell('value').text === '') r.error('value', 'required', 'value-missing');

  let factor: number | null = 1;
  if (indicator && unit !== '' && comparator !== 'text') {
    factor = conversionFactor(unit, indicator.unit);
    if (factor === null) r.error('unit', 'unit', 'unit', { unit: indicator.unit, allowed: allowedUnits(indicator.unit).join(', ') });
  }

  const source = ref.sources.get(sourceId);
  if (!source && sourceId !== '' && ID.test(sourceId)) r.error('source', 'unknown-id', 'unknown-source');

  // The value must be a number the quote holds: catches typos in either cell.
  if (value !== null && quote !== '' && !quoteHolds(quote, value)) {
    r.error('value', 'value-not-in-quote', 'value-not-in-quote', { value: r.row.cell('value').text, quote });
  }
  if (!estimate && estimateCell === 'false') {
    const word = ESTIMATE_WORDS.find((w) => quote.includes(w));
    if (word) r.warn('estimate', 'estimate-flag', 'estimate-word', { word });
  }

  if (source) {
    if (source.text === '') {
      if (line !== null) r.error('line', 'line', 'line-without-text');
      else r.warn('quote', 'quote-unverified', 'quote-unverified', { source: source.id, url: source.url });
    } else if (line === null) {
      if (r.row.cell('line').text === '') r.error('line', 'required', 'line-missing');
    } else if (ref.texts) {
      const st = texts.sourceText(source.text);
      if (st) {
        if (line < 1 || line > st.lineCount) {
          r.error('line', 'line', 'line-range', { text: source.text, count: st.lineCount });
        } else if (quote !== '' && !st.foundAt(quote, line)) {
          const elsewhere = st.linesOf(quote);
          const where = elsewhere.length
            ? ` (it starts at line ${elsewhere.join(', ')})`
            : ' (not anywhere in the text)';
          r.error('quote', 'quote-not-found', 'quote-not-found', { line, text: source.text, where });
        }
      }
    }
  }

  if (!r.ok) return null;
  return {
    district: districtId,
    indicator: indicatorId,
    year: year!,
    kind,
    comparator,
    value,
    unit,
    canonicalValue: value === null || factor === null ? null : value * factor,
    estimate,
    source: sourceId,
    sourceLine: line,
    quote,
    note,
    origin: { file, line: row.line },
  };
}

/**
 * The first line of each (district, indicator, year, kind, source), without a key string per
 * row: the ids of a row without errors are known to the reference, so each has a small number
 * (from Lookups). Per year, (district, indicator, kind) is one index into two tables that hold
 * the first source of the key and its line; the rare further sources of a key are chained in
 * three arrays. Nothing is appended per row.
 */
class DuplicateKeys {
  private readonly byYear = new Map<number | null, YearKeys>();
  private lastYear: number | null | undefined;
  private keys: YearKeys | undefined;
  private readonly source: number[] = [];
  private readonly line: number[] = [];
  private readonly next: number[] = [];
  private readonly ni: number;
  private readonly size: number;

  constructor(ref: Reference) {
    this.ni = ref.indicators.size;
    this.size = ref.districts.size * this.ni * 2;
  }

  /** The line the observation's key was first seen on, or undefined (and it is remembered). */
  check(o: Observation, d: number, i: number, s: number): number | undefined {
    if (o.year !== this.lastYear || this.keys === undefined) {
      this.lastYear = o.year;
      this.keys = this.byYear.get(o.year);
      if (this.keys === undefined) this.byYear.set(o.year, (this.keys = new YearKeys(this.size)));
    }
    const y = this.keys;
    const key = (d * this.ni + i) * 2 + (o.kind === 'actual' ? 1 : 0);
    const first = y.source.get(key) - 1;
    if (first < 0) {
      y.source.set(key, s + 1);
      y.line.set(key, o.origin.line);
      return undefined;
    }
    if (first === s) return y.line.get(key);
    const head = y.more.get(key) ?? -1;
    for (let e = head; e >= 0; e = this.next[e]!) if (this.source[e] === s) return this.line[e];
    y.more.set(key, this.source.length);
    this.source.push(s);
    this.line.push(o.origin.line);
    this.next.push(head);
    return undefined;
  }
}

/** One year of DuplicateKeys. */
class YearKeys {
  /** Key → its first source's number + 1. */
  readonly source: IntTable;
  /** Key → the line of its first source. */
  readonly line: IntTable;
  /** Key → the last of its further sources in DuplicateKeys' chain. */
  readonly more = new Map<number, number>();

  constructor(size: number) {
    this.source = new IntTable(size);
    this.line = new IntTable(size);
  }
}

/**
 * The kept observations of a build grouped by figure, (district, indicator, year, kind), as each
 * is kept: the row is grouped while it is still in the cache, not in a second pass over every
 * row. Per year and kind, (district, indicator) by their numbers (from Lookups) is an index into
 * a table holding the figure's first observation, by its place among all kept so far; the few
 * figures given more than once are lists of their own.
 */
export class FigureGroups {
  private readonly byYearKind = new Map<number, IntTable>();
  /** The files' kept rows, and how many rows were kept before each file. */
  private readonly files: Observation[][] = [];
  private readonly before: number[] = [];
  private count = 0;
  /** Figure's first observation's place + 1 → its group, for figures given more than once. */
  private readonly groups = new Map<number, Observation[]>();
  /** The groups of more than one figure, in the order they got their second. */
  readonly multi: Observation[][] = [];
  private lastYearKind = NaN;
  private table: IntTable | undefined;
  private readonly ni: number;
  private readonly size: number;

  constructor(ref: Reference) {
    this.ni = ref.indicators.size;
    this.size = ref.districts.size * this.ni;
  }

  /** The next observations added are kept in `rows`, in order. */
  startFile(rows: Observation[]): void {
    this.files.push(rows);
    this.before.push(this.count);
  }

  add(o: Observation, d: number, i: number): void {
    const place = this.count++;
    const k = o.year * 2 + (o.kind === 'actual' ? 1 : 0);
    if (k !== this.lastYearKind || this.table === undefined) {
      this.lastYearKind = k;
      this.table = this.byYearKind.get(k);
      if (this.table === undefined) this.byYearKind.set(k, (this.table = new IntTable(this.size)));
    }
    const key = d * this.ni + i;
    const at = this.table.get(key);
    if (at === 0) {
      this.table.set(key, place + 1);
      return;
    }
    const g = this.groups.get(at);
    if (g !== undefined) g.push(o);
    else {
      const list = [this.kept(at - 1), o];
      this.groups.set(at, list);
      this.multi.push(list);
    }
  }

  /** The observation kept at `place`. */
  private kept(place: number): Observation {
    let f = this.files.length - 1;
    while (this.before[f]! > place) f--;
    return this.files[f]![place - this.before[f]!]!;
  }
}

/**
 * Small non-negative integers → positive integers (0 = absent): a typed array while the keys fit
 * in a few megabytes, a Map beyond. The checks key rows by numbered ids this way instead of
 * building a key string per row.
 */
const DENSE_LIMIT = 1 << 22;

export class IntTable {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;

  /** Keys will be below `size`. */
  constructor(size: number) {
    this.dense = size <= DENSE_LIMIT ? new Int32Array(size) : null;
    this.sparse = this.dense === null ? new Map() : null;
  }

  get(key: number): number {
    return this.dense !== null ? this.dense[key]! : (this.sparse!.get(key) ?? 0);
  }

  set(key: number, value: number): void {
    if (this.dense !== null) this.dense[key] = value;
    else this.sparse!.set(key, value);
  }
}

/**
 * One idle instance of each class the readers use, kept while the module lives. V8 drops a
 * class's hidden classes once none of its instances is left, and the compiled row loop with
 * them: after a garbage collection every check (the check page, a reload in the worker) would
 * run uncompiled code again. Holding one instance keeps them (10 k rows checked after a full
 * collection: about 3 times faster).
 */
const IDLE_REF: Reference = { districts: new Map(), indicators: new Map(), sources: new Map() };
const idleRows = new ObservationRows(observationFile(2000), IDLE_REF, new Lookups(IDLE_REF));
idleRows.start(new Map(OBSERVATION_COLUMNS.map((c, i) => [c, i])));
export const KEPT_WARM: readonly unknown[] = [idleRows, new DuplicateKeys(IDLE_REF), new YearKeys(1), new IntTable(1), new RowReader('', tableRow(0, [], new Map()), []), ...readersKeptWarm];
