/** The checker over the real data/: zero errors, and every quote with a kept text verified at its line. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA, DEFAULT_TEXTS, readDataDir, textsFrom } from '../scripts/lib/fsdata';
import { buildDataset } from '../src/data/dataset';
import { formatProblem } from '../src/data/problems';
import { Catalog } from '../src/model/catalog';

/** The day the statuses are said on (the clock is fixed in tests). */
const TODAY = '2026-12-06';

const texts = textsFrom(DEFAULT_TEXTS);
const ds = buildDataset(readDataDir(DEFAULT_DATA), texts ? { texts } : {});

describe('the bundled data', () => {
  it('has no errors', () => {
    expect(ds.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p))).toEqual([]);
  });

  // The source texts sit beside the project (../shared/seeds or SOURCE_TEXTS). Their absence fails
  // here rather than quietly skipping the check; NO_SOURCE_TEXTS=1 says, on purpose, that this
  // machine has none.
  it.skipIf(process.env.NO_SOURCE_TEXTS === '1')('verifies every quote of a kept text (only url-only sources are unverified)', () => {
    if (!existsSync(DEFAULT_TEXTS)) {
      throw new Error(`No source texts at ${DEFAULT_TEXTS}: the quotes cannot be verified. Set SOURCE_TEXTS=DIR, or NO_SOURCE_TEXTS=1 to skip this check on purpose.`);
    }
    const unverified = ds.problems.filter((p) => p.code === 'quote-unverified');
    const urlOnly = new Set(ds.sources.filter((s) => s.text === '').map((s) => s.id));
    for (const p of unverified) expect(p.message).toMatch(/keeps no text/);
    expect(unverified.length).toBe(ds.observations.filter((o) => urlOnly.has(o.source)).length);
  });

  it('holds well over 150 observations over several years, both districts', () => {
    expect(ds.observations.length).toBeGreaterThan(150);
    expect(new Set(ds.observations.map((o) => o.district))).toEqual(new Set(['tumed-left', 'yuquan']));
  });

  it('has the figures the issues name', () => {
    const c = new Catalog(ds, TODAY);
    const grain2024 = c.shown('tumed-left', 'grain-output', 2024, 'actual')!.obs;
    expect([grain2024.comparator, grain2024.value, grain2024.unit]).toEqual(['>', 72, '万吨']);
    const grain2025 = c.shown('tumed-left', 'grain-output', 2025, 'target')!.obs;
    expect(grain2025.value).toBe(73);
    expect(c.shown('tumed-left', 'aq-good-days', 2024, 'actual')!.obs.value).toBe(297);
    expect(c.shown('yuquan', 'aq-good-days', 2024, 'actual')!.obs.value).toBe(308);
    // The first real pairs of target and result: 土默特左旗 2024, targets from the congress news.
    const gdp = c.pair('tumed-left', 'gdp-growth', 2024);
    expect(gdp.target!.obs.source).toBe('tumed-left-npc-news-2024');
    expect(gdp.actual!.obs.estimate).toBe(true);
    expect(gdp.status).toMatchObject({ kind: 'missed', provisional: true });
  });

  it('keeps estimates marked: every 2024 headline result of both reports is 预计', () => {
    const c = new Catalog(ds, TODAY);
    expect(c.shown('yuquan', 'gdp-growth', 2024, 'actual')!.obs.estimate).toBe(true);
    expect(c.shown('tumed-left', 'gdp-growth', 2024, 'actual')!.obs.estimate).toBe(true);
  });
});
