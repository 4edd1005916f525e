/**
 * The pure parts of the leader's pack and the phone and wording fixes: captions drawn into a
 * downloaded chart, the grouped indicator choice, English plurals, the `targets` URL parameter,
 * qualifiers on bar labels and tooltips that wrap within a phone's width.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../src/core/i18n';
import { DEFAULT_STATE, parseState, toSearch } from '../src/core/url';
import { frameSvg, sourceLine, textWidth, wrapText, yearsText } from '../src/charts/caption';
import { barsOption, qualifierSign, TOOLTIP_BOX } from '../src/charts/citizenBars';
import type { Indicator } from '../src/data/types';
import { groupIndicators, matchIndicator } from '../src/model/indicatorGroups';

describe('chart captions', () => {
  const caption = { title: '粮食总产量（万吨）', subtitle: '土默特左旗、玉泉区 · 2022—2025年', source: '来源：土默特左旗2025年政府工作报告；<script>x</script>' };
  const chart = '<svg width="400" height="300" xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>';

  it('frames the chart with title, districts, years above and the source below, all escaped', () => {
    const { svg, height } = frameSvg(chart, 400, 300, caption);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400"')).toBe(true);
    expect(height).toBeGreaterThan(300 + 60);
    expect(svg).toContain(`height="${height}"`);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts[0]).toBe('粮食总产量（万吨）');
    expect(texts[1]).toBe('土默特左旗、玉泉区 · 2022—2025年');
    expect(texts.slice(2).join('')).toBe('来源：土默特左旗2025年政府工作报告；&lt;script&gt;x&lt;/script&gt;');
    expect(svg).not.toContain('<script>');
    // The chart sits below the title lines, at its own size.
    const y = Number(/<svg x="0" y="(\d+)" width="400" height="300"/.exec(svg)?.[1]);
    expect(y).toBeGreaterThan(40);
    // The source lines are below the chart.
    const sourceY = Number(/y="([\d.]+)"[^>]*>来源/.exec(svg)?.[1]);
    expect(sourceY).toBeGreaterThan(y + 300);
  });

  it('wraps a long line within the width, CJK characters counted as squares', () => {
    expect(textWidth('粮食', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeCloseTo(11.2);
    const lines = wrapText('来源：' + '很长的报告名称'.repeat(10), 200, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(200);
    expect(lines.join('')).toBe('来源：' + '很长的报告名称'.repeat(10));
    // English breaks at spaces, never inside a word.
    const en = wrapText('Sources: Tumed Left Banner government work report 2025; statistical bulletin 2024', 160, 12);
    expect(en.join(' ')).toBe('Sources: Tumed Left Banner government work report 2025; statistical bulletin 2024');
    for (const l of en) expect(l.startsWith(' ') || l.endsWith(' ')).toBe(false);
  });

  it('names each source once, and the years as a span', () => {
    expect(sourceLine(['甲', '乙', '甲'], 'zh')).toBe('来源：甲；乙');
    expect(sourceLine(['A'], 'en')).toBe('Source: A');
    expect(sourceLine(['A', 'B', 'A'], 'en')).toBe('Sources: A; B');
    expect([yearsText([2022, 2023, 2025], 'zh'), yearsText([2024], 'zh'), yearsText([2022, 2025], 'en'), yearsText([], 'en')]).toEqual(['2022—2025年', '2024年', '2022–2025', '']);
  });
});

describe('indicator choice', () => {
  const ind = (id: string, category: Indicator['category'], zh: string, en: string) => ({ id, category, name_zh: zh, name_en: en }) as Indicator;
  const list = [
    ind('gdp-growth', 'economy', '地区生产总值增速', 'GDP growth'),
    ind('aq-good-days', 'environment', '空气质量优良天数', 'Good-air days'),
    ind('grain-output', 'agriculture', '粮食总产量', 'Grain output'),
    ind('new-urban-jobs', 'society', '城镇新增就业', 'New urban jobs'),
    ind('grain-area', 'agriculture', '粮食播种面积', 'Grain sown area'),
  ];

  it('groups by category in the contract’s order, keeping the given order within a group', () => {
    expect(groupIndicators(list).map((g) => [g.category, g.indicators.map((i) => i.id)])).toEqual([
      ['economy', ['gdp-growth']],
      ['agriculture', ['grain-output', 'grain-area']],
      ['environment', ['aq-good-days']],
      ['society', ['new-urban-jobs']],
    ]);
  });

  it('narrows by Chinese or English name or id, and keeps the current choice', () => {
    expect(groupIndicators(list, '粮食').flatMap((g) => g.indicators.map((i) => i.id))).toEqual(['grain-output', 'grain-area']);
    expect(groupIndicators(list, 'GRAIN').flatMap((g) => g.indicators.map((i) => i.id))).toEqual(['grain-output', 'grain-area']);
    expect(groupIndicators(list, 'urban-jobs').flatMap((g) => g.indicators.map((i) => i.id))).toEqual(['new-urban-jobs']);
    expect(groupIndicators(list, '粮食', 'gdp-growth').flatMap((g) => g.indicators.map((i) => i.id))).toEqual(['gdp-growth', 'grain-output', 'grain-area']);
    expect(groupIndicators(list, 'nothing like it')).toEqual([]);
    expect(matchIndicator(list[0]!, '  ')).toBe(true);
  });
});

describe('words', () => {
  const m = { zh: { n: '{count} 个地区' }, en: { n: '{count} {count:district|districts} {count:is|are} shown' } };
  it('English plurals follow the number', () => {
    expect(translate(m, 'en', 'n', { count: 1 })).toBe('1 district is shown');
    expect(translate(m, 'en', 'n', { count: 2 })).toBe('2 districts are shown');
    expect(translate(m, 'en', 'n', { count: 0 })).toBe('0 districts are shown');
    expect(translate(m, 'zh', 'n', { count: 1 })).toBe('1 个地区');
  });
});

describe('the targets URL parameter', () => {
  it('is absent by default, 1 for only targets, 0 for all, and survives a round trip', () => {
    expect(parseState('').targets).toBeNull();
    expect(parseState('?targets=1').targets).toBe(true);
    expect(parseState('?targets=0').targets).toBe(false);
    expect(parseState('?targets=yes').targets).toBeNull();
    expect(toSearch({ ...DEFAULT_STATE, view: 'scorecard', targets: true })).toBe('?view=scorecard&targets=1');
    expect(toSearch({ ...DEFAULT_STATE, present: true, targets: false })).toBe('?present=1&targets=0');
    expect(parseState(toSearch({ ...DEFAULT_STATE, targets: true }))).toEqual({ ...DEFAULT_STATE, targets: true });
  });

  it('keeps a malformed indicator id as given, so the view can say it is unknown', () => {
    expect(parseState('?indicator=nope').indicator).toBe('nope');
    expect(parseState('?indicator=%3Cb%3E').indicator).toBe('<b>');
    expect(parseState('?indicator=').indicator).toBeNull();
  });
});

describe('bar labels and tooltips', () => {
  it('a qualified figure keeps its sign: 突破 >, 以上 ≥, 左右 约 / ~', () => {
    expect(['>', '>=', '~', '=', '<=', '<'].map((c) => qualifierSign(c as '>', 'zh'))).toEqual(['>', '≥', '约', '', '≤', '<']);
    expect(qualifierSign('~', 'en')).toBe('~');
  });

  it('citizen chart tooltips wrap within a phone screen and stay inside the chart', () => {
    const o = barsOption({ rows: [{ year: 2024, bar: { value: 72, comparator: '>', estimate: false }, target: null, tip: ['2024年', '来源：'.padEnd(80, '长')] }], lang: 'zh', axisName: '万吨', seriesName: 's', targetName: 't', gapWord: 'g', estimateWord: 'e' });
    const tip = o.tooltip as { confine: boolean; extraCssText: string };
    expect(tip.confine).toBe(true);
    expect(tip.extraCssText).toBe(TOOLTIP_BOX.extraCssText);
    expect(tip.extraCssText).toContain('max-width:min(320px, calc(100vw - 24px))');
    expect(tip.extraCssText).toContain('white-space:normal');
  });
});
