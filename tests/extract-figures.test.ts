/** The reader of numbers, units and qualifiers: made-up phrases in the ways reports write them. */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/extract/figures';
import { flatten } from '../src/extract/segment';

/** The figures of a phrase as the extractor reads it (spaces, ** and line breaks dropped). */
const figs = (text: string) => {
  const ft = flatten(text);
  return readFigures(ft.flat).map((f) => ({ value: f.value, unit: f.unit, comparator: f.comparator }));
};
const one = (text: string) => {
  const all = figs(text);
  expect(all, text).toHaveLength(1);
  return all[0]!;
};

describe('numbers and units', () => {
  it('reads decimals, grouped thousands, full-width digits and spaces inside a figure', () => {
    expect(one('增长6.5%')).toEqual({ value: 6.5, unit: '%', comparator: '=' });
    expect(one('货物吞吐量达 1,010 万吨')).toEqual({ value: 1010, unit: '万吨', comparator: '=' });
    expect(one('粮食产量７２．５万吨')).toEqual({ value: 72.5, unit: '万吨', comparator: '=' });
    expect(one('增长 6.5 ％ 左右')).toEqual({ value: 6.5, unit: '%', comparator: '~' });
    expect(one('城镇新增就业**3200**人')).toEqual({ value: 3200, unit: '人', comparator: '=' });
  });

  it('keeps the unit as written, prefix and all', () => {
    expect(one('粮食产量12.6亿斤').unit).toBe('亿斤');
    expect(one('接待游客350万人次').unit).toBe('万人次');
    expect(one('提高1.2个百分点')).toEqual({ value: 1.2, unit: '个百分点', comparator: '=' });
    expect(one('营业收入4.3亿元').unit).toBe('亿元');
  });

  it('reads a number wrapped across lines', () => {
    expect(one('粮食总产量稳定在4万吨以\n\n上')).toEqual({ value: 4, unit: '万吨', comparator: '>=' });
    expect(one('技术交易额2\n3.5万元')).toEqual({ value: 23.5, unit: '万元', comparator: '=' });
  });
});

describe('qualifiers', () => {
  it.each([
    ['增长7%左右', '~'],
    ['增长7%上下', '~'],
    ['约3200人', '~'],
    ['稳定在140万亩以上', '>='],
    ['不低于90%', '>='],
    ['不少于500人', '>='],
    ['突破400亿元', '>'],
    ['超过3亿元', '>'],
    ['超 2 亿元', '>'],
    ['180余场', '>'],
    ['2000多家', '>'],
    ['控制在3%以内', '<='],
    ['不超过4.5%', '<='],
    ['不高于0.9%', '<='],
    ['PM2.5平均浓度低于35微克/立方米', '<'],
    ['低于30%', '<'],
    ['控制在3%左右', '~'],
  ])('%s → %s', (text, comparator) => {
    const all = figs(text);
    if (comparator === null) expect(all).toEqual([]);
    else expect(all.at(-1)!.comparator).toBe(comparator);
  });

  it('reads 余 after a 万 prefix (3万余人) as over, unit 万人', () => {
    expect(one('带动就业3万余人')).toEqual({ value: 3, unit: '万人', comparator: '>' });
  });

  it('gives a fall its sign', () => {
    expect(one('能耗下降3%').value).toBe(-3);
    expect(one('同比下降 2.5 个百分点').value).toBe(-2.5);
    expect(one('增速回落1.1%').value).toBe(-1.1);
    expect(one('增长-2.3%').value).toBe(-2.3);
    expect(one('减少碳排放5万吨').value).toBe(5);
  });
});

describe('what is not a figure', () => {
  it.each([
    '2024年12月26日',
    '土左政字〔2023〕81号',
    '2023年第1期（总第37期）',
    '第3批示范县',
    'PM2.5平均浓度',
    '建成5G基站',
    '“十四五”规划',
    '排名位列全区前20',
    '2023—2025年',
    '截至10月底',
  ])('%s has no figure', (text) => {
    expect(figs(text)).toEqual([]);
  });

  it('leaves out page-number lines', () => {
    expect(figs('—3—\n- 12 -\n第 4 页\n5')).toEqual([]);
  });

  it('reads a range as its upper bound, noting the lower', () => {
    const ft = flatten('每年新建3—5个');
    const r = readFigures(ft.flat);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ value: 5, rangeFrom: 3 });
  });

  it('tells a size (6万吨技改项目) from a figure of the clause', () => {
    const ft = flatten('建成年产6万吨技改项目，粮食产量6万吨，新建4个公园');
    const [size, output, parks] = readFigures(ft.flat);
    expect(size!.modifier).toBe(true);
    expect(output!.modifier).toBe(false);
    expect(parks!.modifier).toBe(false);
    expect(parks!.counted).toBe(true);
  });
});
