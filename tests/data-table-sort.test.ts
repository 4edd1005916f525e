/**
 * The data table's fast sort (numeric ranks, cached orders of the whole data set) gives exactly
 * the order of the plain comparison sort it replaced, on random rows with ties, missing names,
 * figures without numbers and negative zero; and filtering the cached order equals sorting the
 * filtered rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../src/data/types';
import type { Catalog } from '../src/model/catalog';
import { finish } from '../src/core/job';
import { dataTable, filterObservations, prepareSorts, SORT_COLUMNS, sortKeys, sortObservations, sortReady, type DataFilter, type Sort, type SortKeys } from '../src/model/dataTable';

const MISSING = Number.MAX_SAFE_INTEGER;

/** The comparison sort as it was: the reference. */
function reference(rows: readonly Observation[], sort: Sort, keys: SortKeys): Observation[] {
  const dir = sort.desc ? -1 : 1;
  const idx = rows.map((o, i) => ({ o, i }));
  const t = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const k = (m: Map<string, number>, id: string) => m.get(id) ?? MISSING;
  const cmps: Record<Sort['column'], (a: Observation, b: Observation) => number> = {
    district: (a, b) => k(keys.district, a.district) - k(keys.district, b.district),
    indicator: (a, b) => k(keys.indicator, a.indicator) - k(keys.indicator, b.indicator),
    source: (a, b) => k(keys.source, a.source) - k(keys.source, b.source) || (a.sourceLine ?? 0) - (b.sourceLine ?? 0),
    year: (a, b) => a.year - b.year,
    kind: (a, b) => t(a.kind, b.kind),
    estimate: (a, b) => Number(a.estimate) - Number(b.estimate),
    quote: (a, b) => t(a.quote, b.quote),
    value: () => 0,
  };
  if (sort.column === 'value')
    return idx
      .sort((x, y) => {
        const a = x.o.canonicalValue;
        const b = y.o.canonicalValue;
        if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0) || x.i - y.i;
        // Within an indicator only: its rank first, then the value.
        return dir * (cmps.indicator(x.o, y.o) || a - b) || x.i - y.i;
      })
      .map((x) => x.o);
  const cmp = cmps[sort.column];
  return idx.sort((x, y) => dir * cmp(x.o, y.o) || x.i - y.i).map((x) => x.o);
}

const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
const obs = fc.record({
  district: pick(['a', 'b', 'c', 'zz-unknown']),
  indicator: pick(['x', 'y', 'nope']),
  year: fc.integer({ min: 2020, max: 2026 }),
  kind: pick(['target', 'actual'] as const),
  canonicalValue: fc.oneof(fc.constant(null), fc.constant(-0), fc.constant(0), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -5, max: 5 })),
  estimate: fc.boolean(),
  source: pick(['s1', 's2', 'gone']),
  sourceLine: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5000 })),
  quote: fc.oneof(pick(['', '下降1.5%', 'abc', 'Abc', '🙂', 'a']), fc.string({ maxLength: 4 })),
});
const keys: SortKeys = {
  district: new Map([['b', 0], ['a', 1], ['c', 2]]),
  indicator: new Map([['y', 0], ['x', 1]]),
  source: new Map([['s2', 0], ['s1', 1]]),
};

function rowsOf(list: ReturnType<typeof obs.generate>['value'][]): Observation[] {
  return list.map((o, i) => ({ ...o, comparator: '=', value: o.canonicalValue, unit: '', note: '', origin: { file: 'f', line: i + 2 } }) as Observation);
}

describe('the fast sort', () => {
  it('orders exactly as the comparison sort, every column, both directions', () => {
    fc.assert(
      fc.property(fc.array(obs, { maxLength: 60 }), pick(SORT_COLUMNS), fc.boolean(), (list, column, desc) => {
        const rows = rowsOf(list);
        const sort = { column, desc };
        expect(sortObservations(rows, sort, keys)).toEqual(reference(rows, sort, keys));
        // The same objects, not copies.
        sortObservations(rows, sort, keys).forEach((o) => expect(rows).toContain(o));
      }),
      { numRuns: 400 },
    );
  });

  it('dataTable: the cached whole-set order, filtered, equals sorting the filtered rows', () => {
    fc.assert(
      fc.property(
        fc.array(obs, { maxLength: 60 }),
        pick(SORT_COLUMNS),
        fc.boolean(),
        fc.record({ districts: fc.subarray(['a', 'b', 'zz-unknown']), year: fc.option(fc.integer({ min: 2020, max: 2026 }).map((y) => ({ from: y, to: y + 2 }))), kind: fc.option(pick(['target', 'actual'] as const)) }),
        (list, column, desc, f) => {
          const rows = rowsOf(list);
          const catalog = { data: { observations: rows } } as unknown as Catalog;
          const filter: DataFilter = { ...f, indicator: null };
          const k = { ...keys };
          const sort = { column, desc };
          // Twice: the second answer comes from the cache.
          for (let i = 0; i < 2; i++) expect(dataTable(catalog, filter, sort, k)).toEqual(reference(filterObservations(rows, filter), sort, keys));
          expect(dataTable(catalog, filter, null, k)).toEqual(filterObservations(rows, filter));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('ordering the whole data set while idle', () => {
  it('gives the same orders whether prepared fully, in part, or not at all before a sort', () => {
    fc.assert(
      fc.property(fc.array(obs, { maxLength: 80 }), fc.nat({ max: 400 }), pick(SORT_COLUMNS), fc.boolean(), (list, steps, column, desc) => {
        const rows = rowsOf(list);
        const catalog = { data: { observations: rows } } as unknown as Catalog;
        const k = { ...keys };
        const job = prepareSorts(catalog, k);
        // Stop part-way, as a click during the idle work would find it.
        for (let i = 0; i < steps && !job.next().done; i++);
        const sort = { column, desc };
        expect(dataTable(catalog, none, sort, k)).toEqual(reference(rows, sort, keys));
        // The rest of the work, then every column in both directions.
        finish(job);
        for (const c of SORT_COLUMNS) {
          expect(sortReady(catalog, k, c)).toBe(true);
          for (const d of [false, true]) expect(dataTable(catalog, none, { column: c, desc: d }, k)).toEqual(reference(rows, { column: c, desc: d }, keys));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('works in slices: a large set takes many small steps', () => {
    const rows = rowsOf(fc.sample(obs, { numRuns: 20_000, seed: 7 }));
    const catalog = { data: { observations: rows } } as unknown as Catalog;
    const job = prepareSorts(catalog, { ...keys });
    let steps = 0;
    while (!job.next().done) steps++;
    expect(steps).toBeGreaterThan(50);
  });

  it('ranks names lazily from sortKeys, in slices too, as the collation orders them', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: `d${i}`, name_zh: `地区${(i * 7919) % 500}`, name_en: `Place ${(i * 7919) % 500}` }));
    const catalog = { data: { districts: many, indicators: [], sources: [], observations: [] } } as unknown as Catalog;
    const k = sortKeys(catalog, 'en');
    const collator = new Intl.Collator('en', { numeric: true });
    const expected = [...many].sort((a, b) => collator.compare(a.name_en, b.name_en) || a.id.localeCompare(b.id)).map((d) => d.id);
    expect([...k.district].sort((a, b) => a[1] - b[1]).map(([id]) => id)).toEqual(expected);
  });
});

const none: DataFilter = { districts: [], indicator: null, year: null, kind: null };
