/** Which yearly files a URL's view fetches: the app's rule and the preload script's agree. */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fetchPlan, planKey, planYears } from '../src/app/fetchPlan';
import { parseState } from '../src/core/url';

const AVAILABLE = [2021, 2022, 2023, 2024, 2025, 2026];
const script = readFileSync(new URL('../public/preload-data.js', import.meta.url), 'utf8');

/** The yearly files public/preload-data.js asks for on a URL, with index.json listing AVAILABLE. */
async function preloaded(search: string): Promise<number[]> {
  const asked: string[] = [];
  const fetch = (url: string) => {
    asked.push(url);
    const body = url.endsWith('index.json') ? JSON.stringify({ years: AVAILABLE }) : '';
    return Promise.resolve(new Response(body));
  };
  runInNewContext(script, { window: { location: { search } }, fetch, URLSearchParams });
  await new Promise((r) => setTimeout(r, 0));
  return asked.map((u) => /observations\/(\d{4})\.csv$/.exec(u)?.[1]).filter((y) => y !== undefined).map(Number);
}

const years = fc.oneof(fc.constantFrom('', '2024', '2022-2024', '2025-2023', '1999', '2024-', ' 2023 ', 'abc', '2023-2030'), fc.integer({ min: 2015, max: 2030 }).map(String));
const queries = fc
  .tuple(fc.constantFrom(null, 'scorecard', 'data', 'overview', 'air', 'indicator', 'Scorecard', ''), fc.option(years), fc.boolean())
  .map(([view, year, extra]) => {
    const p = new URLSearchParams();
    if (view !== null) p.set('view', view);
    if (year !== null) p.set('year', year);
    if (extra) p.set('lang', 'en');
    return `?${p.toString()}`;
  });

describe('the years a view fetches', () => {
  it('the scorecard of a named year fetches that year; the data view its range; the rest every year', () => {
    const plan = (q: string) => planYears(fetchPlan(parseState(q)), AVAILABLE);
    expect(plan('?view=scorecard&year=2024')).toEqual([2024]);
    expect(plan('?view=scorecard&year=2022-2024')).toEqual([2024]);
    expect(plan('?view=data&year=2022-2024')).toEqual([2022, 2023, 2024]);
    expect(plan('?view=scorecard')).toEqual(AVAILABLE);
    expect(plan('?view=overview&year=2024')).toEqual(AVAILABLE);
    expect(plan('?view=indicator&year=2024')).toEqual(AVAILABLE);
    expect(plan('?view=scorecard&year=2030')).toEqual([]);
    expect(planKey(fetchPlan(parseState('?view=data&year=2023')))).toBe('2023-2023');
    expect(planKey(null)).toBe('all');
  });

  it('public/preload-data.js asks for exactly the files the app will read', async () => {
    await fc.assert(
      fc.asyncProperty(queries, async (q) => {
        expect(await preloaded(q)).toEqual(planYears(fetchPlan(parseState(q)), AVAILABLE));
      }),
      { numRuns: 300 },
    );
    // A fresh script context per run: slow on a busy machine.
  }, 20_000);
});
