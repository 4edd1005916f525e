/**
 * The lexicon: every name a report may give a catalogue indicator. Built from the catalogue's
 * own names (with their brackets, 增速 and 数 suffixes taken off) plus the variants reports use
 * for the headline indicators (生产总值 / GDP / 经济增长, 规上工业增加值, 社零额 …). A level and
 * its growth share a name (地区生产总值 → gdp or gdp-growth): the figure's unit decides.
 */
import { conversionFactor } from '../data/units';
import type { LexiconIndicator } from './types';

/** Names reports use besides the catalogue's, by indicator id. General phrasing, not one report's. */
export const VARIANTS: Record<string, string[]> = {
  'gdp-growth': ['地区生产总值', '生产总值', 'GDP', '经济增长', '经济增速', '国内生产总值', '地区GDP'],
  gdp: ['地区生产总值', '生产总值', 'GDP', '经济总量', '地区GDP'],
  'industrial-va-growth': ['规模以上工业增加值', '规上工业增加值', '规模以上工业企业增加值', '规上工业企业增加值', '工业增加值', '规上工业'],
  'fixed-investment-growth': ['固定资产投资', '全社会固定资产投资', '固投', '500万元以上固定资产投资', '项目投资'],
  'fixed-investment': ['固定资产投资', '全社会固定资产投资', '固投'],
  'retail-sales-growth': ['社会消费品零售总额', '社会消费品零售额', '社零额', '社零总额', '社消零', '消费品零售总额'],
  'retail-sales': ['社会消费品零售总额', '社会消费品零售额', '社零额', '社零总额', '消费品零售总额'],
  'budget-revenue-growth': ['一般公共预算收入', '地方一般公共预算收入', '一般预算收入', '公共财政预算收入', '财政一般预算收入', '地方财政收入'],
  'budget-revenue': ['一般公共预算收入', '地方一般公共预算收入', '一般预算收入', '公共财政预算收入', '地方财政收入'],
  'income-growth': ['全体居民人均可支配收入', '居民人均可支配收入', '人均可支配收入', '全体常住居民人均可支配收入', '常住居民人均可支配收入'],
  income: ['全体居民人均可支配收入', '居民人均可支配收入', '人均可支配收入', '全体常住居民人均可支配收入', '常住居民人均可支配收入'],
  'urban-income-growth': ['城镇常住居民人均可支配收入', '城镇居民人均可支配收入', '城镇居民收入'],
  'urban-income': ['城镇常住居民人均可支配收入', '城镇居民人均可支配收入'],
  'rural-income-growth': ['农村常住居民人均可支配收入', '农村牧区常住居民人均可支配收入', '农村居民人均可支配收入', '农牧民人均可支配收入', '农民人均可支配收入', '农村牧区居民人均可支配收入', '农牧民收入', '农民收入'],
  'rural-income': ['农村常住居民人均可支配收入', '农村牧区常住居民人均可支配收入', '农村居民人均可支配收入', '农牧民人均可支配收入', '农民人均可支配收入'],
  'trade-growth': ['进出口总额', '外贸进出口', '进出口总值', '外贸进出口总额', '对外贸易进出口总额', '进出口'],
  'grain-output': ['粮食总产量', '粮食产量', '粮食总产', '粮食生产总量', '粮食年产量'],
  'grain-area': ['粮食播种面积', '粮食种植面积', '粮食生产面积', '粮播面积', '粮食面积'],
  'dairy-cows': ['奶牛存栏', '奶牛存栏量', '奶牛存栏数', '奶牛总量', '奶牛数量'],
  'milk-output': ['鲜奶产量', '牛奶产量', '生鲜乳产量', '鲜奶总产量', '生鲜乳', '奶产量'],
  'aq-good-days': ['空气质量优良天数', '优良天数', '环境空气质量优良天数', '空气优良天数', '空气质量达标天数', '蓝天天数'],
  'aq-good-ratio': ['空气质量优良天数比例', '优良天数比例', '优良天数比率', '优良天数占比', '空气质量优良率', '优良率', '空气质量优良天数比率', '空气质量达标率'],
  'new-urban-jobs': ['城镇新增就业', '新增城镇就业', '城镇新增就业人数', '新增就业', '新增就业岗位'],
  'urban-unemployment-rate': ['城镇调查失业率', '调查失业率', '城镇登记失业率', '登记失业率', '失业率'],
  'cpi-growth': ['居民消费价格涨幅', '居民消费价格指数涨幅', '居民消费价格总水平涨幅', 'CPI涨幅', '居民消费价格', '物价涨幅', '居民消费价格指数'],
  'pm25-concentration': ['细颗粒物（PM2.5）平均浓度', '细颗粒物平均浓度', 'PM2.5平均浓度', 'PM2.5浓度', '细颗粒物浓度'],
  'high-standard-farmland-new': ['新建高标准农田', '新建和改造高标准农田', '新建和改造提升高标准农田', '建设高标准农田', '高标准农田建设'],
  'high-standard-farmland': ['高标准农田累计', '累计建成高标准农田'],
  'tourists': ['接待游客', '接待国内外游客', '接待旅游人数', '游客接待量', '旅游人数', '接待游客量'],
  'tourism-revenue': ['旅游收入', '旅游综合收入', '旅游总收入', '实现旅游收入'],
  'market-entities': ['市场主体', '经营主体', '市场主体总量', '经营主体总量'],
  'new-parking-spaces': ['停车泊位', '公共停车位', '停车位'],
  'rd-expenditure': ['R&D投入', 'R&D经费', '研发投入', '研发经费'],
  'rd-expenditure-growth': ['R&D投入', 'R&D经费', '研发投入', '研发经费'],
  'milk-output-daily': ['日产鲜奶', '鲜奶日产量'],
  'rural-labour-transfer': ['农村劳动力转移就业', '农牧民转移就业', '农村牧区劳动力转移', '农村劳动力转移', '转移就业'],
  'old-communities-renovated': ['改造老旧小区', '老旧小区改造', '老旧小区'],
  'rural-toilet-renovation': ['户厕改造', '改造户厕', '卫生厕所改造'],
  'patents-granted': ['专利授权'],
  'logistics-throughput': ['物流总吞吐量', '货物吞吐量', '物流吞吐量', '吞吐量'],
  'young-forest-tending': ['抚育中幼林', '中幼林抚育'],
  'degraded-grassland-restored': ['修复退化草原', '退化草原修复'],
  'degraded-forest-restored': ['修复退化林', '退化林修复'],
  'industrial-enterprises': ['规上企业', '规上工业企业', '规模以上企业'],
  'enterprises-upgraded-new': ['升规纳统', '升规入统', '升规纳统企业', '入库纳统'],
  'primary-industry-output': ['一产产值', '农林牧渔业总产值', '农牧业总产值', '第一产业总产值'],
  'primary-industry-output-growth': ['一产产值', '农林牧渔业总产值', '农牧业总产值', '第一产业总产值'],
  'skills-training-persons': ['技能培训', '职业技能培训'],
  'social-assistance-funds': ['救助资金', '社会救助资金'],
  'tax-fee-relief': ['减税降费', '留抵退税', '减税降费和留抵退税'],
  'public-kindergarten-share': ['公办园幼儿占比', '公办园在园幼儿占比', '公办幼儿园在园幼儿占比'],
  'inclusive-kindergarten-coverage': ['普惠园幼儿占比', '普惠性幼儿园在园幼儿占比', '普惠性幼儿园覆盖率', '普惠园覆盖率'],
};

export interface LexEntry {
  /** The name as it is searched for (no spaces, half-width). */
  alias: string;
  ids: string[];
}

export interface Lexicon {
  entries: Map<string, LexEntry>;
  /** Aliases by first character, longest first. */
  byFirst: Map<string, LexEntry[]>;
  indicators: Map<string, LexiconIndicator>;
}

/** Words reports write one way or another for the same thing. */
const SYNONYMS: [string, string][] = [
  ['总产量', '产量'],
  ['年产量', '产量'],
  ['综合利用率', '利用率'],
  ['回收率', '回收利用率'],
  ['种植面积', '生产面积'],
  ['种植面积', '播种面积'],
  ['播种面积', '种植面积'],
  ['生产面积', '种植面积'],
];

/** Words that make a count one of the year's new things (新增, 新认定, 获评 …). */
export const FRESH = /新增|新认定|获评|获批|新培育|新建|新获|新引进|新签约|新入驻|新注册|新登记|新开工|新创建|新评定|升规/;
const NEW_PREFIX = /^(?:当年)?(?:新增|新建和改造|新建（改造）|新建|新认定|新获评|新培育|新获|新创建)/;

/**
 * Names derived from a catalogue name: brackets kept or dropped; 增速 and 数 taken off; 规模以上
 * also written 规上; 国家级 also 国家; a new-things name (新增X) also plain X (the figure's own
 * words, 新增 or 获评, then tell it from the total).
 */
export function namesOf(name: string): string[] {
  const out = new Set<string>([name]);
  const noBrackets = name.replace(/[（(][^）)]*[）)]/g, '');
  const inBrackets = name.replace(/[（()）]/g, '');
  out.add(noBrackets).add(inBrackets);
  for (const n of [...out]) {
    const bare = n.replace(/(?:增速|增幅|增长率|增长)$/, '');
    if (bare.length >= 2) out.add(bare);
    // What is counted or measured, without the word for the count (人数, 里程, 面积, 发放额).
    const noCount = bare.replace(/(?:人数|数量|总数|总量|里程|面积|规模|发放额|金额|工程|数)$/, '');
    if (noCount.length >= 4) out.add(noCount);
  }
  for (const n of [...out]) {
    // Fillers a report may leave out: 肉类总产量 → 肉类产量, 畜禽粪污综合利用率 → 畜禽粪污利用率.
    for (const [from, to] of SYNONYMS) if (n.includes(from)) out.add(n.replace(from, to));
    const noArea = n.replace(/^城乡(?=居民)/, '');
    if (noArea !== n) out.add(noArea);
  }
  for (const n of [...out]) {
    const plain = n.replace(NEW_PREFIX, '');
    if (plain !== n && plain.length >= 3) out.add(plain);
  }
  for (const n of [...out]) {
    if (n.includes('规模以上')) out.add(n.replace('规模以上', '规上'));
    if (/(?:国家|自治区|省|市|县|旗)级/.test(n)) out.add(n.replace(/(国家|自治区|省|市|县|旗)级/g, '$1'));
    const noLevel = n.replace(/^(?:国家|自治区|省|市|县|旗)级/, '');
    if (noLevel !== n && noLevel.length >= 5) out.add(noLevel);
  }
  return [...out].filter((n) => n.length >= 2);
}

/** An indicator that counts the year's new things (新增市场主体), not the total. */
export const isFresh = (ind: LexiconIndicator) => ind.id.endsWith('-new') || /^(?:当年)?新/.test(ind.name_zh);

/** Marks in a name's way that are no part of it (“一刻钟便民生活圈”). */
const IGNORABLE = /[“”‘’"'「」『』《》]/;

/** The end of `a` read at s[p] (marks skipped), or -1. */
function exactAt(s: string, p: number, a: string, to: number): number {
  let q = p;
  for (let k = 0; k < a.length; k++) {
    while (q < to && k > 0 && IGNORABLE.test(s[q]!) && s[q] !== a[k]) q++;
    if (q >= to || s[q] !== a[k]) return -1;
    q++;
  }
  return q;
}

export function buildLexicon(indicators: LexiconIndicator[]): Lexicon {
  const entries = new Map<string, LexEntry>();
  const add = (alias: string, id: string) => {
    const a = alias.replace(/\s+/g, '');
    if (a.length < 2) return;
    const e = entries.get(a) ?? { alias: a, ids: [] };
    if (!e.ids.includes(id)) e.ids.push(id);
    entries.set(a, e);
  };
  const byId = new Map(indicators.map((i) => [i.id, i]));
  for (const ind of indicators) {
    for (const n of namesOf(ind.name_zh)) add(n, ind.id);
    for (const v of VARIANTS[ind.id] ?? []) add(v, ind.id);
  }
  const byFirst = new Map<string, LexEntry[]>();
  for (const e of entries.values()) {
    const list = byFirst.get(e.alias[0]!) ?? [];
    list.push(e);
    byFirst.set(e.alias[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.alias.length - a.alias.length);
  return { entries, byFirst, indicators: byId };
}

export interface Mention {
  start: number;
  end: number;
  entry: LexEntry;
  /** Found as the name's characters in order with a few others between (旅游综合收入 ~ 旅游收入). */
  fuzzy: boolean;
}

/** Every exact mention in s[from, to), plus loose ones of names of four or more characters. */
export function mentionsIn(lex: Lexicon, s: string, from: number, to: number): Mention[] {
  const out: Mention[] = [];
  for (let p = from; p < to; p++) {
    const list = lex.byFirst.get(s[p]!);
    if (!list) continue;
    for (const entry of list) {
      const a = entry.alias;
      const e = exactAt(s, p, a, to);
      if (e > 0) {
        out.push({ start: p, end: e, entry, fuzzy: false });
        continue;
      }
      if (a.length < 4) continue;
      // Loose: the name's characters in order, at most three others between, last one matched.
      let q = p + 1;
      let k = 1;
      const limit = Math.min(to, p + a.length + 3);
      while (q < limit && k < a.length) {
        if (s[q] === a[k]) k++;
        q++;
      }
      if (k === a.length) out.push({ start: p, end: q, entry, fuzzy: true });
    }
  }
  return out;
}

/**
 * Which of a name's indicators a figure in `unit` can be: a % figure after 增长 is a growth rate,
 * after other words a ratio; an amount must convert to the indicator's unit; `fresh` words prefer
 * the indicator of new things.
 */
export function resolve(lex: Lexicon, entry: LexEntry, unit: string, growthWords: boolean, fresh = false): string | null {
  const isPct = unit === '%' || unit.endsWith('百分点');
  let best: string | null = null;
  let bestScore = -1;
  for (const id of entry.ids) {
    const ind = lex.indicators.get(id);
    if (!ind) continue;
    let score = -1;
    if (isPct) {
      if (ind.unit !== '%') continue;
      score = ind.measure === 'growth' ? (growthWords ? 3 : 1) : growthWords ? 1 : 2;
    } else if (ind.unit !== '%' && conversionFactor(unit, ind.unit) !== null) {
      score = 2;
    }
    if (score >= 0 && isFresh(ind) === fresh) score += 0.5;
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
