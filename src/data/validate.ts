/**
 * The data check: the same module runs in the command line, in CI and in the browser.
 * Each reader keeps every good row and reports every bad one; a bad row never stops the rest.
 */
import { RowReader, ID, isTrimmed } from './cells';
import { cellOf, cellsOf, readCells, readersKeptWarm, readTable, tableRow, type CellBounds, type RowSink, type TableRow } from './csv';
import { numbersIn, plainNumberAt, sameNumber } from './numbers';

/** Words by which a report writes a negative figure without a minus sign (下降1.5% is −1.5). */
const FALL = /[-−－]|下降|减少|降低|下滑|回落|负增长|萎缩/;

/** The value is a number the quote holds; a negative value, its size with a sign or a word of decrease. */
export function quoteHolds(quote: string, value: number): boolean {
  const size = Math.abs(value);
  if (!numbersIn(quote).some((n) => sameNumber(n, size))) return false;
  return value >= 0 || FALL.test(quote);
}

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
    for (let i = 0; i + n <= quote.length; i++) {
      if (quote.charCodeAt(i) !== c0) continue;
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
} from './types';
import { allowedUnits, conversionFactor } from './units';

interface Read<T> {
  rows: T[];
  problems: Problem[];
}

/** Ids must be unique within a file; the later row is the one reported. */
function uniqueIds<T extends { id: string; origin: { line: number } }>(file: string, rows: T[], problems: Problem[]): T[] {
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function readSources(file: string, text: string, districtIds: Set<string>): Read<Source> {
  const t = readTable(file, text, SOURCE_COLUMNS);
  const problems = [...t.problems];
  const rows: Source[] = [];
  for (const row of t.rows) {
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
    if (s.text !== '' && !/^[\w.-]+$/.test(s.text)) r.error('text', 'source-location', 'text-name');
    if (s.url !== '' && !/^https?:\/\/\S+$/i.test(s.url)) r.error('url', 'source-location', 'url');
    if (r.ok) rows.push(s);
  }
  return { rows: uniqueIds(file, rows, problems), problems };
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

  constructor(readonly ref: Reference) {
    this.districts = new KnownIds(ref.districts);
    this.indicators = new KnownIds(ref.indicators);
    this.sources = new KnownIds(ref.sources);
  }

  unit(indicatorUnit: string, cell: string): Known<number> | null {
    let m = this.units.get(indicatorUnit);
    if (m === undefined) this.units.set(indicatorUnit, (m = new Map()));
    let u = m.get(cell);
    if (u === undefined) {
      const factor = cell !== '' && isTrimmed(cell) ? conversionFactor(cell, indicatorUnit) : null;
      u = factor === null ? null : { id: cell, item: factor, n: 0, codes: NO_CODES };
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
      k = item === undefined ? null : { id: flat(cell), item, n: this.count++, codes: codesOf(cell) };
      this.memo.set(cell, k);
    }
    return k;
  }

  /** get(text.slice(s, e)), without making the string when the cell names an entry found before. */
  at(text: string, s: number, e: number): Known<T> | null {
    // Rows come grouped by place, each naming one or two sources: most cells repeat one of
    // the last two entries; the others are found by a hash of their text.
    const a = this.last0;
    if (a !== null && sameCodes(text, s, e, a.codes)) return a;
    const b = this.last1;
    if (b !== null && sameCodes(text, s, e, b.codes)) {
      this.last0 = b;
      this.last1 = a;
      return b;
    }
    let h = e - s;
    for (let i = s; i < e; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    h &= RECENT - 1;
    let k: Known<T> | null = this.recent[h]!;
    if (k === null || !sameCodes(text, s, e, k.codes)) {
      k = this.get(text.slice(s, e));
      if (k === null) return null;
      this.recent[h] = k;
    }
    this.last1 = a;
    this.last0 = k;
    return k;
  }
}

const RECENT = 1024;

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
  for (let k = 0; k < n; k++) if (text.charCodeAt(s + k) !== codes[k]) return false;
  return true;
}

/** text.slice(s, e) === str, without making the slice. */
function sameAt(text: string, s: number, e: number, str: string): boolean {
  const n = str.length;
  if (e - s !== n) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(s + k) !== str.charCodeAt(k)) return false;
  return true;
}

/** One of `words` that text[s, e) is, or null. */
function oneOfAt<T extends string>(text: string, s: number, e: number, words: readonly T[]): T | null {
  for (let i = 0; i < words.length; i++) if (sameAt(text, s, e, words[i]!)) return words[i]!;
  return null;
}

/** First characters of the three ESTIMATE_WORDS: a quote without any of them has none of the words. */
const [LEAD_A, LEAD_B, LEAD_C] = ESTIMATE_WORDS.map((w) => w.charCodeAt(0)) as [number, number, number];

function hasEstimateLead(quote: string): boolean {
  for (let i = 0; i < quote.length; i++) {
    const c = quote.charCodeAt(i);
    if (c === LEAD_A || c === LEAD_B || c === LEAD_C) return true;
  }
  return false;
}

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
  private readonly inPlace: number[];
  private readonly hasTexts: boolean;

  constructor(
    index: Map<string, number>,
    private readonly lookups: Lookups,
    private readonly fileYear: number | null,
    private readonly texts: SourceTexts,
  ) {
    this.c = Object.fromEntries(OBSERVATION_COLUMNS.map((name) => [name, index.get(name)!])) as CleanRows['c'];
    this.inPlace = IN_PLACE.map((name) => index.get(name)!);
    this.hasTexts = lookups.ref.texts !== undefined;
  }

  /** The row's observation, and its ids' numbers in `ids` (district, indicator, source). */
  read(text: string, b: CellBounds, file: string, rowLine: number, ids: number[]): Observation | null {
    const inPlace = this.inPlace;
    for (let k = 0; k < inPlace.length; k++) if (b[2 * inPlace[k]!]! < 0) return null;
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
    const year = plainNumberAt(text, b[2 * c.year]!, b[2 * c.year + 1]!);
    if (!Number.isInteger(year) || (this.fileYear !== null && year !== this.fileYear)) return null;
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
    if (estimate === 'false' && hasEstimateLead(quote)) for (const w of ESTIMATE_WORDS) if (quote.includes(w)) return null;

    const line = plainNumberAt(text, b[2 * c.line]!, b[2 * c.line + 1]!);
    if (!Number.isInteger(line)) return null;
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
    this.fast = new CleanRows(index, this.lookups, this.fileYear, this);
    return this;
  }

  sourceText(name: string): SourceText | null {
    if (!this.textFor.has(name)) this.textFor.set(name, this.ref.texts!.get(name));
    return this.textFor.get(name)!;
  }

  row(text: string, b: CellBounds, n: number, rowLine: number): void {
    // Most rows give no problem at all: read those without a RowReader, else read the row
    // again, with every problem reported.
    const ids = this.ids;
    const clean = this.fast!.read(text, b, this.file, rowLine, ids);
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
  const comparator = r.oneOf('comparator', COMPARATORS);
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
 * (from Lookups). Per year, (district, indicator, kind) is one index into a table; the few
 * sources of one such key are chained in three arrays.
 */
class DuplicateKeys {
  private readonly byYear = new Map<number | null, IntTable>();
  private lastYear: number | null | undefined;
  private table: IntTable | undefined;
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
    if (o.year !== this.lastYear || this.table === undefined) {
      this.lastYear = o.year;
      this.table = this.byYear.get(o.year);
      if (this.table === undefined) this.byYear.set(o.year, (this.table = new IntTable(this.size)));
    }
    const key = (d * this.ni + i) * 2 + (o.kind === 'actual' ? 1 : 0);
    const head = this.table.get(key) - 1;
    for (let e = head; e >= 0; e = this.next[e]!) if (this.source[e] === s) return this.line[e];
    this.table.set(key, this.source.length + 1);
    this.source.push(s);
    this.line.push(o.origin.line);
    this.next.push(head);
    return undefined;
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
export const KEPT_WARM: readonly unknown[] = [idleRows, new DuplicateKeys(IDLE_REF), new IntTable(1), new RowReader('', tableRow(0, [], new Map()), []), ...readersKeptWarm];
