/**
 * Numbers as the reports write them (72万吨, 6.5%左右) and a faithful English rendering
 * (720 thousand t, about 6.5%). Pure; the views only place the strings.
 */
import type { Lang } from '../core/url';
import type { Comparator, Observation } from '../data/types';
import { splitUnit } from '../data/units';

/**
 * The public note of a figure in the page's language: `note` on Chinese pages, `note_en` on
 * English ones (empty: no note, never the Chinese one). The curator's `remark` is never public.
 */
export function publicNote(o: Pick<Observation, 'note' | 'noteEn'>, lang: Lang): string {
  return lang === 'zh' ? o.note : o.noteEn;
}

/**
 * Trim float noise: 18.5 × 10⁴ / 10³ is 185, not 185.00000000000003. Fifteen significant
 * digits: every figure a file holds with up to 15 digits is kept exactly (a double holds 15–17).
 */
export function clean(x: number): number {
  return Number(x.toPrecision(15));
}

// One formatter per language: Number#toLocaleString builds a new Intl.NumberFormat on every
// call, which made numbers the costliest part of drawing a table row.
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6, useGrouping: false }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: true }),
};

export function formatNumber(x: number, lang: Lang): string {
  return NUMBER_FORMATS[lang].format(clean(x));
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
  return lang === 'zh' ? `${formatNumber(value, 'zh')}${unit}` : formatValueEn(value, unit);
}

/** A value with its qualifier, in the reports' own pattern: 6.5%左右, 突破72万吨 / about 6.5%. */
export function formatQualified(comparator: Comparator, value: number | null, unit: string, lang: Lang): string {
  if (comparator === 'text' || value === null) return lang === 'zh' ? '定性目标' : 'qualitative';
  const v = formatValue(value, unit, lang);
  if (lang === 'zh') {
    switch (comparator) {
      case '~': return `${v}左右`;
      case '>=': return `${v}以上`;
      case '>': return `突破${v}`;
      case '<=': return `不高于${v}`;
      case '<': return `低于${v}`;
      default: return v;
    }
  }
  switch (comparator) {
    case '~': return `about ${v}`;
    case '>=': return `at least ${v}`;
    case '>': return `over ${v}`;
    case '<=': return `at most ${v}`;
    case '<': return `under ${v}`;
    default: return v;
  }
}

/** The comparator in words, for tooltips and tables. */
export function comparatorWords(c: Comparator, lang: Lang): string {
  const zh: Record<Comparator, string> = { '=': '达到', '~': '约（左右）', '>=': '以上（不低于）', '>': '突破（超过）', '<=': '不高于', '<': '低于', text: '定性（无数字）' };
  const en: Record<Comparator, string> = { '=': 'exactly', '~': 'about', '>=': 'at least', '>': 'over', '<=': 'at most', '<': 'under', text: 'qualitative (no number)' };
  return (lang === 'zh' ? zh : en)[c];
}

/** A gap for the reader: "2.0 percentage points below" / "低 2 个百分点". */
export function formatGap(gap: number, measure: 'growth' | 'ratio' | 'level', unit: string, lang: Lang): string {
  const abs = Math.abs(gap);
  const below = gap < 0;
  if (measure === 'level') {
    const v = formatValue(abs, unit, lang);
    if (lang === 'zh') return below ? `差 ${v}` : `超 ${v}`;
    return below ? `${v} short` : `${v} ahead`;
  }
  const n = formatNumber(abs, lang);
  if (lang === 'zh') return below ? `差 ${n} 个百分点` : `超 ${n} 个百分点`;
  return below ? `${n} points short` : `${n} points ahead`;
}
