/** Weights convert across bases: reports give grain in 万吨, 万斤 or 亿斤. */
import { describe, expect, it } from 'vitest';
import { allowedUnits, conversionFactor } from '../src/data/units';

describe('weights', () => {
  it('converts 斤 and 公斤 to 吨 with their prefixes', () => {
    expect(conversionFactor('亿斤', '万吨')).toBeCloseTo(5, 12);
    expect(conversionFactor('万斤', '万吨')).toBeCloseTo(0.0005, 12);
    expect(conversionFactor('万公斤', '吨')).toBeCloseTo(10, 12);
    expect(conversionFactor('万吨', '亿斤')).toBeCloseTo(0.2, 12);
  });

  it('still refuses units of different quantities', () => {
    expect(conversionFactor('亿斤', '万亩')).toBeNull();
    expect(conversionFactor('%', '万吨')).toBeNull();
    expect(conversionFactor('万头', '万吨')).toBeNull();
  });

  it('names the weights a staff member may write for a 万吨 indicator', () => {
    expect(allowedUnits('万吨')).toEqual(expect.arrayContaining(['吨', '万吨', '亿吨', '斤', '万斤', '亿斤', '公斤']));
    expect(allowedUnits('万亩')).toEqual(['亩', '万亩', '亿亩']);
  });
});
