import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalText } from '../src/model/decimalText';
import { clean, formatGap, formatNumber, formatQualified, formatValue, formatValueEn, intlFormat } from '../src/model/format';

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

describe('numbers written without Intl (decimalText)', () => {
  const fmt = (lang: 'zh' | 'en') => (x: number) => [formatNumber(x, lang), intlFormat(clean(x), lang)];
  // Figures as files hold them (a few decimals), rounding edges, and any double at all.
  const decimals = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 9 })).map(([n, d]) => n / 10 ** d);
  const halves = fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.constantFrom(5e-7, 4.9e-7, 5.0000001e-7, 9.999995e-1)).map(([n, e]) => n + e);
  const anyDouble = fc.double({ noNaN: false });

  it.each(['zh', 'en'] as const)('agrees with Intl.NumberFormat (%s)', (lang) => {
    fc.assert(
      fc.property(fc.oneof(decimals, halves, anyDouble, fc.constantFrom(0, -0, 999_999.9999999, -0.0000004, 1e21, 123456789012345, 0.1 + 0.2)), (x) => {
        const [ours, intl] = fmt(lang)(x);
        expect(ours).toBe(intl);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes the shapes a reader sees', () => {
    const zh = { maximumFractionDigits: 6, useGrouping: false };
    const en = { maximumFractionDigits: 6, useGrouping: true };
    expect(decimalText(1234567.5, en)).toBe('1,234,567.5');
    expect(decimalText(1234567.5, zh)).toBe('1234567.5');
    expect(decimalText(0.9999996, en)).toBe('1');
    expect(decimalText(-12.3456785, zh)).toBe('-12.345679');
    expect(decimalText(999.9999995, en)).toBe('1,000');
    // Left to Intl: "-0", exponent forms, non-finite.
    expect(decimalText(-0.0000001, zh)).toBeNull();
    expect(decimalText(1e21, en)).toBeNull();
    expect(decimalText(Number.NaN, en)).toBeNull();
  });
});
