/** The overview's and presentation mode's pure parts: cards, summaries, gaps in words, trends, slides, keys. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA } from '../scripts/lib/fsdata';
import { sparklineData, sparklineDescription, sparklineOption } from '../src/charts/sparkline';
import { buildDataset, type RawFile } from '../src/data/dataset';
import { Catalog } from '../src/model/catalog';
import { buildOverview, districtCards, summarise, trendOf } from '../src/model/overviewCards';
import { buildDeck, buildSlides, clampSlide, openingSlide, shortfall, slideKey, stepSlide } from '../src/model/overviewSlides';
import { summarySentence } from '../src/views/overview/summary';

/** The day the statuses are said on (the clock is fixed in tests). */
const TODAY = '2026-12-06';

const HEAD = 'district,indicator,year,kind,comparator,value,unit,estimate,source,line,quote,note';
const row = (d: string, i: string, y: number, k: string, c: string, v: string, u: string, est = false) =>
  `${d},${i},${y},${k},${c},${v},${u},${est},src-${y},,${i} ${v},`;

/**
 * 土默特左旗 (tl) has one of every kind of card in 2024; 玉泉区 (yq) only a GDP estimate;
 * 呼和浩特市 has no figures. Grain output has results in 2022 and 2024, none in 2023.
 */
const OBS: Record<number, string[]> = {
  2022: [row('tumed-left', 'grain-output', 2022, 'actual', '=', '65', '万吨')],
  2023: [row('tumed-left', 'gdp-growth', 2023, 'actual', '=', '5', '%')],
  2024: [
    row('tumed-left', 'gdp-growth', 2024, 'target', '~', '8', '%'),
    row('tumed-left', 'gdp-growth', 2024, 'actual', '~', '6', '%', true),
    row('tumed-left', 'industrial-va-growth', 2024, 'target', '=', '7', '%'),
    row('tumed-left', 'industrial-va-growth', 2024, 'actual', '=', '7.2', '%'),
    row('tumed-left', 'retail-sales-growth', 2024, 'target', '=', '6', '%'),
    row('tumed-left', 'retail-sales-growth', 2024, 'actual', '=', '5.8', '%'),
    row('tumed-left', 'budget-revenue-growth', 2024, 'target', '=', '6', '%'),
    row('tumed-left', 'grain-output', 2024, 'actual', '>', '72', '万吨'),
    row('tumed-left', 'aq-good-days', 2024, 'actual', '=', '297', '天', true),
    row('yuquan', 'gdp-growth', 2024, 'actual', '=', '7', '%', true),
  ],
  2025: [
    row('tumed-left', 'grain-output', 2025, 'target', '>=', '73', '万吨'),
    row('tumed-left', 'grain-area', 2025, 'target', '>=', '140', '万亩'),
    row('tumed-left', 'gdp-growth', 2025, 'target', '~', '6.5', '%'),
  ],
};

function world(obs: Record<number, string[]> = OBS, districts?: string): Catalog {
  const years = Object.keys(obs).map(Number);
  const places = districts ?? 'id,name_zh,name_en,level,parent,adcode\nhohhot,呼和浩特市,Hohhot,city,,150100\ntumed-left,土默特左旗,Tumed Left Banner,banner,hohhot,150121\nyuquan,玉泉区,Yuquan District,district,hohhot,150104\n';
  const publisher = places.split('\n')[1]!.split(',')[0]!;
  const sources = ['id,title_zh,publisher_zh,district,published,kind,text,url', ...years.map((y) => `src-${y},报告${y},政府,${publisher},${y}-12-26,work-report,,http://example.org/${y}`)];
  const files: RawFile[] = [
    { path: 'districts.csv', text: places },
    { path: 'indicators.csv', text: readFileSync(join(DEFAULT_DATA, 'indicators.csv'), 'utf8') },
    { path: 'sources.csv', text: sources.join('\n') + '\n' },
    ...years.map((y) => ({ path: `observations/${y}.csv`, text: [HEAD, ...obs[y]!].join('\n') + '\n' })),
  ];
  const ds = buildDataset(files);
  expect(ds.problems.filter((p) => p.severity === 'error').map((p) => p.message).slice(0, 3)).toEqual([]);
  return new Catalog(ds, TODAY);
}

const c = world();

describe('overview cards', () => {
  it('opens on the latest year with a result, the districts with data in districts.csv order', () => {
    const o = buildOverview(c);
    expect(o.year).toBe(2024);
    expect(o.districts.map((d) => d.district.id)).toEqual(['tumed-left', 'yuquan']);
    expect(o.without).toEqual([]);
    expect(o.more).toBe(0);
  });

  it('puts missed first, then near, then estimates, met, awaiting a result, no target, and next year only', () => {
    const cards = districtCards(c, 'tumed-left', 2024);
    expect(cards.map((x) => [x.indicator.id, x.pair.status.kind, x.pair.status.provisional])).toEqual([
      ['gdp-growth', 'missed', true],
      ['retail-sales-growth', 'near', false],
      ['aq-good-days', 'target-not-held', true],
      ['industrial-va-growth', 'met', false],
      ['budget-revenue-growth', 'result-not-held', false],
      ['grain-output', 'target-not-held', false],
      ['grain-area', 'result-not-held', false],
    ]);
    // The gap in the indicator's unit, and next year's target beside this year's figures.
    expect(cards[0]!.pair.status.gap).toBe(-2);
    expect(cards[0]!.next?.obs.value).toBe(6.5);
    const grain = cards.find((x) => x.indicator.id === 'grain-output')!;
    expect([grain.next?.obs.comparator, grain.next?.obs.value, grain.nextYear]).toEqual(['>=', 73, 2025]);
    const area = cards.find((x) => x.indicator.id === 'grain-area')!;
    expect([area.pair.target, area.pair.actual, area.next?.obs.value]).toEqual([null, null, 140]);
  });

  it('counts a district in one line, in both languages', () => {
    const s = summarise(districtCards(c, 'tumed-left', 2024));
    expect(s).toEqual({ compared: 3, met: 1, near: 1, missed: 1, pending: 0, resultNotHeld: 1, qualitative: 0, noTarget: 0, targetNotHeld: 2, results: 5, provisional: 2 });
    expect(summarySentence(s, 'zh')).toBe('3项目标中达成1项、接近1项、未达成1项；1项目标的结果未收录；2项结果的目标未收录——2/5项结果为预计数。');
    expect(summarySentence(s, 'en')).toBe('1 of 3 targets met, 1 near, 1 missed; 1 result not in the data; 2 results whose target is not in the data — 2 of 5 results are provisional.');
    const yq = buildOverview(c).districts[1]!.summary;
    expect(summarySentence(yq, 'zh')).toBe('暂无可与结果对比的目标；1项结果的目标未收录——结果均为预计数。');
  });

  it('before 1 April and with the work report that set the targets held: pending and no target set', () => {
    const report = { ...c.data.sources[0]!, id: 'tl-report-2024', district: 'tumed-left', published: '2023-12-20', kind: 'work-report' as const };
    const early = new Catalog({ ...c.data, sources: [...c.data.sources, report] }, '2025-03-31');
    const kinds = Object.fromEntries(districtCards(early, 'tumed-left', 2024).map((x) => [x.indicator.id, x.pair.status.kind]));
    expect(kinds).toMatchObject({ 'budget-revenue-growth': 'pending', 'grain-output': 'no-target', 'aq-good-days': 'no-target', 'gdp-growth': 'missed' });
    const s = summarise(districtCards(early, 'tumed-left', 2024));
    expect([s.pending, s.resultNotHeld, s.noTarget, s.targetNotHeld]).toEqual([1, 0, 2, 0]);
    expect(summarySentence(s, 'zh')).toContain('；1项目标的结果待公布；2项结果未设目标');
    // 玉泉区's report is not held: its result still has its target "not in the data".
    expect(districtCards(early, 'yuquan', 2024)[0]!.pair.status.kind).toBe('target-not-held');
    // From 1 April the same target without its result is no longer pending.
    const april = new Catalog(early.data, '2025-04-01');
    expect(april.pair('tumed-left', 'budget-revenue-growth', 2024).status.kind).toBe('result-not-held');
  });

  it('names in words every headline indicator a district has no figure for', () => {
    const [tl, yq] = buildOverview(c).districts;
    expect(tl!.missing).toEqual([]);
    expect(yq!.missing.map((i) => i.id)).toEqual(['industrial-va-growth', 'retail-sales-growth', 'budget-revenue-growth', 'grain-output', 'grain-area', 'aq-good-days']);
    // The same list when the district is shown alone: it does not depend on the company it keeps.
    const alone = buildOverview(c, { districts: ['yuquan'] }).districts[0]!;
    expect(alone.missing.map((i) => i.id)).toEqual(yq!.missing.map((i) => i.id));
  });

  it('lists chosen districts without figures and ids it does not know, never dropping them silently', () => {
    const o = buildOverview(c, { districts: ['yuquan', 'hohhot', 'atlantis'] });
    expect(o.districts.map((d) => d.district.id)).toEqual(['yuquan']);
    expect(o.without.map((d) => d.id)).toEqual(['hohhot']);
    expect(o.unknown).toEqual(['atlantis']);
  });

  it('shows another year from the URL; a year without figures has no cards', () => {
    const o = buildOverview(c, { year: 2025 });
    expect(o.year).toBe(2025);
    expect(o.districts[0]!.cards.map((x) => [x.indicator.id, x.pair.status.kind])).toEqual([
      ['gdp-growth', 'result-not-held'],
      ['grain-output', 'result-not-held'],
      ['grain-area', 'result-not-held'],
    ]);
    expect(buildOverview(c, { year: 2031 }).districts).toEqual([]);
  });

  it('shows a few districts by default when there are thousands, and says how many are left out', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `d${i}`);
    const districts = ['id,name_zh,name_en,level,parent,adcode', ...ids.map((id, i) => `${id},县${i},County ${i},county,,${String(100000 + i)}`)].join('\n') + '\n';
    const big = world({ 2024: ids.map((id) => row(id, 'gdp-growth', 2024, 'actual', '=', '5', '%')) }, districts);
    const o = buildOverview(big);
    expect(o.districts.length).toBe(4);
    expect(o.more).toBe(2996);
    expect(buildOverview(big, { districts: ['d2999', 'd7'] }).districts.map((d) => d.district.id)).toEqual(['d2999', 'd7']);
  });
});

describe('trend and sparkline', () => {
  const trend = trendOf(c, 'tumed-left', 'grain-output', [2022, 2023, 2024]);
  const gdp = trendOf(c, 'tumed-left', 'gdp-growth', [2022, 2023, 2024]);

  it('keeps a year without a result as a gap, never a zero', () => {
    expect(trend).toEqual([
      { year: 2022, value: 65, estimate: false },
      { year: 2023, value: null, estimate: false },
      { year: 2024, value: 72, estimate: false },
    ]);
    expect(gdp.map((p) => [p.value, p.estimate])).toEqual([[null, false], [5, false], [6, true]]);
  });

  it('draws gaps as gaps, estimates as open circles, and fits the axis to the values', () => {
    const option = sparklineOption(trend);
    const series = (option.series as { data: { value: number | null }[]; connectNulls: boolean }[])[0]!;
    expect(series.data.map((d) => d.value)).toEqual([65, null, 72]);
    expect(series.connectNulls).toBe(false);
    const y = option.yAxis as { min: number; max: number };
    // The axis hugs 65–72 (no zero baseline that would flatten the line).
    expect(y.min).toBeCloseTo(65 - 7 * 0.15);
    expect(y.max).toBeCloseTo(72 + 7 * 0.15);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2022', '2023', '2024']);
    expect(sparklineData(gdp).map((d) => d.symbol)).toEqual(['circle', 'circle', 'emptyCircle']);
    expect(sparklineData(gdp).map((d) => d.symbolSize)).toEqual([5, 5, 8]);
  });

  it('says in words what the line shows', () => {
    expect(sparklineDescription(trend, '粮食总产量', '万吨', 'zh')).toBe('粮食总产量历年结果（2022–2024）：2022年65万吨；2023年无数据；2024年72万吨');
    expect(sparklineDescription(gdp, 'GDP growth', '%', 'en')).toBe('GDP growth, results 2022–2024: 2022 no figure; 2023 5%; 2024 6% (estimate)');
  });
});

describe('presentation slides', () => {
  const { districts } = buildOverview(c);
  const slides = buildSlides(c, districts.map((d) => d.district), 2024);

  it('opens with a slide per district: its verdicts counted, the largest shortfall (in tolerances) first', () => {
    const tl = openingSlide(c, c.districts.get('tumed-left')!, 2024);
    // GDP 6 (estimate) against about 8: missed; industry 7.2 against 7: met; retail 5.8 against 6: near; budget: no result yet.
    expect(tl.counts).toEqual({ met: 1, near: 1, missed: 1, provisional: 1, targets: 4 });
    expect(tl.gaps.map((g) => g.indicator.id)).toEqual(['gdp-growth', 'retail-sales-growth']);
    expect(tl.gaps.map((g) => shortfall(g.pair))).toEqual([4, 0.4]);
    const yq = openingSlide(c, c.districts.get('yuquan')!, 2024);
    expect(yq.counts).toEqual({ met: 0, near: 0, missed: 0, provisional: 0, targets: 0 });
    expect(yq.gaps).toEqual([]);
    const deck = buildDeck(c, districts.map((d) => d.district), 2024);
    expect(deck.map((s) => (s.kind === 'district' ? `district:${s.district.id}` : s.indicator.id))).toEqual([
      'district:tumed-left',
      'district:yuquan',
      ...slides.map((s) => s.indicator.id),
    ]);
    // A year with nothing to show has no deck at all, not two empty openings.
    expect(buildDeck(c, districts.map((d) => d.district), 2030)).toEqual([]);
  });

  it('keeps only the indicators with a target when asked (targets=1)', () => {
    const only = buildSlides(c, districts.map((d) => d.district), 2024, { onlyTargets: true });
    expect(only.map((s) => s.indicator.id)).toEqual(['gdp-growth', 'industrial-va-growth', 'retail-sales-growth', 'budget-revenue-growth']);
    expect(only.every((s) => s.rows.some((r) => r.pair.target))).toBe(true);
  });

  it('has one slide per headline indicator with a 2024 figure, in report order, every district on each', () => {
    expect(slides.map((s) => s.indicator.id)).toEqual(['gdp-growth', 'industrial-va-growth', 'retail-sales-growth', 'budget-revenue-growth', 'grain-output', 'aq-good-days']);
    const first = slides[0]!;
    expect(first.rows.map((r) => [r.district.id, r.pair.status.kind, r.pair.actual?.obs.value, r.pair.target?.obs.value ?? null, r.next?.obs.value ?? null])).toEqual([
      ['tumed-left', 'missed', 6, 8, 6.5],
      ['yuquan', 'target-not-held', 7, null, null],
    ]);
    // A district without the figure stays on the slide (said in words there), not dropped.
    expect(slides[1]!.rows[1]!.pair.actual).toBeNull();
    expect(slides[1]!.rows[1]!.pair.target).toBeNull();
  });

  it('maps keys and clicker buttons to steps', () => {
    expect(['ArrowRight', 'PageDown', ' ', 'ArrowDown'].map(slideKey)).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp', 'ArrowUp'].map(slideKey)).toEqual(['previous', 'previous', 'previous']);
    expect([slideKey('Home'), slideKey('End'), slideKey('Escape'), slideKey('a'), slideKey('Enter')]).toEqual(['first', 'last', 'leave', null, null]);
  });

  it('steps within the deck, 1-based, and Esc leaves', () => {
    const n = slides.length;
    expect(stepSlide(1, n, 'next')).toBe(2);
    expect(stepSlide(n, n, 'next')).toBe(n);
    expect(stepSlide(1, n, 'previous')).toBe(1);
    expect(stepSlide(4, n, 'previous')).toBe(3);
    expect(stepSlide(3, n, 'first')).toBe(1);
    expect(stepSlide(1, n, 'last')).toBe(n);
    expect(stepSlide(3, n, 'leave')).toBeNull();
    expect(stepSlide(3, n, null)).toBe(3);
    // A link's slide=0 (absent), slide=99 or slide=2.5 lands on a real slide.
    expect([clampSlide(0, n), clampSlide(99, n), clampSlide(2.5, n), clampSlide(Number.NaN, n), clampSlide(3, 0)]).toEqual([1, n, 2, 1, 0]);
    expect(stepSlide(0, n, 'next')).toBe(2);
  });
});
