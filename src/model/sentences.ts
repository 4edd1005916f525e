/**
 * Plain sentences for the citizen pages, in Chinese and English, made only from the figures:
 * the latest result (qualifier and 预计 kept), a comparison with the year before only when that
 * year has a result and the qualifiers allow one, and the targets where a source sets them.
 * Pure: figures in, a string out; no catalog, no React.
 */
import { translate, type Params } from '../core/i18n';
import type { Lang } from '../core/url';
import type { Better, Comparator, Measure } from '../data/types';
import { formatNumber, formatQualified, formatValue } from './format';
import { sentenceWords } from './sentenceWords';
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
type Word = keyof (typeof sentenceWords)['zh'];
const w = (lang: Lang, key: Word, params?: Params) => translate(sentenceWords, lang, key, params);
/** The key of a clause, or of the same clause said of an estimate. */
const est = <K extends Word>(f: Figure, key: K) => (f.estimate ? (`${key}Estimate` as Word) : key);
const join = (parts: string[], lang: Lang) => parts.filter(Boolean).join(w(lang, 'sep'));

const q = (f: Figure, unit: string, lang: Lang) => formatQualified(f.comparator, f.value, unit, lang);

/** A figure in brackets after a year: "297天" / "预计297天" / "expected 297 days". */
function plain(f: Figure, unit: string, lang: Lang): string {
  const s = q(f, unit, lang);
  return f.estimate ? w(lang, 'expected', { value: s }) : s;
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
  if (ind.measure !== 'level') return w(lang, 'points', { n: formatNumber(d, lang), d });
  return formatValue(d, ind.unit, lang);
}

/** more/fewer words per indicator: days are counted, tonnes and mu are amounts, shares are higher. */
function moreLess(ind: IndicatorFigures, up: boolean, lang: Lang): string {
  if (ind.measure !== 'level') return w(lang, up ? 'higher' : 'lower');
  if (ind.unit === '天') return w(lang, up ? 'more' : 'fewer');
  return w(lang, up ? 'more' : 'less');
}

/** Compared with the year before: only what the two figures support. */
export function comparison(ind: IndicatorFigures, cur: Figure, lang: Lang): string {
  const py = cur.year - 1;
  const actuals = withValue(ind.actuals);
  const prev = byYear(actuals, py);
  if (!prev) return w(lang, actuals.some((f) => f.year < cur.year) ? 'noPrevious' : 'onlyYear', { py });
  const change = compareFigures(cur, prev, ind.measure);
  const pq = plain(prev, ind.unit, lang);
  if (change === 'same') return w(lang, est(cur, 'same'), { py, pq });
  if (change === 'unknown') return w(lang, ind.measure === 'level' ? 'unknownLevel' : 'unknownShare', { py, pq });
  const diff = difference(cur, prev, ind, lang);
  const word = moreLess(ind, change === 'up', lang);
  const amount = diff ? w(lang, 'amountBy', { word, diff }) : w(lang, 'amount', { word });
  return w(lang, est(cur, 'changed'), { py, pq, amount });
}

/** The target of the result's own year, met or not. Empty when that year has no target. */
export function targetOfYear(ind: IndicatorFigures, year: number, lang: Lang): string {
  const t = byYear(ind.targets, year);
  if (!t) return '';
  const l = label(ind.id, lang);
  if (t.comparator === 'text' || t.value === null) return w(lang, 'yearTargetText', { l });
  const tq = q(t, ind.unit, lang);
  const a = byYear(withValue(ind.actuals), year);
  const st = status(ind, { comparator: t.comparator, value: t.value }, a ? { value: a.value, estimate: a.estimate } : null, ind.missing(year));
  if (st.kind === 'pending') return w(lang, 'yearTargetPending', { l, tq });
  // From 1 April of the next year the result should be out: say only that the data lack it.
  if (st.kind === 'result-not-held') return w(lang, 'yearTargetNotHeld', { l, tq });
  return w(lang, st.kind as 'met' | 'near' | 'missed', { l, tq, est: st.provisional ? w(lang, 'provisional') : '' });
}

/** The earliest target after `year` (the one people are waiting on). */
export function nextTarget(ind: IndicatorFigures, year: number | null, lang: Lang): string {
  const t = ind.targets.filter((f) => year === null || f.year > year).sort((a, b) => a.year - b.year)[0];
  if (!t) return '';
  const l = label(ind.id, lang);
  if (t.comparator === 'text' || t.value === null) return w(lang, 'nextTargetText', { year: t.year, l });
  return w(lang, 'nextTarget', { year: t.year, l, tq: q(t, ind.unit, lang) });
}

/** Targets: the main indicator's, and the companion's where the main one has none. */
function targetClauses(main: IndicatorFigures, companion: IndicatorFigures, year: number | null, lang: Lang): string[] {
  const out: string[] = [];
  const own = year === null ? '' : targetOfYear(main, year, lang) || targetOfYear(companion, year, lang);
  out.push(own);
  out.push(nextTarget(main, year, lang) || nextTarget(companion, year, lang));
  return out;
}

function nothing(name: Name, what: 'airWhat' | 'grainWhat', main: IndicatorFigures, companion: IndicatorFigures, lang: Lang): string {
  // Said of the data, not of the world: a report may give the figure that the site does not hold.
  const none = w(lang, 'nothing', { name: name[lang], what: w(lang, what) });
  return join([none, ...targetClauses(main, companion, null, lang)], lang);
}

/**
 * Air: "2024年，土默特左旗全年366天中有297天空气质量为优良，报告写明的优良天数比例为85.4%。…"
 * Falls back to the ratio when a district reports only the ratio.
 */
export function airSentence({ name, days, ratio }: AirSentenceInput, lang: Lang): string {
  const d = latest(withValue(days.actuals));
  const r = latest(withValue(ratio.actuals));
  if (!d && !r) return nothing(name, 'airWhat', days, ratio, lang);
  if (!d && r) {
    const open = w(lang, est(r, 'ratioOpen'), { year: r.year, name: name[lang], verb: zhVerb(r.comparator), value: q(r, ratio.unit, lang) });
    return join([open, comparison(ratio, r, lang), ...targetClauses(ratio, days, r.year, lang)], lang);
  }
  const cur = d!;
  const sameRatio = byYear(withValue(ratio.actuals), cur.year);
  // 有297天 / 有297天左右 / 有297天以上 read well; 突破/不高于 need the subject form.
  const body = w(lang, est(cur, ['=', '~', '>='].includes(cur.comparator) ? 'daysHave' : 'daysSubject'), { value: q(cur, days.unit, lang) });
  const aside = sameRatio ? w(lang, est(sameRatio, 'ratioAside'), { verb: zhVerb(sameRatio.comparator), value: q(sameRatio, ratio.unit, lang) }) : '';
  const open = w(lang, 'daysOpen', { year: cur.year, name: name[lang], total: daysInYear(cur.year), body, aside });
  return join([open, comparison(days, cur, lang), ...targetClauses(days, ratio, cur.year, lang)], lang);
}

/** Grain: "2024年，土默特左旗粮食总产量突破72万吨，播种面积为140万亩。…" */
export function grainSentence({ name, output, area }: GrainSentenceInput, lang: Lang): string {
  const o = latest(withValue(output.actuals));
  const a = latest(withValue(area.actuals));
  if (!o && !a) return nothing(name, 'grainWhat', output, area, lang);
  if (!o && a) {
    const open = w(lang, est(a, 'areaOpen'), { year: a.year, name: name[lang], verb: zhVerb(a.comparator), value: q(a, area.unit, lang) });
    return join([open, comparison(area, a, lang), ...targetClauses(area, output, a.year, lang)], lang);
  }
  const cur = o!;
  const sameArea = byYear(withValue(area.actuals), cur.year);
  const aside = sameArea ? w(lang, est(sameArea, 'areaAside'), { verb: zhVerb(sameArea.comparator), value: q(sameArea, area.unit, lang) }) : '';
  const open = w(lang, est(cur, 'outputOpen'), { year: cur.year, name: name[lang], verb: zhVerb(cur.comparator), value: q(cur, output.unit, lang), aside });
  return join([open, comparison(output, cur, lang), ...targetClauses(output, area, cur.year, lang)], lang);
}
