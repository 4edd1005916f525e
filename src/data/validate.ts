/**
 * The data check: the same module runs in the command line, in CI and in the browser.
 * Each reader keeps every good row and reports every bad one; a bad row never stops the rest.
 */
import { RowReader, ID } from './cells';
import { readTable } from './csv';
import { numbersIn, sameNumber } from './numbers';

/** Words by which a report writes a negative figure without a minus sign (下降1.5% is −1.5). */
const FALL = /[-−－]|下降|减少|降低|下滑|回落|负增长|萎缩/;

/** The value is a number the quote holds; a negative value, its size with a sign or a word of decrease. */
export function quoteHolds(quote: string, value: number): boolean {
  const size = Math.abs(value);
  if (!numbersIn(quote).some((n) => sameNumber(n, size))) return false;
  return value >= 0 || FALL.test(quote);
}
import { problem } from './problems';
import type { SourceText, TextLookup } from './quotes';
import {
  DISTRICT_COLUMNS,
  INDICATOR_COLUMNS,
  OBSERVATION_COLUMNS,
  SOURCE_COLUMNS,
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

export function readObservations(file: string, text: string, ref: Reference): Read<Observation> {
  const t = readTable(file, text, OBSERVATION_COLUMNS);
  const problems = [...t.problems];
  const rows: Observation[] = [];
  const fileYear = yearOfFile(file);
  if (fileYear === null) problems.push(problem('error', 'file-name', { file }, 'file-name'));
  const seen = new Map<string, number>();
  const textFor = new Map<string, SourceText | null>();

  for (const row of t.rows) {
    const r = new RowReader(file, row, problems);
    // A skeleton row from new-year: one clear "fill in or delete" instead of five empty-cell errors.
    if (SKELETON_EMPTY.every((c) => r.row.cell(c).text.trim() === '')) {
      r.error('comparator', 'required', 'unfilled');
      continue;
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
        if (!textFor.has(source.text)) textFor.set(source.text, ref.texts.get(source.text));
        const st = textFor.get(source.text);
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

    if (!r.ok) continue;
    const key = `${districtId}/${indicatorId}/${year}/${kind}/${sourceId}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      problems.push(
        problem('error', 'duplicate', { file, line: row.line, column: 0 }, 'duplicate', {
          key: `(${districtId}, ${indicatorId}, ${year}, ${kind}, ${sourceId})`,
          first: firstLine,
        }),
      );
      continue;
    }
    seen.set(key, row.line);
    rows.push({
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
    });
  }
  return { rows, problems };
}
