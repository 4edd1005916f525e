/** The scorecard's model: which columns and rows a year has, each cell's pair, the row tally, the links. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA, readDataDir } from '../scripts/lib/fsdata';
import { toSearch } from '../src/core/url';
import { buildDataset } from '../src/data/dataset';
import { Catalog } from '../src/model/catalog';
import { buildScorecard, cellState, matchDistrict, scorecardFrame, scorecardRow, tally } from '../src/model/scorecard';
import { worldFiles } from './world.sample';

/** The day the statuses are said on (the clock is fixed in tests). */
const TODAY = '2026-12-06';

const HEAD = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note\n';

/** The fixture world with its 2024 observations replaced. */
function world(rows2024: string, rows2025 = ''): Catalog {
  const files = worldFiles().map((f) =>
    f.path === 'observations/2024.csv' ? { path: f.path, text: HEAD + rows2024 } : f.path === 'observations/2025.csv' ? { path: f.path, text: HEAD + rows2025 } : f,
  );
  const ds = buildDataset(files);
  expect(ds.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return new Catalog(ds, TODAY);
}

const R = 'tumed-left-report-2025';
const N = 'tumed-left-news-2024';
const rows = [
  `tumed-left,gdp-growth,2024,target,~,8,%,false,${N},,地区生产总值增长8%左右,`,
  `tumed-left,gdp-growth,2024,actual,=,7.8,%,false,${R},1,增长7.8%,`, // within 0.5 of "about": met
  `tumed-left,grain-output,2024,target,>=,73,万吨,false,${N},,粮食73万吨以上,`,
  `tumed-left,grain-output,2024,actual,>,72,万吨,false,${R},1,粮食总产量突破72万吨,`, // 1 short, tolerance 1.46: near
  `tumed-left,aq-good-days,2024,target,>=,300,天,false,${N},,优良天数300天以上,`,
  `tumed-left,aq-good-days,2024,actual,=,280,天,true,${R},1,预计优良天数280天,`, // missed, provisional
  `yuquan,gdp-growth,2024,target,~,6,%,false,${N},,增长6%左右,`, // pending
  `yuquan,aq-good-days,2024,actual,=,297,天,false,${R},1,优良天数297天,`, // no target
].join('\n');

describe('scorecardFrame', () => {
  const c = world(rows, `tumed-left,gdp-growth,2025,target,~,6,%,false,${R},1,增长6%左右,`);

  it('has the year’s indicators as columns, those with a target first in work-report order', () => {
    const f = scorecardFrame(c, 2024);
    expect(f.columns.map((i) => i.id)).toEqual(['gdp-growth', 'grain-output', 'aq-good-days']);
    expect(f.withTarget).toBe(3);
    expect(scorecardFrame(c, 2025).columns.map((i) => i.id)).toEqual(['gdp-growth']);
  });

  it('puts indicators with only results after those with a target', () => {
    const c2 = world([`tumed-left,gdp-growth,2024,actual,=,7,%,false,${R},1,增长7%,`, `tumed-left,aq-good-days,2024,target,>=,300,天,false,${N},,300天以上,`].join('\n'));
    const f = scorecardFrame(c2, 2024);
    expect(f.columns.map((i) => i.id)).toEqual(['aq-good-days', 'gdp-growth']);
    expect(f.withTarget).toBe(1);
  });

  it('names the districts without figures in the year instead of giving them empty rows', () => {
    const f = scorecardFrame(c, 2024);
    expect(f.districts.map((d) => d.id)).toEqual(['tumed-left', 'yuquan']);
    expect(f.withoutData.map((d) => d.name_zh)).toEqual(['呼和浩特市']);
    const f25 = scorecardFrame(c, 2025);
    expect(f25.districts.map((d) => d.id)).toEqual(['tumed-left']);
    expect(f25.withoutData.map((d) => d.id)).toEqual(['hohhot', 'yuquan']);
  });

  it('a year without any figure has no rows and every district without data', () => {
    const f = scorecardFrame(c, 2019);
    expect(f.columns).toEqual([]);
    expect(f.districts).toEqual([]);
    expect(f.withoutData).toHaveLength(3);
  });
});

describe('rows, cells and tallies', () => {
  const c = world(rows);

  it('gives each cell its status by the rules of DESIGN.md', () => {
    const f = scorecardFrame(c, 2024);
    const tl = scorecardRow(c, 'tumed-left', f.columns, 2024);
    expect(tl.map((x) => [x.indicator.id, x.pair.status.kind, x.pair.status.provisional])).toEqual([
      ['gdp-growth', 'met', false],
      ['grain-output', 'near', false],
      ['aq-good-days', 'missed', true],
    ]);
    expect(tally(tl)).toEqual({ met: 1, near: 1, missed: 1, pending: 0, 'result-not-held': 0 });
    expect(tl[1]!.pair.actual?.obs.quote).toBe('粮食总产量突破72万吨');
  });

  it('counts a target without its result as not in the data on 2026-12-06, and neither empty cells nor results without targets', () => {
    const f = scorecardFrame(c, 2024);
    const yq = scorecardRow(c, 'yuquan', f.columns, 2024);
    // 玉泉区's report that set its 2024 targets is not a source: its result's target is "not in the data".
    expect(yq.map((x) => [x.pair.status.kind, x.empty])).toEqual([
      ['result-not-held', false],
      ['result-not-held', true],
      ['target-not-held', false],
    ]);
    expect(tally(yq)).toEqual({ met: 0, near: 0, missed: 0, pending: 0, 'result-not-held': 1 });
  });

  it('counts the same target as pending before 1 April 2025', () => {
    const early = new Catalog(c.data, '2025-03-31');
    const f = scorecardFrame(early, 2024);
    const yq = scorecardRow(early, 'yuquan', f.columns, 2024);
    expect(yq.map((x) => x.pair.status.kind)).toEqual(['pending', 'pending', 'target-not-held']);
    expect(tally(yq)).toEqual({ met: 0, near: 0, missed: 0, pending: 1, 'result-not-held': 0 });
  });
});

describe('buildScorecard', () => {
  const c = world(rows);

  it('defaults to the latest year with a result', () => {
    const c2 = world(rows, `tumed-left,gdp-growth,2025,target,~,6,%,false,${R},1,增长6%左右,`);
    expect(buildScorecard(c2).year).toBe(2024);
    expect(buildScorecard(c2, { year: 2025 }).year).toBe(2025);
  });

  it('filters rows by the search, in Chinese, English, id or code', () => {
    expect(buildScorecard(c, { q: '玉泉' }).rows.map((d) => d.id)).toEqual(['yuquan']);
    expect(buildScorecard(c, { q: ' TUMED ' }).rows.map((d) => d.id)).toEqual(['tumed-left']);
    expect(buildScorecard(c, { q: '150104' }).rows.map((d) => d.id)).toEqual(['yuquan']);
    expect(buildScorecard(c, { q: 'nowhere' }).rows).toEqual([]);
    expect(buildScorecard(c, { q: '' }).rows).toHaveLength(2);
    const d = c.districts.get('yuquan')!;
    expect(matchDistrict(d, '1501')).toBe(true);
    expect(matchDistrict(d, '0104')).toBe(false);
  });

  it('keeps to the chosen districts and names unknown ids', () => {
    const s = buildScorecard(c, { districts: ['yuquan', 'atlantis'] });
    expect(s.rows.map((d) => d.id)).toEqual(['yuquan']);
    expect(s.unknown).toEqual(['atlantis']);
  });
});

describe('cellState', () => {
  it('links a cell to its indicator view, district and year, keeping the language', () => {
    expect(toSearch(cellState('en', 'tumed-left', 'grain-output', 2024))).toBe('?view=indicator&indicator=grain-output&districts=tumed-left&year=2024&lang=en');
    expect(toSearch(cellState('zh', 'yuquan', 'gdp-growth', 2023))).toBe('?view=indicator&indicator=gdp-growth&districts=yuquan&year=2023');
  });
});

describe('the bundled data, 2024', () => {
  const c = new Catalog(buildDataset(readDataDir(DEFAULT_DATA)), TODAY);
  const s = buildScorecard(c);

  it('shows both districts, names the city without figures', () => {
    expect(s.year).toBe(2024);
    expect(s.rows.map((d) => d.name_zh)).toEqual(['土默特左旗', '玉泉区']);
    expect(s.withoutData.map((d) => d.name_zh)).toEqual(['呼和浩特市']);
  });

  it('has 土默特左旗’s grain output of over 72万吨 in its cell', () => {
    const cells = scorecardRow(c, 'tumed-left', s.columns, 2024);
    const grain = cells.find((x) => x.indicator.id === 'grain-output')!;
    expect(grain.pair.actual?.obs.value).toBe(72);
    expect(grain.pair.actual?.obs.comparator).toBe('>');
    expect(s.columns.slice(0, s.withTarget).every((i) => c.data.observations.some((o) => o.year === 2024 && o.kind === 'target' && o.indicator === i.id))).toBe(true);
  });
});

describe('scale', () => {
  it('frames a year of 3,000 districts quickly, and builds one row in a few milliseconds at most', () => {
    const base = world('');
    const origin = { file: 'synthetic', line: 0 };
    const districts = Array.from({ length: 3000 }, (_, i) => ({
      id: `d${i}`, name_zh: `地区${i}`, name_en: `Place ${i}`, level: 'county' as const, parent: '', adcode: String(110000 + i), origin,
    }));
    const observations = districts.flatMap((d, i) =>
      base.data.indicators.flatMap((ind) => {
        const v = 100;
        const common = { district: d.id, indicator: ind.id, year: 2024, unit: ind.unit, estimate: false, source: N, sourceLine: null, quote: '', note: '', noteEn: '', remark: '', origin };
        return [
          { ...common, kind: 'target' as const, comparator: '>=' as const, value: v, canonicalValue: v },
          { ...common, kind: 'actual' as const, comparator: '=' as const, value: v + (i % 5) - 2, canonicalValue: v + (i % 5) - 2 },
        ];
      }),
    );
    const c = new Catalog({ ...base.data, districts, observations }, TODAY);
    expect(c.data.observations).toHaveLength(3000 * 3 * 2);
    let t = performance.now();
    const s = buildScorecard(c, { year: 2024, q: '地区29' });
    const frameMs = performance.now() - t;
    expect(s.districts).toHaveLength(3000);
    expect(s.rows.map((d) => d.id).slice(0, 3)).toEqual(['d29', 'd290', 'd291']);
    expect(s.rows).toHaveLength(111);
    t = performance.now();
    for (let i = 0; i < 1000; i++) scorecardRow(c, `d${i}`, s.columns, 2024);
    const perRow = (performance.now() - t) / 1000;
    // Generous bounds (the machine may be busy): they catch a quadratic slip, not a few milliseconds.
    expect(frameMs).toBeLessThan(3000);
    expect(perRow).toBeLessThan(5);
    // d0: actual 98 against at least 100: 2 short, tolerance 2 for every level indicator, but gdp-growth is a growth: 0.5 points.
    expect(tally(scorecardRow(c, 'd0', s.columns, 2024))).toEqual({ met: 0, near: 2, missed: 1, pending: 0, 'result-not-held': 0 });
    expect(tally(scorecardRow(c, 'd4', s.columns, 2024))).toEqual({ met: 3, near: 0, missed: 0, pending: 0, 'result-not-held': 0 });
  });
});
