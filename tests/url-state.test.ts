/** The URL is the state: serialising a state and parsing it back gives the same state, and parsing any query gives a state whose link is canonical. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseState, toSearch, VIEWS, type AppState } from '../src/core/url';

const id = fc.stringMatching(/^[a-z0-9]{1,6}(?:-[a-z0-9]{1,6}){0,3}$/);
const year = fc.integer({ min: 1000, max: 9999 });

/** Every state the app can be in (what parseState can give). */
const state: fc.Arbitrary<AppState> = fc.record({
  view: fc.constantFrom(...VIEWS),
  indicator: fc.option(id, { nil: null }),
  districts: fc.uniqueArray(id, { maxLength: 6 }),
  year: fc.option(
    fc.tuple(year, year).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })),
    { nil: null },
  ),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  present: fc.boolean(),
  kind: fc.constantFrom('target' as const, 'actual' as const, null),
  sort: fc.option(fc.stringMatching(/^-?[a-z_]{1,12}$/), { nil: null }),
  // Any text a person can type (whole characters), up to the 100 kept.
  q: fc.string({ unit: 'grapheme', maxLength: 100 }).filter((s) => s.length <= 100),
  slide: fc.nat({ max: 10_000 }),
  tab: fc.constantFrom('draft' as const, null),
  targets: fc.constantFrom(true, false, null),
  // The tab belongs to the check page only.
}).map((s) => (s.view === 'check' ? s : { ...s, tab: null }));

/** Any query string, including nonsense, repeated and percent-encoded parameters. */
const query = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('view', 'indicator', 'districts', 'year', 'lang', 'present', 'kind', 'sort', 'q', 'slide', 'other'),
        fc.oneof(fc.string({ maxLength: 20 }), id, fc.constantFrom('1', '0', '-1', '2.5', 'en', 'zh', 'data', '2024-2020', '0000', '0999-2024', 'a,b,a', '%2C', '地区')),
      ),
      { maxLength: 8 },
    )
    .map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
);

describe('the URL state', () => {
  it('parse ∘ serialise is the identity on states', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(parseState(toSearch(s))).toEqual(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('the default state is the empty query, both ways', () => {
    expect(toSearch(DEFAULT_STATE)).toBe('');
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });

  it('a year with a leading zero is not a year (it could not be written back the same way)', () => {
    expect(parseState('?year=0000').year).toBeNull();
    expect(parseState('?year=0999-2024').year).toBeNull();
    expect(parseState('?year=2024-2022').year).toEqual({ from: 2022, to: 2024 });
    expect(toSearch(parseState('?year=0000'))).toBe('');
  });

  it('any query parses to a state whose link parses back to it (one canonical link per state)', () => {
    fc.assert(
      fc.property(query, (q) => {
        const s = parseState(q);
        const link = toSearch(s);
        expect(parseState(link)).toEqual(s);
        expect(toSearch(parseState(link))).toBe(link);
      }),
      { numRuns: 3000 },
    );
  });
});
