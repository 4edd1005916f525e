/**
 * Target or result, and which year: read from the document's structure (一、2024年工作回顾 /
 * 二、2025年工作安排 / a plan's title), its date (the delivery line 2024年12月26日在…会议上, or
 * the given `published`) and the words before a figure (力争, 预期目标, 到2025年, 今年, 过去一年,
 * 十四五末). An estimate mark (预计, 初步核算, 有望) governs the rest of its sentence.
 */
import type { ObsKind } from '../data/types';

export interface Section {
  kind: ObsKind | null;
  year: number | null;
  /** The year under review and the year being planned, from the document's date. */
  reviewYear: number | null;
  targetYear: number | null;
  /** The document's date year (今年). */
  dateYear: number | null;
  /** The year planned by the date the caller gave (`published`): a plan without a year in its title. */
  givenTargetYear: number | null;
}

export interface Reading {
  kind: ObsKind | null;
  year: number | null;
  /** The year was written or implied near the figure, or by a heading (not only by default). */
  yearSaid: boolean;
  estimate: boolean;
}

/** The years a document dated `iso` reviews and plans: a report of Dec 2024 or Jan 2025 reviews 2024. */
export function yearsOfDate(iso: string | undefined): Pick<Section, 'reviewYear' | 'targetYear' | 'dateYear'> {
  const m = /^(\d{4})-(\d{2})/.exec(iso ?? '');
  if (!m) return { reviewYear: null, targetYear: null, dateYear: null };
  const y = Number(m[1]);
  const month = Number(m[2]);
  return month >= 10 ? { reviewYear: y, targetYear: y + 1, dateYear: y } : { reviewYear: y - 1, targetYear: y, dateYear: y };
}

const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/;
const DELIVERY = /((?:19|20)\d{2})年(\d{1,2})月\d{1,2}日(?:在|于)[^。]{0,40}(?:会议|大会)/;
const REVIEW_HEAD = /回顾|总结|过去|成绩|成效|成就|完成情况|进展情况|工作情况|基本情况|发展现状/;
const SUB_REVIEW = /回顾|过去一年|过去五年|工作总结|完成情况/;
const SUB_PLAN = /目标|工作安排|工作打算|下一步|下步/;
const PLAN_HEAD = /安排|目标|任务|计划|打算|思路|要求|部署|举措|展望|总体要求|工作重点|重点工作/;
const PLAN_TITLE = /^(?:关于印发)?《[^》]*(?:方案|计划|规划|意见|要点|行动)[^》]*》(?:的通知)?$|^[^，,。；：:]{4,50}(?:方案|计划|规划|工作要点)(?:[（(][^）)]*[）)])?$/;
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．]|第[一二三四五六七八九十]+)/;
const REPORT_TITLE = /^(?:关于印发)?《[^》]*(?:报告|总结)[^》]*》(?:的通知)?$|^[^，,。；：:]{4,60}(?:报告|总结)$/;

/** A sentence that is a heading or a document's title moves the section. */
export function nextSection(prev: Section, sentence: string, isHeading: boolean): Section {
  const s: Section = { ...prev };
  const delivery = DELIVERY.exec(sentence);
  if (delivery) {
    Object.assign(s, yearsOfDate(`${delivery[1]}-${delivery[2]!.padStart(2, '0')}`));
    s.kind = null;
    s.year = null;
    return s;
  }
  const short = sentence.length <= 60;
  const yearM = YEAR.exec(sentence);
  const y = yearM ? Number(yearM[1]) : null;
  if (short && /政府工作报告$/.test(sentence)) return { ...s, kind: null, year: null };
  // A title may be set as a heading (## 关于…的报告), but a numbered heading (一、…) is not a title.
  const titleLike = short && (!isHeading || !NUMBERED.test(sentence));
  if (titleLike && PLAN_TITLE.test(sentence)) {
    // A new document: a plan sets targets for the year in its title (or the date's year).
    const year = y ?? s.givenTargetYear ?? s.targetYear;
    return { ...s, kind: 'target', year, reviewYear: year === null ? s.reviewYear : year - 1, targetYear: year ?? s.targetYear };
  }
  if (titleLike && REPORT_TITLE.test(sentence) && y !== null) {
    return { ...s, kind: 'actual', year: y, reviewYear: y, targetYear: y + 1 };
  }
  if (!isHeading) return s;
  // A sub-heading ((一), 1.) moves the kind only with plain words (回顾, 目标): 深化污染防治成效
  // under a plan's 重点任务 is still a plan.
  const sub = /^(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．])/.test(sentence);
  const review = sub ? SUB_REVIEW.test(sentence) : REVIEW_HEAD.test(sentence);
  const plan = sub ? SUB_PLAN.test(sentence) : PLAN_HEAD.test(sentence);
  if (review && plan) {
    // 主要举措和成效, 工作进展及下步打算: both; the figures under it are read by their own words.
    if (y !== null) s.year = y;
  } else if (review) {
    s.kind = 'actual';
    s.year = y ?? s.reviewYear;
  } else if (plan) {
    s.kind = 'target';
    s.year = y ?? s.targetYear;
  } else if (y !== null) {
    s.year = y;
  }
  return s;
}

const CUE =
  /(?:(到|至|截至|截止到?)?((?:19|20)\d{2})\s*年(?:底|末|前)?)|(十[一二三四五六七八九]?五)[”"’]?(?:规划)?(?:时期|期)?末|(今年|本年度|明年|去年|过去一年|刚刚过去的一年|一年来|过去五年|五年来)|(力争|确保|预期目标|主要目标|目标是|目标为|工作目标|的目标|计划|力求|争取达到|争取实现|要达到|年度目标)|(预计|初步核算|初步统计|有望|预估|将达)/g;

const FIVE_YEAR_END: Record<string, number> = { 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030, 十六五: 2035 };

/** A word before a figure that says its year, kind or estimate, at a flat offset. */
export interface Cue {
  at: number;
  m: RegExpExecArray;
}

/**
 * The cues of a sentence, read once (a long paragraph has many figures): years in a title
 * (《2023年…》) or a range (2023—2025年) say nothing of a figure and are left out.
 */
export function cuesIn(flat: string, from: number, to: number): Cue[] {
  const text = flat.slice(from, to);
  const out: Cue[] = [];
  CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (before.lastIndexOf('《') > before.lastIndexOf('》')) continue;
    if (m[2] && (/^[—\-–~至到]/.test(text.slice(m.index + m[0].length)) || /[—\-–~至]$/.test(before))) continue;
    out.push({ at: from + m.index, m });
  }
  return out;
}

/** The reading of a figure at flat offset `at` in a sentence starting at `from`, within section `sec`. */
export function readContext(flat: string, from: number, at: number, sec: Section, cues = cuesIn(flat, from, at)): Reading {
  let kind = sec.kind;
  let year = sec.year;
  let yearSaid = sec.year !== null;
  let estimate = false;
  for (const { at: where, m } of cues) {
    if (where >= at) break;
    if (m[2]) {
      const y = Number(m[2]);
      year = y;
      yearSaid = true;
      if (m[1]) kind = 'target';
      else if (sec.targetYear !== null && y >= sec.targetYear) kind = 'target';
      else if (sec.reviewYear !== null && y <= sec.reviewYear) kind = kind === 'target' && sec.kind === 'target' && y === sec.year ? 'target' : 'actual';
    } else if (m[3]) {
      year = FIVE_YEAR_END[m[3]] ?? year;
      yearSaid = true;
      kind = 'target';
    } else if (m[4]) {
      const w = m[4];
      if (w === '今年' || w === '本年度') {
        if (sec.dateYear !== null) year = sec.dateYear;
        yearSaid = sec.dateYear !== null;
      } else if (w === '明年') {
        if (sec.dateYear !== null) year = sec.dateYear + 1;
        kind = 'target';
        yearSaid = sec.dateYear !== null;
      } else if (w === '去年') {
        if (sec.dateYear !== null) year = sec.dateYear - 1;
        kind = 'actual';
        yearSaid = sec.dateYear !== null;
      } else if (w === '过去五年' || w === '五年来') {
        kind = 'actual';
        year = null;
        yearSaid = false;
      } else {
        kind = 'actual';
        if (sec.reviewYear !== null) year = sec.reviewYear;
        yearSaid = sec.reviewYear !== null;
      }
    } else if (m[5]) {
      kind = 'target';
      if (year === null && sec.targetYear !== null) year = sec.targetYear;
    } else if (m[6]) {
      estimate = true;
    }
  }
  return { kind, year, yearSaid, estimate };
}
