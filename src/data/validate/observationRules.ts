/**
 * The rules of an observation row, read the plain way: one row with RowReader, every problem it
 * has reported with file, line and column. This is the definition; the fast path (fastPath.ts)
 * must accept exactly the rows to which these rules report nothing.
 */
import { ID, RowReader } from '../cells';
import type { TableRow } from '../csv';
import { implausible } from '../numbers';
import type { SourceText } from '../quotes';
import { COMPARATORS, OBS_KINDS, type Comparator, type Observation, type Problem } from '../types';
import { allowedUnits, conversionFactor } from '../units';
import { quoteHolds } from './quoteMatch';
import type { Reference } from './reference';

export const ESTIMATE_WORDS = ['预计', '有望', '将达'];

/** Suggest ids that share a word with the unknown one (gdp-grow → gdp-growth). */
function nearIds(id: string, known: Iterable<string>): string[] {
  const parts = id.split('-').filter((p) => p.length > 1);
  return [...known].filter((k) => k.startsWith(id) || id.startsWith(k) || parts.some((p) => k.includes(p))).slice(0, 3);
}

/** The cells new-year leaves empty for staff to fill in. */
const SKELETON_EMPTY = ['comparator', 'value', 'estimate', 'source', 'line', 'quote', 'note'] as const;

/** Source texts by name, each looked up once per file. */
export interface SourceTexts {
  sourceText(name: string): SourceText | null;
}

/** One observation row read with RowReader: every problem it has is reported. */
export function readObservationRow(
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
  // Without its year a figure cannot be placed (shown or exported with a blank year).
  if (year === null && r.row.cell('year').text === '') r.error('year', 'required', 'required');
  const kind = r.oneOf('kind', OBS_KINDS);
  // An empty comparator cell is the plain one ('=', see COMPARATORS).
  const comparatorCell = r.text('comparator');
  if (comparatorCell !== '' && !COMPARATORS.includes(comparatorCell as Comparator)) {
    r.error('comparator', 'enum', 'enum', { allowed: COMPARATORS.join(', ') });
  }
  const comparator: Comparator = comparatorCell === '' ? '=' : (comparatorCell as Comparator);
  const unit = r.text('unit', comparator !== 'text');
  const value = r.number('value', unit);
  const estimateCell = r.text('estimate', true);
  const sourceId = r.id('source');
  const line = r.integer('line');
  const quote = r.text('quote', true);
  const note = r.text('note');
  const noteEn = r.text('note_en');
  const remark = r.text('remark');

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
    r.error('indicator', 'unknown-id', 'unknown-indicator', { near: near.join(', ') });
  }
  if (year !== null && fileYear !== null && year !== fileYear) {
    r.error('year', 'year-mismatch', 'year-mismatch', { file, year: fileYear });
  }
  if (comparator === 'text' && value !== null) r.error('value', 'number', 'value-for-text');
  if (comparator !== 'text' && value === null && r.row.cell('value').text === '') r.error('value', 'required', 'value-missing');

  const absurd = value === null ? null : implausible(value, unit);
  if (absurd) r.warn('value', 'implausible', 'implausible', { limit: absurd.en, limitZh: absurd.zh });

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
    noteEn,
    remark,
    origin: { file, line: row.line },
  };
}
