/**
 * Report text → draft rows, on made-up report passages: the lexicon's variants, the year and
 * kind from the document's structure and words, estimate marks, 分别, and what is never a row.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts } from '../src/extract/index';
import type { DraftRow } from '../src/extract/types';
import { CATALOGUE } from './extract.sample';

const draft = (text: string, published?: string) => extractDrafts(text, CATALOGUE, { district: 'test-county', source: 'src-1', published }).rows;
const pick = (rows: DraftRow[]) => rows.map((r) => ({ indicator: r.indicator, value: r.value, comparator: r.comparator, kind: r.kind, year: r.year, estimate: r.estimate }));
const byIndicator = (rows: DraftRow[], id: string) => rows.filter((r) => r.indicator === id);

describe('the lexicon: one indicator, many names', () => {
  it.each([
    ['全县地区生产总值增长5.5%。', 'gdp-growth'],
    ['全年生产总值增长5.5%。', 'gdp-growth'],
    ['GDP增长5.5%。', 'gdp-growth'],
    ['经济增长5.5%左右。', 'gdp-growth'],
    ['规模以上工业增加值增长8%。', 'industrial-va-growth'],
    ['规上工业增加值增长8%。', 'industrial-va-growth'],
    ['社零额增长6%。', 'retail-sales-growth'],
    ['社会消费品零售总额增长6%。', 'retail-sales-growth'],
    ['社会消费品零售总额达到85.6亿元。', 'retail-sales'],
    ['地区生产总值达到412亿元。', 'gdp'],
    ['粮食产量达到12.6亿斤。', 'grain-output'],
    ['粮食总产稳定在150万吨以上。', 'grain-output'],
    ['粮食总产量达到3.2亿公斤。', 'grain-output'],
    ['粮食种植面积稳定在80万亩。', 'grain-area'],
    ['空气质量优良天数达到310天。', 'aq-good-days'],
    ['优良天数310天。', 'aq-good-days'],
    ['空气质量优良率达到88.2%。', 'aq-good-ratio'],
    ['优良天数比例为85%。', 'aq-good-ratio'],
    ['城镇新增就业3200人。', 'new-urban-jobs'],
    ['新增城镇就业3200人。', 'new-urban-jobs'],
    ['城镇调查失业率控制在5.5%以内。', 'urban-unemployment-rate'],
    ['居民消费价格涨幅控制在3%左右。', 'cpi-growth'],
    ['全体居民人均可支配收入增长6%。', 'income-growth'],
    ['接待国内外游客420万人次。', 'tourists'],
  ])('%s → %s', (text, id) => {
    const rows = draft(text, '2025-01-20');
    expect(rows.map((r) => r.indicator)).toEqual([id]);
  });

  it('keeps the unit as written: 亿斤 stays 亿斤 (convertible to the indicator\'s 万吨)', () => {
    const [r] = draft('粮食产量达到12.6亿斤。', '2025-01-20');
    expect(r).toMatchObject({ value: 12.6, unit: '亿斤', indicator: 'grain-output' });
  });

  it('tells the year\'s new things from the total by the words around the count', () => {
    const rows = draft('新增市场主体2100户，市场主体总量达到4.2万户。今年有12家企业获评国家级高新技术企业，全县国家级高新技术企业达到57家。', '2025-01-20');
    expect(rows.map((r) => [r.indicator, r.value])).toEqual([
      ['market-entities-new', 2100],
      ['market-entities', 4.2],
      ['high-tech-enterprises-new', 12],
      ['high-tech-enterprises', 57],
    ]);
  });

  it('reads a level and its growth in the usual way (X达到N亿元，同比增长M%), both high', () => {
    const rows = draft('过去一年，全年实现地区生产总值285.6亿元，同比增长5.2%；一般公共预算收入完成18.3亿元，下降2.1%。', '2025-02-18');
    expect(rows.map((r) => [r.indicator, r.value, r.confidence])).toEqual([
      ['gdp', 285.6, 'high'],
      ['gdp-growth', 5.2, 'high'],
      // The sample catalogue has no budget revenue level: no indicator, low.
      ['', 18.3, 'low'],
      ['budget-revenue-growth', -2.1, 'high'],
    ]);
  });

  it('borrows the name of the clause before for a clause that names nothing', () => {
    const rows = draft('过去一年，接待游客560万人次，同比增长18%。', '2025-01-20');
    expect(rows.map((r) => [r.indicator, r.value])).toEqual([
      ['tourists', 560],
      ['tourists-growth', 18],
    ]);
    expect(rows[1]!.quote).toBe('接待游客560万人次，同比增长18%');
  });

  it('names a catalogue indicator nowhere it is not said, and keeps the words as written', () => {
    const [r] = draft('过去一年，新建污水管网36公里。', '2025-01-20');
    expect(r).toMatchObject({ indicator: '', value: 36, unit: '公里', confidence: 'low' });
    expect(r!.nameAsWritten).toBe('新建污水管网');
  });
});

describe('two figures in one sentence (分别)', () => {
  it('城乡居民 … 分别增长7%和8% → urban 7, rural 8', () => {
    const rows = draft('过去一年，城乡居民人均可支配收入分别增长7%和8%。', '2025-01-20');
    expect(pick(rows)).toEqual([
      { indicator: 'urban-income-growth', value: 7, comparator: '=', kind: 'actual', year: 2024, estimate: false },
      { indicator: 'rural-income-growth', value: 8, comparator: '=', kind: 'actual', year: 2024, estimate: false },
    ]);
  });

  it('城镇、农村 … 分别 with a shared ending, and levels in 元', () => {
    const rows = draft('城镇和农村常住居民人均可支配收入分别达到45210元、21680元。', '2025-01-20');
    expect(rows.map((r) => [r.indicator, r.value, r.unit])).toEqual([
      ['urban-income', 45210, '元'],
      ['rural-income', 21680, '元'],
    ]);
  });

  it('a second 分别 with no names of its own reuses the first\'s', () => {
    const rows = draft('过去一年，城乡居民人均可支配收入分别达到42860元和19870元，分别增长5%和7.2%。', '2025-02-18');
    expect(rows.map((r) => [r.indicator, r.value, r.confidence])).toEqual([
      ['urban-income', 42860, 'high'],
      ['rural-income', 19870, 'high'],
      ['urban-income-growth', 5, 'high'],
      ['rural-income-growth', 7.2, 'high'],
    ]);
    expect(rows[3]!.quote).toBe('城乡居民人均可支配收入分别达到42860元和19870元，分别增长5%和7.2%');
  });

  it('A、B参保人数分别达到 x 和 y: A borrows B\'s ending', () => {
    const rows = draft('城镇职工基本养老保险、城乡居民养老保险参保人数分别达到3.1万人和20.4万人。', '2025-01-20');
    expect(rows.map((r) => [r.indicator, r.value])).toEqual([
      ['pension-insured-employees', 3.1],
      ['pension-insured-residents', 20.4],
    ]);
  });
});

const REPORT = [
  '政府工作报告',
  '——2023年1月8日在某县第十七届人民代表大会第二次会议上',
  '一、2022年工作回顾',
  '预计地区生产总值增长4.5%，规上工业增加值增长9%；固定资产投资增长12%。粮食产量达到9.8亿斤。',
  '城镇新增就业2600人，初步核算，社会消费品零售总额下降1.5%。',
  '二、2023年工作安排',
  '全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，规上工业增加值增长10%以上，城镇调查失业率控制在5.5%以内，全体居民人均可支配收入增长与经济增长同步。',
  '力争粮食产量稳定在10亿斤以上。到2025年，空气质量优良天数比例不低于85%。“十四五”末，城镇新增就业累计达到1.5万人。',
].join('\n');

describe('year and kind from the structure and the words', () => {
  it('reads the review as 2022 results and the plan as 2023 targets, from the delivery line alone', () => {
    const rows = draft(REPORT);
    const gdp = byIndicator(rows, 'gdp-growth');
    expect(pick(gdp)).toEqual([
      { indicator: 'gdp-growth', value: 4.5, comparator: '=', kind: 'actual', year: 2022, estimate: true },
      { indicator: 'gdp-growth', value: 6, comparator: '~', kind: 'target', year: 2023, estimate: false },
    ]);
    expect(pick(byIndicator(rows, 'industrial-va-growth'))[1]).toMatchObject({ comparator: '>=', value: 10, kind: 'target', year: 2023 });
    expect(pick(byIndicator(rows, 'urban-unemployment-rate'))).toEqual([
      { indicator: 'urban-unemployment-rate', value: 5.5, comparator: '<=', kind: 'target', year: 2023, estimate: false },
    ]);
  });

  it('lets one 预计 govern its whole sentence, across ；, and no further', () => {
    const rows = draft(REPORT);
    expect(byIndicator(rows, 'fixed-investment-growth')[0]!.estimate).toBe(true);
    expect(byIndicator(rows, 'industrial-va-growth')[0]!.estimate).toBe(true);
    // The next sentence is not governed by it.
    expect(byIndicator(rows, 'grain-output')[0]!.estimate).toBe(false);
    expect(byIndicator(rows, 'new-urban-jobs')[0]!.estimate).toBe(false);
    // 初步核算 marks what follows it; a fall is negative.
    expect(pick(byIndicator(rows, 'retail-sales-growth'))).toEqual([
      { indicator: 'retail-sales-growth', value: -1.5, comparator: '=', kind: 'actual', year: 2022, estimate: true },
    ]);
  });

  it('reads 到2025年 and 十四五末 as targets of that year, and a target with no number as text', () => {
    const rows = draft(REPORT);
    expect(pick(byIndicator(rows, 'aq-good-ratio'))).toEqual([
      { indicator: 'aq-good-ratio', value: 85, comparator: '>=', kind: 'target', year: 2025, estimate: false },
    ]);
    const jobs = byIndicator(rows, 'new-urban-jobs');
    expect(jobs[1]).toMatchObject({ kind: 'target', year: 2025, value: 1.5, unit: '万人' });
    expect(jobs[1]!.confidence).not.toBe('high');
    const text = byIndicator(rows, 'income-growth');
    expect(text).toHaveLength(1);
    expect(text[0]).toMatchObject({ comparator: 'text', value: null, kind: 'target', year: 2023 });
    expect(text[0]!.quote).toBe('全体居民人均可支配收入增长与经济增长同步');
  });

  it('resolves 今年, 去年, 明年 and 过去一年 by the published date', () => {
    const rows = draft('去年粮食产量8.1亿斤。今年粮食产量力争达到8.5亿斤。明年城镇新增就业3000人。', '2024-03-02');
    expect(rows.map((r) => [r.year, r.kind])).toEqual([
      [2023, 'actual'],
      [2024, 'target'],
      [2025, 'target'],
    ]);
    const december = draft('过去一年，城镇新增就业2800人。', '2024-12-20');
    expect(december[0]).toMatchObject({ year: 2024, kind: 'actual' });
    const january = draft('过去一年，城镇新增就业2800人。', '2025-01-09');
    expect(january[0]).toMatchObject({ year: 2024, kind: 'actual' });
  });

  it('leaves the year empty where nothing says it', () => {
    const [r] = draft('城镇新增就业2800人。');
    expect(r!.year).toBeNull();
    expect(r!.confidence).not.toBe('high');
  });

  it('reads a plan by its title: targets of the title\'s year', () => {
    const rows = draft('某县2024年稳就业工作方案\n一、工作目标\n城镇新增就业4000人以上。', '2024-03-15');
    expect(pick(rows)).toEqual([{ indicator: 'new-urban-jobs', value: 4000, comparator: '>=', kind: 'target', year: 2024, estimate: false }]);
  });
});

describe('lines and quotes', () => {
  it('gives the line where the quote starts and the report\'s own words, across a wrapped line', () => {
    const text = '一、2024年工作回顾\n\n过去一年，我们稳住了经济。预计全年地区生产\n\n总值增长 5.2%；粮食总产量突破**72\n万吨**。';
    const rows = draft(text, '2025-01-10');
    expect(rows.map((r) => [r.line, r.quote])).toEqual([
      [3, '预计全年地区生产总值增长 5.2%'],
      [5, '粮食总产量突破**72万吨'],
    ]);
  });

  it('never drafts a date, a document number or a page number', () => {
    const text = '关于印发《某县2024年工作要点》的通知\n某政发〔2024〕12号\n2024年3月1日\n—2—\n第3页\n城镇新增就业3000人。';
    const rows = draft(text, '2024-03-01');
    expect(rows.map((r) => r.value)).toEqual([3000]);
  });

  it('marks a share of a wider whole and a thing\'s size as low', () => {
    const rows = draft('过去一年，粮食产量72万吨，占全市的37.6%。建成年产10万吨乳制品项目。', '2025-01-10');
    expect(rows.map((r) => [r.value, r.confidence])).toEqual([
      [72, 'high'],
      [37.6, 'low'],
      [10, 'low'],
    ]);
  });
});
