/** The citizen pages' plain sentences: exact words in both languages, and only what the figures support. */
import { describe, expect, it } from 'vitest';
import type { Comparator } from '../src/data/types';
import { airSentence, compareFigures, daysInYear, grainSentence, targetOfYear, type Figure, type IndicatorFigures } from '../src/model/sentences';

const f = (year: number, value: number | null, comparator: Comparator = '=', estimate = false): Figure => ({ year, value, comparator, estimate });
const ind = (id: string, unit: string, measure: 'level' | 'ratio', actuals: Figure[], targets: Figure[] = []): IndicatorFigures => ({ id, unit, measure, better: 'higher', actuals, targets, missing: (y) => ({ resultsDue: y < 2025, targetReportHeld: true }) });
const days = (a: Figure[], t: Figure[] = []) => ind('aq-good-days', '天', 'level', a, t);
const ratio = (a: Figure[], t: Figure[] = []) => ind('aq-good-ratio', '%', 'ratio', a, t);
const output = (a: Figure[], t: Figure[] = []) => ind('grain-output', '万吨', 'level', a, t);
const area = (a: Figure[], t: Figure[] = []) => ind('grain-area', '万亩', 'level', a, t);
const TL = { zh: '土默特左旗', en: 'Tumed Left Banner' };

const air = (d: IndicatorFigures, r: IndicatorFigures = ratio([])) => ({ zh: airSentence({ name: TL, days: d, ratio: r }, 'zh'), en: airSentence({ name: TL, days: d, ratio: r }, 'en') });
const grain = (o: IndicatorFigures, a: IndicatorFigures = area([])) => ({ zh: grainSentence({ name: TL, output: o, area: a }, 'zh'), en: grainSentence({ name: TL, output: o, area: a }, 'en') });

describe('air sentence', () => {
  it('rise, with the stated ratio of the same year', () => {
    expect(air(days([f(2023, 290), f(2024, 297)]), ratio([f(2024, 85.4)]))).toEqual({
      zh: '2024年，土默特左旗全年366天中有297天空气质量为优良，报告写明的优良天数比例为85.4%。比2023年（290天）多7天。',
      en: 'In 2024, Tumed Left Banner had good air on 297 days out of 366; the report gives the share of good-air days as 85.4%. That is 7 days more than in 2023 (290 days).',
    });
  });

  it('fall, in a 365-day year; one day is singular', () => {
    expect(air(days([f(2022, 300), f(2023, 299)]))).toEqual({
      zh: '2023年，土默特左旗全年365天中有299天空气质量为优良。比2022年（300天）少1天。',
      en: 'In 2023, Tumed Left Banner had good air on 299 days out of 365. That is 1 day fewer than in 2022 (300 days).',
    });
  });

  it('same', () => {
    expect(air(days([f(2023, 297), f(2024, 297)]))).toEqual({
      zh: '2024年，土默特左旗全年366天中有297天空气质量为优良。与2023年（297天）持平。',
      en: 'In 2024, Tumed Left Banner had good air on 297 days out of 366. That is the same as in 2023 (297 days).',
    });
  });

  it('single year: no trend claimed', () => {
    expect(air(days([f(2024, 297)]))).toEqual({
      zh: '2024年，土默特左旗全年366天中有297天空气质量为优良。这是目前唯一有结果数字的一年，还看不出变化。',
      en: 'In 2024, Tumed Left Banner had good air on 297 days out of 366. This is the only year with a reported result so far, so there is no trend yet.',
    });
  });

  it('missing previous year: no comparison with an older year', () => {
    expect(air(days([f(2022, 280), f(2024, 297)]))).toEqual({
      zh: '2024年，土默特左旗全年366天中有297天空气质量为优良。2023年没有数字，无法与上一年比较。',
      en: 'In 2024, Tumed Left Banner had good air on 297 days out of 366. There is no figure for 2023, so no comparison with the year before.',
    });
  });

  it('estimate: said as 预计 / expected, and the comparison as what it would be', () => {
    expect(air(days([f(2023, 290), f(2024, 297, '=', true)]), ratio([f(2024, 85.4, '=', true)]))).toEqual({
      zh: '2024年，土默特左旗全年366天中预计有297天空气质量为优良，报告写明的优良天数比例预计为85.4%。预计比2023年（290天）多7天。',
      en: 'In 2024, Tumed Left Banner is expected to have had good air on 297 days out of 366; the report expects the share of good-air days to be 85.4%. That would be 7 days more than in 2023 (290 days).',
    });
  });

  it('an estimated previous year is named as such', () => {
    expect(air(days([f(2023, 290, '=', true), f(2024, 297)])).zh).toBe('2024年，土默特左旗全年366天中有297天空气质量为优良。比2023年（预计290天）多7天。');
  });

  it('target met, with the next year’s target', () => {
    expect(air(days([f(2024, 297)], [f(2024, 290, '>='), f(2025, 300, '>=')]))).toEqual({
      zh: '2024年，土默特左旗全年366天中有297天空气质量为优良。这是目前唯一有结果数字的一年，还看不出变化。达到了当年优良天数的目标（290天以上）。2025年优良天数的目标是300天以上。',
      en: "In 2024, Tumed Left Banner had good air on 297 days out of 366. This is the only year with a reported result so far, so there is no trend yet. That meets the year's target for days of good air (at least 290 days). The 2025 target for days of good air is at least 300 days.",
    });
  });

  it('target missed, near, and met by an estimate (provisional)', () => {
    expect(air(days([f(2024, 297)], [f(2024, 310, '>=')])).zh).toContain('没有达到当年优良天数的目标（310天以上）。');
    expect(air(days([f(2024, 297)], [f(2024, 310, '>=')])).en).toContain("That falls short of the year's target for days of good air (at least 310 days).");
    // 2 % of 300 is 6 days: 297 is near.
    expect(air(days([f(2024, 297)], [f(2024, 300, '>=')])).zh).toContain('接近但没有达到当年优良天数的目标（300天以上）。');
    expect(air(days([f(2024, 297, '=', true)], [f(2024, 290, '>=')])).zh).toContain('达到了当年优良天数的目标（290天以上）（按预计数）。');
    expect(air(days([f(2024, 297, '=', true)], [f(2024, 290, '>=')])).en).toContain("That meets the year's target for days of good air (at least 290 days) (going by an estimate).");
  });

  it('the ratio target when the days have none; a target in words says it has no number', () => {
    expect(air(days([f(2024, 297)]), ratio([f(2024, 85.4)], [f(2024, 85, '>=')])).zh).toContain('达到了当年优良天数比例的目标（85%以上）。');
    expect(air(days([f(2024, 297)]), ratio([], [f(2025, null, 'text')]))).toEqual({
      zh: '2024年，土默特左旗全年366天中有297天空气质量为优良。这是目前唯一有结果数字的一年，还看不出变化。2025年优良天数比例的目标用文字表述，没有具体数字。',
      en: 'In 2024, Tumed Left Banner had good air on 297 days out of 366. This is the only year with a reported result so far, so there is no trend yet. The 2025 target for the share of good-air days is given in words, without a number.',
    });
  });

  it('only a ratio: the sentence speaks of the ratio, in percentage points', () => {
    expect(air(days([]), ratio([f(2023, 84.2), f(2024, 85.4)]))).toEqual({
      zh: '2024年，土默特左旗空气质量优良天数比例为85.4%。比2023年（84.2%）高1.2个百分点。',
      en: 'In 2024, Tumed Left Banner had good air on 85.4% of the days monitored. That is 1.2 percentage points higher than in 2023 (84.2%).',
    });
  });

  it('no result at all: says so in words, never a zero', () => {
    expect(air(days([]), ratio([], [f(2025, null, 'text')]))).toEqual({
      zh: '本站数据中没有土默特左旗空气质量优良天数的结果数字。2025年优良天数比例的目标用文字表述，没有具体数字。',
      en: 'The data hold no figure for days of good air in Tumed Left Banner. The 2025 target for the share of good-air days is given in words, without a number.',
    });
  });
});

describe('grain sentence', () => {
  it('a qualified result (突破) against a plain one: more, without inventing the difference', () => {
    expect(grain(output([f(2023, 70), f(2024, 72, '>')], [f(2025, 73, '>=')]), area([f(2024, 140)]))).toEqual({
      zh: '2024年，土默特左旗粮食总产量突破72万吨，播种面积为140万亩。比2023年（70万吨）多。2025年粮食总产量的目标是73万吨以上。',
      en: 'In 2024, Tumed Left Banner harvested over 720 thousand t of grain from 1.4 million mu sown. That is more than in 2023 (700 thousand t). The 2025 target for grain output is at least 730 thousand t.',
    });
  });

  it('rise and fall with exact differences', () => {
    expect(grain(output([f(2023, 70), f(2024, 72.5)])).zh).toBe('2024年，土默特左旗粮食总产量为72.5万吨。比2023年（70万吨）多2.5万吨。');
    expect(grain(output([f(2023, 70), f(2024, 68)])).en).toBe('In 2024, Tumed Left Banner harvested 680 thousand t of grain. That is 20 thousand t less than in 2023 (700 thousand t).');
  });

  it('qualifiers that overlap: no claim of which year was more', () => {
    expect(grain(output([f(2023, 72, '>='), f(2024, 73)]))).toEqual({
      zh: '2024年，土默特左旗粮食总产量为73万吨。2023年为72万吨以上；按原文的说法，无法判断哪一年更多。',
      en: 'In 2024, Tumed Left Banner harvested 730 thousand t of grain. In 2023 it was at least 720 thousand t; as the sources word it, it cannot be told which year had more.',
    });
  });

  it('target met and missed, about-targets within tolerance count as met', () => {
    expect(grain(output([f(2023, 66)], [f(2023, 67, '~')])).zh).toContain('达到了当年粮食总产量的目标（67万吨左右）。');
    expect(grain(output([f(2023, 60)], [f(2023, 67, '~')])).en).toContain("That falls short of the year's target for grain output (about 670 thousand t).");
  });

  it('estimate', () => {
    expect(grain(output([f(2024, 72, '=', true)]))).toEqual({
      zh: '2024年，土默特左旗粮食总产量预计为72万吨。这是目前唯一有结果数字的一年，还看不出变化。',
      en: 'In 2024, Tumed Left Banner is expected to have harvested 720 thousand t of grain. This is the only year with a reported result so far, so there is no trend yet.',
    });
  });

  it('only the sown area', () => {
    expect(grain(output([]), area([f(2024, 8.4)]))).toEqual({
      zh: '2024年，土默特左旗粮食播种面积为8.4万亩。这是目前唯一有结果数字的一年，还看不出变化。',
      en: 'In 2024, Tumed Left Banner sowed 84 thousand mu with grain. This is the only year with a reported result so far, so there is no trend yet.',
    });
  });
});

describe('helpers', () => {
  it('days in a year', () => {
    expect([2023, 2024, 2100, 2000].map(daysInYear)).toEqual([365, 366, 365, 366]);
  });
  it('compares qualified figures only where the ranges do not overlap', () => {
    expect(compareFigures(f(2024, 72, '>'), f(2023, 72), 'level')).toBe('up');
    expect(compareFigures(f(2024, 72, '>='), f(2023, 72), 'level')).toBe('unknown');
    expect(compareFigures(f(2024, 71, '<'), f(2023, 71), 'level')).toBe('down');
    expect(compareFigures(f(2024, 67, '~'), f(2023, 67), 'level')).toBe('unknown');
  });
});

describe('a target without its result, by the day', () => {
  const days = (due: boolean): IndicatorFigures => ({
    ...ind('aq-good-days', '天', 'level', [], [f(2024, 300, '>=')]),
    missing: () => ({ resultsDue: due, targetReportHeld: true }),
  });

  it('before 1 April of the next year: not published yet', () => {
    expect(targetOfYear(days(false), 2024, 'zh')).toContain('结果还没有公布');
    expect(targetOfYear(days(false), 2024, 'en')).toContain('no result has been reported yet');
  });

  it('from 1 April: not in the data, never "not published"', () => {
    const zh = targetOfYear(days(true), 2024, 'zh');
    expect(zh).toContain('本站数据尚未收录其结果');
    expect(zh).not.toContain('没有公布');
    expect(targetOfYear(days(true), 2024, 'en')).toContain('its result is not in the data');
  });
});
