/**
 * The fast path of the observation check: reads a row that gives no problem at all where its
 * cells lie in the text, or answers null when any rule of observationRules.ts would report
 * something. It must apply the same rules: a rule added there must be added here (or make the
 * row fall back with null); tests/loader-fast.test.ts builds data sets with this path on and off.
 */
import { isTrimmed } from '../cells';
import { cellOf, quotedBit, type CellBounds } from '../csv';
import { implausible, plainNumberAt } from '../numbers';
import { OBSERVATION_COLUMNS } from '../schema';
import { COMPARATORS, OBS_KINDS, type Observation } from '../types';
import type { Lookups } from './lookups';
import { ESTIMATE_WORDS, type SourceTexts } from './observationRules';
import { quoteHoldsAt } from './quoteMatch';

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
export class CleanRows {
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
    // An optional column the header leaves out is -1: its cells read as empty.
    this.c = Object.fromEntries(OBSERVATION_COLUMNS.map((name) => [name, index.get(name) ?? -1])) as CleanRows['c'];
    this.inPlace = IN_PLACE.reduce((m, name) => m | quotedBit(index.get(name)!), 0);
    this.hasTexts = lookups.ref.texts !== undefined;
  }

  /** The row's observation, and its ids' numbers in `ids` (district, indicator, source). */
  read(text: string, b: CellBounds, quoted: number, file: string, rowLine: number, ids: number[]): Observation | null {
    if ((quoted & this.inPlace) !== 0) return null;
    const c = this.c;

    const cs = b[2 * c.comparator]!;
    const ce = b[2 * c.comparator + 1]!;
    // An empty comparator cell is the plain one ('=', see COMPARATORS).
    const comparator = cs === ce ? '=' : oneOfAt(text, cs, ce, COMPARATORS);
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
      // A huge value or rate is read again with RowReader, which warns of it.
      if ((value > 1000 || value < -1000) && implausible(value, unit) !== null) return null;
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
    const noteEn = c.note_en < 0 ? '' : cellOf(text, b, c.note_en);
    if (!isTrimmed(noteEn)) return null;
    const remark = c.remark < 0 ? '' : cellOf(text, b, c.remark);
    if (!isTrimmed(remark)) return null;

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
      noteEn,
      remark,
      origin: { file, line: rowLine },
    };
  }
}

const ESTIMATES = ['true', 'false'] as const;
