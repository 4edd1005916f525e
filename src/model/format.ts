/**
 * Numbers as the reports write them (72万吨, 6.5%左右) and a faithful English rendering
 * (720 thousand t, about 6.5%). Pure; the views only place the strings.
 */
import { defineMessages, translate } from '../core/i18n';
import type { Lang } from '../core/url';
import type { Comparator, Observation } from '../data/types';
import { splitUnit } from '../data/units';
import { decimalText, type DecimalOptions } from './decimalText';

/**
 * The public note of a figure in the page's language: `note` on Chinese pages, `note_en` on
 * English ones (empty: no note, never the Chinese one). The curator's `remark` is never public.
 */
export function publicNote(o: Pick<Observation, 'note' | 'noteEn'>, lang: Lang): string {
  return lang === 'zh' ? o.note : o.noteEn; // a field per language, as nameOf chooses a name
}

/**
 * Trim float noise: 18.5 × 10⁴ / 10³ is 185, not 185.00000000000003. Fifteen significant
 * digits: every figure a file holds with up to 15 digits is kept exactly (a double holds 15–17).
 */
export function clean(x: number): number {
  return Number(x.toPrecision(15));
}

// Numbers are written without Intl where decimalText can (all the files' figures): the first Intl
// object a page makes costs a slow phone 100–150 ms before the first figure. The rest go to one
// formatter per language, made on first need (Number#toLocaleString would make one per call).
const NUMBER_OPTIONS: Record<Lang, [string, DecimalOptions]> = {
  zh: ['zh-CN', { maximumFractionDigits: 6, useGrouping: false }],
  en: ['en-US', { maximumFractionDigits: 6, useGrouping: true }],
};
const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

export function formatNumber(x: number, lang: Lang): string {
  const n = clean(x);
  return decimalText(n, NUMBER_OPTIONS[lang][1]) ?? intlFormat(n, lang);
}

/** Intl's own writing of a number, for the cases decimalText leaves to it (and for its tests). */
export function intlFormat(x: number, lang: Lang): string {
  return (numberFormats[lang] ??= new Intl.NumberFormat(...NUMBER_OPTIONS[lang])).format(x);
}

const EN_BASE: Record<string, [string, string]> = {
  // base unit: [singular, plural]
  吨: ['t', 't'],
  头: ['head', 'head'],
  只: ['head', 'head'],
  亩: ['mu', 'mu'],
  公顷: ['ha', 'ha'],
  元: ['yuan', 'yuan'],
  人: ['person', 'people'],
  人次: ['person-time', 'person-times'],
  户: ['entity', 'entities'],
  家: ['entity', 'entities'],
  个: ['', ''],
  所: ['', ''],
  件: ['', ''],
  项: ['', ''],
  天: ['day', 'days'],
  公里: ['km', 'km'],
  千米: ['km', 'km'],
  平方米: ['m²', 'm²'],
  '微克/立方米': ['µg/m³', 'µg/m³'],
  千瓦时: ['kWh', 'kWh'],
};

const SCALES: [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

/** 72 万吨 → "720 thousand t"; 400 亿元 → "40 billion yuan"; 6.5 % → "6.5%". */
export function formatValueEn(value: number, unit: string): string {
  const u = unit.trim();
  if (u === '%') return `${formatNumber(value, 'en')}%`;
  if (u === '') return formatNumber(value, 'en');
  const { base, factor } = splitUnit(u);
  const names = EN_BASE[base];
  const label = names ? (Math.abs(value * factor) === 1 ? names[0] : names[1]) : base;
  const amount = value * factor;
  if (factor > 1) {
    for (const [scale, word] of SCALES) {
      if (Math.abs(amount) >= scale) return `${formatNumber(amount / scale, 'en')} ${word}${label ? ' ' + label : ''}`;
    }
  }
  return `${formatNumber(amount, 'en')}${label ? ' ' + label : ''}`;
}

export function formatValue(value: number, unit: string, lang: Lang): string {
  // The number format per language: the reports' own (72万吨) or the English rendering.
  return lang === 'zh' ? `${formatNumber(value, 'zh')}${unit}` : formatValueEn(value, unit);
}

/** A value with its qualifier, in the reports' own pattern: 6.5%左右, 突破72万吨 / about 6.5%. */
export function formatQualified(comparator: Comparator, value: number | null, unit: string, lang: Lang): string {
  if (comparator === 'text' || value === null) return QUALIFIED[lang].text;
  const v = formatValue(value, unit, lang);
  // A plain replace, not translate(): this runs for every figure a table shows.
  return QUALIFIED[lang][comparator].replace('{v}', () => v);
}

const QUALIFIED = defineMessages<Comparator>({
  zh: { '=': '{v}', '~': '{v}左右', '>=': '{v}以上', '>': '突破{v}', '<=': '不高于{v}', '<': '低于{v}', text: '定性目标' },
  en: { '=': '{v}', '~': 'about {v}', '>=': 'at least {v}', '>': 'over {v}', '<=': 'at most {v}', '<': 'under {v}', text: 'qualitative' },
});

const COMPARATOR_WORDS = defineMessages<Comparator>({
  zh: { '=': '达到', '~': '约（左右）', '>=': '以上（不低于）', '>': '突破（超过）', '<=': '不高于', '<': '低于', text: '定性（无数字）' },
  en: { '=': 'exactly', '~': 'about', '>=': 'at least', '>': 'over', '<=': 'at most', '<': 'under', text: 'qualitative (no number)' },
});

const GAP_WORDS = defineMessages({
  zh: { levelShort: '差 {v}', levelAhead: '超 {v}', pointsShort: '差 {v} 个百分点', pointsAhead: '超 {v} 个百分点' },
  en: { levelShort: '{v} short', levelAhead: '{v} ahead', pointsShort: '{v} points short', pointsAhead: '{v} points ahead' },
});

/** The comparator in words, for tooltips and tables. */
export function comparatorWords(c: Comparator, lang: Lang): string {
  return COMPARATOR_WORDS[lang][c];
}

/** A gap for the reader: "2.0 percentage points below" / "低 2 个百分点". */
export function formatGap(gap: number, measure: 'growth' | 'ratio' | 'level', unit: string, lang: Lang): string {
  const abs = Math.abs(gap);
  const below = gap < 0;
  if (measure === 'level') {
    return translate(GAP_WORDS, lang, below ? 'levelShort' : 'levelAhead', { v: formatValue(abs, unit, lang) });
  }
  return translate(GAP_WORDS, lang, below ? 'pointsShort' : 'pointsAhead', { v: formatNumber(abs, lang) });
}
