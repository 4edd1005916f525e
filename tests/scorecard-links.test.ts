/** A scorecard cell's link, written out directly, is the link the app's URL code makes for the cell. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSearch } from '../src/core/url';
import { cellState } from '../src/model/scorecard';
import { cellHref } from '../src/views/scorecard/ScorecardRow';

const id = fc.stringMatching(/^[a-z0-9]{1,6}(?:-[a-z0-9]{1,6}){0,3}$/);
const anyId = fc.oneof(id, fc.string({ maxLength: 12 }), fc.constantFrom('a b', 'x&y=z', '地区', 'a,b', 'A-1', '-a', 'a--b'));

describe('cellHref', () => {
  it('is toSearch(cellState(...)) for any ids, year and language', () => {
    fc.assert(
      fc.property(anyId, anyId, fc.oneof(fc.integer({ min: 1949, max: 2100 }), fc.integer()), fc.constantFrom('zh' as const, 'en' as const), (district, indicator, year, lang) => {
        expect(cellHref(lang, district, indicator, year)).toBe(toSearch(cellState(lang, district, indicator, year)) || '?');
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the usual link readable', () => {
    expect(cellHref('en', 'syn-110100', 'gdp-growth', 2025)).toBe('?view=indicator&indicator=gdp-growth&districts=syn-110100&year=2025&lang=en');
    expect(cellHref('zh', 'tumed-left', 'grain-output', 2024)).toBe('?view=indicator&indicator=grain-output&districts=tumed-left&year=2024');
  });
});
