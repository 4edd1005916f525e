import { describe, expect, it } from 'vitest';
import { parseRowsWithLines } from '../src/data/csv';
import { numbersIn, readNumber } from '../src/data/numbers';
import { SourceText } from '../src/data/quotes';
import { allowedUnits, conversionFactor } from '../src/data/units';
import { quoteHolds } from '../src/data/validate';

describe('parseRowsWithLines', () => {
  it('knows the line each row starts on, across quoted line breaks and CRLF', () => {
    const rows = parseRowsWithLines('a,b\r\n"x\r\ny",z\r\n\r\nlast,row\r\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(rows[1]!.cells).toEqual(['x\r\ny', 'z']);
  });
});

describe('readNumber', () => {
  it.each([
    ['72', 72],
    [' 6.5 ', 6.5],
    ['７２', 72],
    ['１，０１０', 1010],
    ['1,010', 1010],
    ['-0.5', -0.5],
  ])('%s → %s', (cell, value) => {
    const r = readNumber(cell);
    expect(r.ok && r.value).toBe(value);
  });

  it('names a unit stuck to the number', () => {
    expect(readNumber('72万吨')).toEqual({ ok: false, reason: 'unit', number: '72', unit: '万吨' });
    expect(readNumber('6.5%')).toEqual({ ok: false, reason: 'unit', number: '6.5', unit: '%' });
  });

  it('refuses what is not a number', () => {
    expect(readNumber('about 7')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(readNumber('1,01')).toEqual({ ok: false, reason: 'not-a-number' });
  });
});

describe('numbersIn', () => {
  it('reads every number of a quote', () => {
    expect(numbersIn('货物吞吐量达 1,010 万吨，增长19.2%')).toEqual([1010, 19.2]);
    expect(numbersIn('优良天数达２９７天')).toEqual([297]);
  });
});

describe('units', () => {
  it('converts 万 and 亿 multiples of the same base', () => {
    expect(conversionFactor('吨', '万吨')).toBe(1e-4);
    expect(conversionFactor('万元', '亿元')).toBe(1e-4);
    expect(conversionFactor('万头', '万头')).toBe(1);
    expect(conversionFactor('万家', '户')).toBe(1e4);
  });
  it('refuses units of another base, and any change of %', () => {
    expect(conversionFactor('万吨', '万亩')).toBeNull();
    expect(conversionFactor('%', '‰')).toBeNull();
    expect(conversionFactor('千克', '万克')).toBeNull();
  });
  it('lists the units a staff member may write', () => {
    expect(allowedUnits('万吨')).toEqual(['吨', '万吨', '亿吨', '斤', '万斤', '亿斤', '公斤', '万公斤', '亿公斤']);
    expect(allowedUnits('%')).toEqual(['%']);
  });
});

describe('SourceText', () => {
  const t = new SourceText('第一行\n\n预计全年地区生产总值同比增长7%;规模以上工业增加值\n 增长10%;固定资产投资\n\n增长21.2%');
  it('finds a quote that runs across wrapped and blank lines, ignoring spaces', () => {
    expect(t.foundAt('规模以上工业增加值 增长10%', 3)).toBe(true);
    expect(t.foundAt('固定资产投资增长21.2%', 4)).toBe(true);
  });
  it('requires the quote to start on its line', () => {
    expect(t.foundAt('增长10%', 3)).toBe(false);
    expect(t.foundAt('增长10%', 4)).toBe(true);
    expect(t.linesOf('增长10%')).toEqual([4]);
  });
  it('refuses an empty quote and a line out of range', () => {
    expect(t.foundAt('', 1)).toBe(false);
    expect(t.foundAt('第一行', 99)).toBe(false);
  });
});

describe('quoteHolds: the value is a number of its quote', () => {
  it.each([
    ['增长6.5%左右', 6.5, true],
    ['增长6.5%左右', 6.4, false],
    ['同比下降1.5%', -1.5, true],
    ['增速为-1.5%', -1.5, true],
    ['同比增长1.5%', -1.5, false],
    ['进出口总额减少2.3亿元', -2.3, true],
  ])('%s holds %d: %s', (quote, value, holds) => {
    expect(quoteHolds(quote, value)).toBe(holds);
  });
});
