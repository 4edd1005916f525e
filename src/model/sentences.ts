/**
 * Plain sentences for the citizen pages, in Chinese and English, made only from the figures:
 * the latest result (qualifier and 预计 kept), a comparison with the year before only when that
 * year has a result and the qualifiers allow one, and the targets where a source sets them.
 * Pure: figures in, a string out; no catalog, no React.
 */
import type { Lang } from '../core/url';
import type { Better, Comparator, Measure } from '../data/types';
import { formatNumber, formatQualified, formatValue } from './format';
import { type MissingContext, status, tolerance } from './status';

/** One figure as a sentence needs it: value in the indicator's canonical unit. */
export interface Figure {
  year: number;
  comparator: Comparator;
  /** null only for a `text` comparator (a target in words). */
  value: number | null;
  estimate: boolean;
}

export interface IndicatorFigures {
  /** Indicator id: picks the wording (aq-good-days, aq-good-ratio, grain-output, grain-area). */
  id: string;
  unit: string;
  measure: Measure;
  better: Better;
  actuals: Figure[];
  targets: Figure[];
  /** What may be said today of a missing figure of a year (Catalog.missingContext). */
  missing: (year: number) => MissingContext;
}

export interface Name {
  zh: string;
  en: string;
}

export interface AirSentenceInput {
  name: Name;
  days: IndicatorFigures;
  ratio: IndicatorFigures;
}

export interface GrainSentenceInput {
  name: Name;
  output: IndicatorFigures;
  area: IndicatorFigures;
}

export const daysInYear = (y: number) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);

/** Short names used in target clauses. */
const LABEL: Record<string, Name> = {
  'aq-good-days': { zh: '优良天数', en: 'days of good air' },
  'aq-good-ratio': { zh: '优良天数比例', en: 'the share of good-air days' },
  'grain-output': { zh: '粮食总产量', en: 'grain output' },
  'grain-area': { zh: '粮食播种面积', en: 'grain sown area' },
};
const label = (id: string, lang: Lang) => LABEL[id]?.[lang] ?? id;

/** The range a qualified number allows; `~` spans the status tolerance (2 % of a level, 0.5 points of a share). */
export interface Bounds {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

export function bounds(f: Figure, measure: Measure): Bounds | null {
  const v = f.value;
  if (v === null || f.comparator === 'text') return null;
  switch (f.comparator) {
    case '=':
      return { lo: v, loOpen: false, hi: v, hiOpen: false };
    case '~': {
      const t = tolerance(measure, v);
      return { lo: v - t, loOpen: false, hi: v + t, hiOpen: false };
    }
    case '>=':
      return { lo: v, loOpen: false, hi: Infinity, hiOpen: true };
    case '>':
      return { lo: v, loOpen: true, hi: Infinity, hiOpen: true };
    case '<=':
      return { lo: -Infinity, loOpen: true, hi: v, hiOpen: false };
    case '<':
      return { lo: -Infinity, loOpen: true, hi: v, hiOpen: true };
  }
}

export type Change = 'up' | 'down' | 'same' | 'unknown';

/** Whether `cur` is surely above, below or equal to `prev`, given their qualifiers; else unknown. */
export function compareFigures(cur: Figure, prev: Figure, measure: Measure): Change {
  const a = bounds(cur, measure);
  const b = bounds(prev, measure);
  if (!a || !b) return 'unknown';
  if (a.lo > b.hi || (a.lo === b.hi && (a.loOpen || b.hiOpen))) return 'up';
  if (a.hi < b.lo || (a.hi === b.lo && (a.hiOpen || b.loOpen))) return 'down';
  if (cur.comparator === '=' && prev.comparator === '=' && cur.value === prev.value) return 'same';
  return 'unknown';
}

const withValue = (list: Figure[]) => list.filter((f) => f.value !== null);
const byYear = (list: Figure[], year: number) => list.find((f) => f.year === year) ?? null;
const latest = (list: Figure[]) => list.reduce<Figure | null>((best, f) => (best === null || f.year > best.year ? f : best), null);
const join = (parts: string[], lang: Lang) => parts.filter(Boolean).join(lang === 'zh' ? '' : ' ');

const q = (f: Figure, unit: string, lang: Lang) => formatQualified(f.comparator, f.value, unit, lang);

/** A figure in brackets after a year: "297天" / "预计297天" / "expected 297 days". */
function plain(f: Figure, unit: string, lang: Lang): string {
  const s = q(f, unit, lang);
  if (!f.estimate) return s;
  return lang === 'zh' ? `预计${s}` : `expected ${s}`;
}

/** zh verb before a qualified number: 为297天, 在4万吨以上; 突破/不高于/低于 are verbs already. */
function zhVerb(c: Comparator): string {
  if (c === '>' || c === '<=' || c === '<') return '';
  return c === '>=' ? '在' : '为';
}

/** The exact difference, only when both figures are plain numbers. */
function difference(cur: Figure, prev: Figure, ind: IndicatorFigures, lang: Lang): string | null {
  if (cur.comparator !== '=' || prev.comparator !== '=' || cur.value === null || prev.value === null) return null;
  const d = Math.abs(cur.value - prev.value);
  if (ind.measure !== 'level') return lang === 'zh' ? `${formatNumber(d, 'zh')}个百分点` : `${formatNumber(d, 'en')} percentage point${d === 1 ? '' : 's'}`;
  return formatValue(d, ind.unit, lang);
}

/** more/fewer words per indicator: days are counted, tonnes and mu are amounts, shares are higher. */
function moreLess(ind: IndicatorFigures, up: boolean, lang: Lang): string {
  if (lang === 'zh') {
    if (ind.measure !== 'level') return up ? '高' : '低';
    return up ? '多' : '少';
  }
  if (ind.measure !== 'level') return up ? 'higher' : 'lower';
  if (ind.unit === '天') return up ? 'more' : 'fewer';
  return up ? 'more' : 'less';
}

/** Compared with the year before: only what the two figures support. */
export function comparison(ind: IndicatorFigures, cur: Figure, lang: Lang): string {
  const py = cur.year - 1;
  const actuals = withValue(ind.actuals);
  const prev = byYear(actuals, py);
  if (!prev) {
    if (actuals.some((f) => f.year < cur.year)) {
      return lang === 'zh' ? `${py}年没有数字，无法与上一年比较。` : `There is no figure for ${py}, so no comparison with the year before.`;
    }
    return lang === 'zh' ? '这是目前唯一有结果数字的一年，还看不出变化。' : 'This is the only year with a reported result so far, so there is no trend yet.';
  }
  const change = compareFigures(cur, prev, ind.measure);
  const pq = plain(prev, ind.unit, lang);
  if (lang === 'zh') {
    const pre = cur.estimate ? '预计' : '';
    if (change === 'same') return `${pre}与${py}年（${pq}）持平。`;
    if (change === 'unknown') return `${py}年为${pq}；按原文的说法，无法判断哪一年更${moreLess(ind, true, 'zh')}。`;
    return `${pre}比${py}年（${pq}）${moreLess(ind, change === 'up', 'zh')}${difference(cur, prev, ind, 'zh') ?? ''}。`;
  }
  const be = cur.estimate ? 'That would be' : 'That is';
  if (change === 'same') return `${be} the same as in ${py} (${pq}).`;
  if (change === 'unknown') return `In ${py} it was ${pq}; as the sources word it, it cannot be told which year ${ind.measure === 'level' ? 'had more' : 'was higher'}.`;
  const diff = difference(cur, prev, ind, 'en');
  const word = moreLess(ind, change === 'up', 'en');
  return `${be} ${diff ? `${diff} ${word}` : word} than in ${py} (${pq}).`;
}

/** The target of the result's own year, met or not. Empty when that year has no target. */
export function targetOfYear(ind: IndicatorFigures, year: number, lang: Lang): string {
  const t = byYear(ind.targets, year);
  if (!t) return '';
  const l = label(ind.id, lang);
  if (t.comparator === 'text' || t.value === null) {
    return lang === 'zh' ? `当年${l}的目标用文字表述，没有具体数字。` : `That year's target for ${l} is given in words, without a number.`;
  }
  const tq = q(t, ind.unit, lang);
  const a = byYear(withValue(ind.actuals), year);
  const st = status(ind, { comparator: t.comparator, value: t.value }, a ? { value: a.value, estimate: a.estimate } : null, ind.missing(year));
  if (st.kind === 'pending') return lang === 'zh' ? `当年${l}的目标是${tq}，结果还没有公布。` : `That year's target for ${l} was ${tq}; no result has been reported yet.`;
  // From 1 April of the next year the result should be out: say only that the data lack it.
  if (st.kind === 'result-not-held') {
    return lang === 'zh' ? `当年${l}的目标是${tq}，本站数据尚未收录其结果。` : `That year's target for ${l} was ${tq}; its result is not in the data.`;
  }
  const est = st.provisional ? (lang === 'zh' ? '（按预计数）' : ' (going by an estimate)') : '';
  if (lang === 'zh') {
    const verb = { met: '达到了', near: '接近但没有达到', missed: '没有达到' }[st.kind as 'met' | 'near' | 'missed'];
    return `${verb}当年${l}的目标（${tq}）${est}。`;
  }
  const en = { met: 'That meets', near: 'That is close to, but short of,', missed: 'That falls short of' }[st.kind as 'met' | 'near' | 'missed'];
  return `${en} the year's target for ${l} (${tq})${est}.`;
}

/** The earliest target after `year` (the one people are waiting on). */
export function nextTarget(ind: IndicatorFigures, year: number | null, lang: Lang): string {
  const t = ind.targets.filter((f) => year === null || f.year > year).sort((a, b) => a.year - b.year)[0];
  if (!t) return '';
  const l = label(ind.id, lang);
  if (t.comparator === 'text' || t.value === null) {
    return lang === 'zh' ? `${t.year}年${l}的目标用文字表述，没有具体数字。` : `The ${t.year} target for ${l} is given in words, without a number.`;
  }
  const tq = q(t, ind.unit, lang);
  return lang === 'zh' ? `${t.year}年${l}的目标是${tq}。` : `The ${t.year} target for ${l} is ${tq}.`;
}

/** Targets: the main indicator's, and the companion's where the main one has none. */
function targetClauses(main: IndicatorFigures, companion: IndicatorFigures, year: number | null, lang: Lang): string[] {
  const out: string[] = [];
  const own = year === null ? '' : targetOfYear(main, year, lang) || targetOfYear(companion, year, lang);
  out.push(own);
  out.push(nextTarget(main, year, lang) || nextTarget(companion, year, lang));
  return out;
}

function nothing(name: Name, what: Name, main: IndicatorFigures, companion: IndicatorFigures, lang: Lang): string {
  // Said of the data, not of the world: a report may give the figure that the site does not hold.
  const none = lang === 'zh' ? `本站数据中没有${name.zh}${what.zh}的结果数字。` : `The data hold no figure for ${what.en} in ${name.en}.`;
  return join([none, ...targetClauses(main, companion, null, lang)], lang);
}

/**
 * Air: "2024年，土默特左旗全年366天中有297天空气质量为优良，报告写明的优良天数比例为85.4%。…"
 * Falls back to the ratio when a district reports only the ratio.
 */
export function airSentence({ name, days, ratio }: AirSentenceInput, lang: Lang): string {
  const d = latest(withValue(days.actuals));
  const r = latest(withValue(ratio.actuals));
  if (!d && !r) return nothing(name, { zh: '空气质量优良天数', en: 'days of good air' }, days, ratio, lang);
  if (!d && r) {
    const rq = q(r, ratio.unit, lang);
    const open =
      lang === 'zh'
        ? `${r.year}年，${name.zh}空气质量优良天数比例${r.estimate ? '预计' : ''}${zhVerb(r.comparator)}${rq}。`
        : `In ${r.year}, ${name.en} ${r.estimate ? 'is expected to have had' : 'had'} good air on ${rq} of the days monitored.`;
    return join([open, comparison(ratio, r, lang), ...targetClauses(ratio, days, r.year, lang)], lang);
  }
  const cur = d!;
  const total = daysInYear(cur.year);
  const dq = q(cur, days.unit, lang);
  const sameRatio = byYear(withValue(ratio.actuals), cur.year);
  let open: string;
  if (lang === 'zh') {
    const pre = cur.estimate ? '预计' : '';
    // 有297天 / 有297天左右 / 有297天以上 read well; 突破/不高于 need the subject form.
    const body = ['=', '~', '>='].includes(cur.comparator) ? `${pre}有${dq}空气质量为优良` : `空气质量优良天数${pre}${dq}`;
    const aside = sameRatio ? `，报告写明的优良天数比例${sameRatio.estimate ? '预计' : ''}${zhVerb(sameRatio.comparator)}${q(sameRatio, ratio.unit, 'zh')}` : '';
    open = `${cur.year}年，${name.zh}全年${total}天中${body}${aside}。`;
  } else {
    const verb = cur.estimate ? 'is expected to have had' : 'had';
    const aside = sameRatio
      ? `; the report ${sameRatio.estimate ? 'expects' : 'gives'} the share of good-air days ${sameRatio.estimate ? 'to be' : 'as'} ${q(sameRatio, ratio.unit, 'en')}`
      : '';
    open = `In ${cur.year}, ${name.en} ${verb} good air on ${dq} out of ${total}${aside}.`;
  }
  return join([open, comparison(days, cur, lang), ...targetClauses(days, ratio, cur.year, lang)], lang);
}

/** Grain: "2024年，土默特左旗粮食总产量突破72万吨，播种面积为140万亩。…" */
export function grainSentence({ name, output, area }: GrainSentenceInput, lang: Lang): string {
  const o = latest(withValue(output.actuals));
  const a = latest(withValue(area.actuals));
  if (!o && !a) return nothing(name, { zh: '粮食产量', en: 'grain output' }, output, area, lang);
  if (!o && a) {
    const aq = q(a, area.unit, lang);
    const open =
      lang === 'zh'
        ? `${a.year}年，${name.zh}粮食播种面积${a.estimate ? '预计' : ''}${zhVerb(a.comparator)}${aq}。`
        : `In ${a.year}, ${name.en} ${a.estimate ? 'is expected to have sown' : 'sowed'} ${aq} with grain.`;
    return join([open, comparison(area, a, lang), ...targetClauses(area, output, a.year, lang)], lang);
  }
  const cur = o!;
  const oq = q(cur, output.unit, lang);
  const sameArea = byYear(withValue(area.actuals), cur.year);
  let open: string;
  if (lang === 'zh') {
    const aside = sameArea ? `，播种面积${sameArea.estimate ? '预计' : ''}${zhVerb(sameArea.comparator)}${q(sameArea, area.unit, 'zh')}` : '';
    open = `${cur.year}年，${name.zh}粮食总产量${cur.estimate ? '预计' : ''}${zhVerb(cur.comparator)}${oq}${aside}。`;
  } else {
    const aside = sameArea ? ` from ${sameArea.estimate ? 'an expected ' : ''}${q(sameArea, area.unit, 'en')} sown` : '';
    open = `In ${cur.year}, ${name.en} ${cur.estimate ? 'is expected to have harvested' : 'harvested'} ${oq} of grain${aside}.`;
  }
  return join([open, comparison(output, cur, lang), ...targetClauses(output, area, cur.year, lang)], lang);
}
