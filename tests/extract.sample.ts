/** A small catalogue for the extractor's tests: the headline indicators and a few counts. */
import type { LexiconIndicator } from '../src/extract/types';

const ind = (id: string, name_zh: string, unit: string, measure: LexiconIndicator['measure']): LexiconIndicator => ({ id, name_zh, name_en: id, unit, measure });

export const CATALOGUE: LexiconIndicator[] = [
  ind('gdp-growth', '地区生产总值增速', '%', 'growth'),
  ind('gdp', '地区生产总值', '亿元', 'level'),
  ind('industrial-va-growth', '规模以上工业增加值增速', '%', 'growth'),
  ind('fixed-investment-growth', '固定资产投资增速', '%', 'growth'),
  ind('retail-sales-growth', '社会消费品零售总额增速', '%', 'growth'),
  ind('retail-sales', '社会消费品零售总额', '亿元', 'level'),
  ind('budget-revenue-growth', '一般公共预算收入增速', '%', 'growth'),
  ind('income-growth', '全体居民人均可支配收入增速', '%', 'growth'),
  ind('urban-income-growth', '城镇常住居民人均可支配收入增速', '%', 'growth'),
  ind('rural-income-growth', '农村常住居民人均可支配收入增速', '%', 'growth'),
  ind('urban-income', '城镇常住居民人均可支配收入', '元', 'level'),
  ind('rural-income', '农村常住居民人均可支配收入', '元', 'level'),
  ind('urban-unemployment-rate', '城镇调查失业率', '%', 'ratio'),
  ind('cpi-growth', '居民消费价格涨幅', '%', 'growth'),
  ind('trade-growth', '进出口总额增速', '%', 'growth'),
  ind('grain-output', '粮食总产量', '万吨', 'level'),
  ind('grain-area', '粮食播种面积', '万亩', 'level'),
  ind('dairy-cows', '奶牛存栏', '万头', 'level'),
  ind('aq-good-days', '空气质量优良天数', '天', 'level'),
  ind('aq-good-ratio', '空气质量优良天数比例', '%', 'ratio'),
  ind('new-urban-jobs', '城镇新增就业', '人', 'level'),
  ind('market-entities', '市场主体总量', '户', 'level'),
  ind('market-entities-new', '新增市场主体', '户', 'level'),
  ind('high-tech-enterprises', '国家级高新技术企业数', '家', 'level'),
  ind('high-tech-enterprises-new', '新认定国家级高新技术企业', '家', 'level'),
  ind('pension-insured-employees', '城镇职工基本养老保险参保人数', '万人', 'level'),
  ind('pension-insured-residents', '城乡居民养老保险参保人数', '万人', 'level'),
  ind('tourists', '接待游客', '万人次', 'level'),
  ind('tourists-growth', '接待游客增速', '%', 'growth'),
  ind('old-communities-renovated', '老旧小区改造', '个', 'level'),
];
