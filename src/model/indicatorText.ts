/**
 * Words about the indicator view's figures, in both languages: a figure as the report writes
 * it, its source in one line, and the written description of the whole chart (its accessible
 * name). Pure strings; the chart's tooltip and the view's table use the same phrasing.
 */
import { common, defineMessages, nameOf, translate, type Params } from '../core/i18n';
import type { Lang } from '../core/url';
import type { Indicator, Observation, Source } from '../data/types';
import type { Shown } from './catalog';
import { figureText } from './figureText';
import { isGap, type IndicatorCell, type IndicatorModel } from './indicatorModel';

export const indicatorWords = defineMessages({
  zh: {
    result: '实际',
    target: '目标',
    estimate: '预计',
    estimateNote: '（预计）',
    wording: '表述',
    status: '状态',
    source: '来源',
    quote: '原文',
    line: '第{line}行',
    noText: '未留存原文',
    conflict: '来源说法不一',
    otherSource: '另一来源：{value}（{source}）',
    qualitative: '定性目标',
    qualShort: '定性',
    noFigures: '无数据',
    // A missing figure, by the rules of status.ts (missingResult, missingTarget).
    pending: '待公布',
    'result-not-held': '结果未收录',
    'no-target': '未设目标',
    'target-not-held': '目标未收录',
    chartKind: '{indicator}（{unit}）柱状图，{years}，{districts}并列。',
    chartKindNoUnit: '{indicator}柱状图，{years}，{districts}并列。',
    years: '{from}—{to}年',
    year: '{year}年',
    listSep: '、',
    bitSep: '，',
    clauseEnd: '。',
    moreDistricts: '等{all}个地区',
    clauseSep: '；',
    districtLead: '{district}：',
    yearResult: '{year}年实际{value}',
    yearTarget: '{year}年目标{value}',
    yearStatus: '（{status}）',
    yearNone: '{year}年无数据',
    more: '另有 {count} 项数字见下表。',
    gaps: '没有数字的年份和地区留空，不作零处理。',
    noDistricts: '{indicator}：所选地区没有数字。',
  },
  en: {
    result: 'Result',
    target: 'Target',
    estimate: 'estimate',
    estimateNote: ' (estimate)',
    wording: 'Wording',
    status: 'Status',
    source: 'Source',
    quote: 'Quote',
    line: 'line {line}',
    noText: 'no text kept',
    conflict: 'Sources disagree',
    otherSource: 'other source: {value} ({source})',
    qualitative: 'qualitative target',
    qualShort: 'qual.',
    noFigures: 'no data',
    pending: 'result not yet published',
    'result-not-held': 'result not in the data',
    'no-target': 'no target set',
    'target-not-held': 'target not in the data',
    chartKind: 'Bar chart of {indicator} ({unit}), {years}, {districts} side by side. ',
    chartKindNoUnit: 'Bar chart of {indicator}, {years}, {districts} side by side. ',
    years: '{from}–{to}',
    year: '{year}',
    listSep: ', ',
    bitSep: ', ',
    clauseEnd: '. ',
    moreDistricts: 'and {more} more',
    clauseSep: '; ',
    districtLead: '{district}: ',
    yearResult: '{year} result {value}',
    yearTarget: '{year} target {value}',
    yearStatus: ' ({status})',
    yearNone: '{year} no data',
    more: '{count} more figures are in the table below. ',
    gaps: 'Years and districts without figures are left empty, not shown as zero.',
    noDistricts: '{indicator}: the chosen districts have no figures.',
  },
});

export type IndicatorWord = keyof (typeof indicatorWords)['zh'];
export const word = (lang: Lang, key: IndicatorWord, params?: Params) => translate(indicatorWords, lang, key, params);

export const indicatorName = (i: Indicator, lang: Lang) => nameOf(i, lang);
/** The description in this language, else the other one (a field per language, as nameOf). */
export const indicatorDescription = (i: Indicator, lang: Lang) => (lang === 'zh' ? i.description_zh || i.description_en : i.description_en || i.description_zh);

/** 土默特左旗政府工作报告 · 2024-12-26 · 第94行 */
export function sourceLine(obs: Observation, source: Source | undefined, lang: Lang): string {
  const parts = [source?.title_zh ?? obs.source];
  if (source?.published) parts.push(source.published);
  parts.push(obs.sourceLine !== null ? word(lang, 'line', { line: obs.sourceLine }) : word(lang, 'noText'));
  return parts.join(' · ');
}

/** The other sources' differing figures of a shown one, for the conflict flag. */
export function otherSources(shown: Shown, indicator: Indicator, sources: ReadonlyMap<string, Source>, lang: Lang): string[] {
  return shown.others
    .filter((o) => o.canonicalValue !== shown.obs.canonicalValue || o.comparator !== shown.obs.comparator)
    .map((o) => word(lang, 'otherSource', { value: figureText(o, indicator.unit, lang), source: sourceLine(o, sources.get(o.source), lang) }));
}

export function statusText(cell: IndicatorCell, lang: Lang): string {
  const s = translate(common, lang, cell.status.kind);
  return cell.status.provisional ? `${s}${translate(common, lang, 'provisional')}` : s;
}

const districtLabel = (cell: IndicatorCell, lang: Lang) => nameOf(cell.district, lang);

/** How many figures the description lists before pointing to the table (a screen reader reads it whole). */
export const DESCRIPTION_FIGURES = 40;

/**
 * The written description of the chart: what it shows, then each district's figures by year
 * with their status, bounded so that thousands of districts do not make an endless sentence.
 */
export function describeIndicator(m: IndicatorModel, lang: Lang): string {
  const name = indicatorName(m.indicator, lang);
  const sep = word(lang, 'listSep');
  const names = m.districts.map((d) => nameOf(d, lang));
  const shownNames = names.length > 8 ? [...names.slice(0, 8), word(lang, 'moreDistricts', { all: names.length, more: names.length - 8 })] : names;
  if (!m.years.length || !m.districts.length) return word(lang, 'noDistricts', { indicator: name });
  const years =
    m.years.length === 1 ? word(lang, 'year', { year: m.years[0]! }) : word(lang, 'years', { from: m.years[0]!, to: m.years.at(-1)! });
  const head = word(lang, m.indicator.unit ? 'chartKind' : 'chartKindNoUnit', { indicator: name, unit: m.indicator.unit, years, districts: shownNames.join(sep) });

  let budget = DESCRIPTION_FIGURES;
  let left = 0;
  const parts: string[] = [];
  for (const row of m.cells) {
    const clauses: string[] = [];
    for (const c of row) {
      if (isGap(c)) continue;
      if (budget <= 0) {
        left += (c.actual ? 1 : 0) + (c.target ? 1 : 0);
        continue;
      }
      const bits: string[] = [];
      if (c.actual) bits.push(word(lang, 'yearResult', { year: c.year, value: figureText(c.actual.obs, m.indicator.unit, lang) }));
      if (c.target) bits.push(word(lang, 'yearTarget', { year: c.year, value: figureText(c.target.obs, m.indicator.unit, lang) }));
      budget -= bits.length;
      let clause = bits.join(word(lang, 'bitSep'));
      if (c.actual && c.target) clause += word(lang, 'yearStatus', { status: statusText(c, lang) });
      clauses.push(clause);
    }
    if (clauses.length) parts.push(word(lang, 'districtLead', { district: districtLabel(row[0]!, lang) }) + clauses.join(word(lang, 'clauseSep')));
  }
  const end = word(lang, 'clauseEnd');
  return [head, parts.map((p) => p + end).join(''), left ? word(lang, 'more', { count: left }) : '', word(lang, 'gaps')].join('');
}
