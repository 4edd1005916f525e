import { describe, expect, it } from 'vitest';
import { formatGap, formatQualified, formatValue, formatValueEn } from '../src/model/format';

describe('formatValue', () => {
  it.each([
    [72, '万吨', '72万吨', '720 thousand t'],
    [6.5, '%', '6.5%', '6.5%'],
    [400, '亿元', '400亿元', '40 billion yuan'],
    [18.5, '万头', '18.5万头', '185 thousand head'],
    [140, '万亩', '140万亩', '1.4 million mu'],
    [297, '天', '297天', '297 days'],
    [5539, '人', '5539人', '5,539 people'],
    [2.8, '万家', '2.8万家', '28 thousand entities'],
    [0.5, '万吨', '0.5万吨', '5 thousand t'],
  ])('%s %s', (v, unit, zh, en) => {
    expect(formatValue(v, unit, 'zh')).toBe(zh);
    expect(formatValue(v, unit, 'en')).toBe(en);
  });

  it('keeps an unknown unit as written', () => {
    expect(formatValueEn(3, '座')).toBe('3 座');
  });

  it('writes Chinese numbers ungrouped, as the reports do', () => {
    expect(formatValue(15333, '户', 'zh')).toBe('15333户');
  });
});

describe('formatQualified', () => {
  it('uses the reports own qualifiers', () => {
    expect(formatQualified('~', 6.5, '%', 'zh')).toBe('6.5%左右');
    expect(formatQualified('>=', 73, '万吨', 'zh')).toBe('73万吨以上');
    expect(formatQualified('>', 72, '万吨', 'zh')).toBe('突破72万吨');
    expect(formatQualified('<=', 0.9, '%', 'zh')).toBe('不高于0.9%');
    expect(formatQualified('~', 8, '%', 'en')).toBe('about 8%');
    expect(formatQualified('>', 72, '万吨', 'en')).toBe('over 720 thousand t');
    expect(formatQualified('text', null, '', 'en')).toBe('qualitative');
  });
});

describe('formatGap', () => {
  it('says points for growth and amounts for levels', () => {
    expect(formatGap(-2, 'growth', '%', 'en')).toBe('2 points short');
    expect(formatGap(-2, 'growth', '%', 'zh')).toBe('差 2 个百分点');
    expect(formatGap(1, 'level', '万吨', 'en')).toBe('10 thousand t ahead');
  });
});
