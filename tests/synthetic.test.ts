import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { textsInMemory } from '../src/data/quotes';
import { Catalog } from '../src/model/catalog';
import { csvCell, generate, places, PRESETS } from '../scripts/lib/synthetic';

/** The day the statuses are said on (the clock is fixed in tests). */
const TODAY = '2026-12-06';

const indicatorsCsv = readFileSync(join(__dirname, '../data/indicators.csv'), 'utf8');

const raw = (files: Record<string, string>): RawFile[] => Object.entries(files).map(([path, text]) => ({ path, text }));

describe('synthetic data', () => {
  const opts = { indicatorsCsv, districts: 30, years: [2023, 2024, 2025], indicators: 15, secondSource: 0.2, seed: 7 };

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const a = generate(opts);
    const b = generate(opts);
    expect(a.files).toEqual(b.files);
    expect(a.texts).toEqual(b.texts);
    const c = generate({ ...opts, seed: 8 });
    expect(c.files['observations/2024.csv']).not.toBe(a.files['observations/2024.csv']);
  });

  it('passes the data check with 0 errors, every quote verified at its line', () => {
    const d = generate(opts);
    const ds = buildDataset(raw(d.files), { texts: textsInMemory(d.texts) });
    const errors = ds.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
    // Only disagreements between the two sources are warned about (a tenth of second sources).
    expect(new Set(ds.problems.map((p) => p.code))).toEqual(new Set(['conflict']));
    expect(ds.observations).toHaveLength(d.counts.observations);
    expect(ds.districts).toHaveLength(30);
    expect(ds.sources).toHaveLength(d.counts.sources);
    expect(ds.years).toEqual([2023, 2024, 2025]);
  });

  it('has the row counts asked for: places × years × indicators × (target, result)', () => {
    const d = generate({ ...opts, secondSource: 0 });
    expect(d.counts.observations).toBe(30 * 3 * 15 * 2);
    const lines = (s: string) => s.split('\n').filter((l) => /^syn-/.test(l)).length;
    expect(lines(d.files['districts.csv']!)).toBe(30);
    // A work report per place for each year and the next, a statistics bulletin per place and year.
    expect(d.counts.sources).toBe(30 * 4 + 30 * 3);
    const ds = buildDataset(raw(d.files));
    expect(ds.problems).toEqual([]);
    const cat = new Catalog(ds, TODAY);
    expect(cat.years).toEqual([2023, 2024, 2025]);
    expect(cat.districtsWithData()).toHaveLength(30);
    expect(cat.latestResultYear()).toBe(2025);
    // The latest year's results are estimates, marked and provisional.
    const p = cat.pair('syn-110100', 'gdp-growth', 2025);
    expect(p.actual?.obs.estimate).toBe(true);
    expect(p.actual?.obs.quote).toMatch(/^预计/);
  });

  it('stops at an exact number of observations (benchmark sizes)', () => {
    const d = generate({ indicatorsCsv, ...PRESETS['10k'], seed: 1 });
    expect(d.counts.observations).toBe(10_000);
    expect(buildDataset(raw(d.files)).observations).toHaveLength(10_000);
  });

  it('makes places with unique ids, valid adcodes and a city before its counties', () => {
    const ps = places(3000);
    expect(new Set(ps.map((p) => p.id)).size).toBe(3000);
    expect(ps.every((p) => /^\d{6}$/.test(p.adcode))).toBe(true);
    expect(ps[0]!.level).toBe('city');
    expect(ps[1]!.parent).toBe(ps[0]!.id);
  });

  it('quotes cells as RFC 4180 wants', () => {
    expect(csvCell('口径："全口径"')).toBe('"口径：""全口径"""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
  });
});
