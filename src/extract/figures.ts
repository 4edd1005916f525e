/**
 * The figures of a flat report text: a number with its unit, its qualifier (左右 → `~`,
 * 以上/不低于 → `>=`, 突破/超过/余 → `>`, 以内/不超过/控制在 → `<=`, 低于 → `<`) and its sign
 * (下降3% → −3). Dates, ordinals (第3), document numbers (〔2023〕81号), page numbers and
 * codes (PM2.5, 5G) are not figures: a number counts only with a unit of amount after it.
 */
import type { Comparator } from '../data/types';

export interface Figure {
  /** Flat offsets of the number itself. */
  numStart: number;
  numEnd: number;
  /** Flat offset just past the unit and any trailing qualifier (以上, 左右 …). */
  end: number;
  /** Signed: a fall (下降3%) is negative. */
  value: number;
  /** The unit as written, prefix included (万吨, %, 个百分点). */
  unit: string;
  comparator: Comparator;
  /** A measure followed by a noun: the size of a thing (6万吨技改项目), not a figure of the year. */
  modifier: boolean;
  /** A count followed by the thing counted (4个 "一刻钟便民生活圈"): the name may follow. */
  counted: boolean;
  /** Range a—b: the lower bound, kept for the note. */
  rangeFrom: number | null;
}

/** Units that count things: a noun after them is what was counted. */
const CLASSIFIERS = '个|家|所|座|条|项|名|户|张|场|件|辆|处|套|间|台|次|栋|眼|篇|部|床|例|位|人次|人|头|只|株|棵|批|支|款';
/** Units of measure: a noun after them makes the figure a thing's size. */
const MEASURES =
  '个百分点|百分点|微克/立方米|微克每立方米|吨标准煤|平方公里|平方米|立方米|标准箱|千瓦时|千瓦|兆瓦|公里|公顷|公斤|千米|美元|羊单位|吨|亩|元|天|斤|米|倍|%|‰';

const UNIT = `(?:(?:[万亿千百](?:[余多])?)?(?:${MEASURES}|${CLASSIFIERS}))`;
const NUMBER = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';

/** number, optional 余/多, unit (万 may carry its own 余: 3万余人), optional trailing qualifier. */
const FIGURE = new RegExp(`(${NUMBER})([余多])?(${UNIT})(以上|以下|以内|之内|左右|上下|内)?`, 'g');

const CLASSIFIER_SET = new Set(CLASSIFIERS.split('|'));

/** A qualifier just before the number (after the indicator's name and a verb such as 达到). */
const BEFORE: [RegExp, Comparator][] = [
  [/(?:不低于|不少于|至少|最少)(?:达到|达|为|在)?$/, '>='],
  [/(?:不超过|不超|不高于|不多于|控制在|最多)(?:达到|为|在)?$/, '<='],
  [/(?:低于|少于|小于)$/, '<'],
  [/(?:突破|超过|超出|超|逾|高于|多于|大于)(?:达到|达)?$/, '>'],
  [/(?:大约|约|近|接近|大概)(?:达到|达|为)?$/, '~'],
];

const FALL = /(?:下降|降低|减少|回落|下滑|收窄|负增长|降幅为|降幅达|下降了)(?:了)?(?:达|为|到)?$/;

const TRAILING: Record<string, Comparator> = {
  以上: '>=',
  以下: '<=',
  以内: '<=',
  之内: '<=',
  内: '<=',
  左右: '~',
  上下: '~',
};

/** A number joined to what comes after it as the start of a noun (not a clause's end). */
const PREDICATE_END = /^(?:$|[，。；;：:、,！？!?）)」』”"\n和与及或]|同比|比上年|较上年|增长|增速|占|位|居|排|，|的增幅)/;

export function readFigures(flat: string, from = 0, to = flat.length): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = FIGURE.exec(flat)) !== null && m.index < to) {
    const numStart = m.index;
    const numText = m[1]!;
    const numEnd = numStart + numText.length;
    const end = numStart + m[0].length;
    const before = flat[numStart - 1] ?? '';
    const after = flat[end] ?? '';
    // Codes and ordinals: PM2.5, G6, 5G, 第3批, 3.1.2 (a section number), 2024.1 (a date).
    if (/[A-Za-z.．第]/.test(before) || /[A-Za-z]/.test(after)) continue;
    if (/^\.\d/.test(flat.slice(end, end + 2)) && m[3] === '') continue;
    const unit = m[3]!.replace(/[余多]/, '');
    // A date written with a unit-like word after it is not possible here (年, 月, 日 are not units),
    // but a year count followed by 年 is: 3年 never matches. 2024个 is as rare as it is wrong.
    const value0 = Number(numText.replace(/,/g, ''));
    if (!Number.isFinite(value0)) continue;
    // Range: 3—5个, 10%-15%: the lower bound is not a figure of its own.
    if (/^[—\-~～至到](?:\d)/.test(flat.slice(end, end + 2)) || /^[—\-~～至到]\d/.test(flat.slice(numEnd, numEnd + 2))) {
      continue;
    }
    const rangeM = /(\d+(?:\.\d+)?)%?[—\-~～至到]$/.exec(flat.slice(Math.max(from, numStart - 12), numStart));
    let comparator: Comparator = '=';
    const head = flat.slice(Math.max(from, numStart - 8), numStart);
    for (const [re, c] of BEFORE) {
      if (re.test(head)) {
        comparator = c;
        break;
      }
    }
    if (m[2] || /[余多]/.test(m[3]!)) comparator = '>';
    const trailing = m[4];
    if (trailing) comparator = TRAILING[trailing]!;
    let value = value0;
    if (before === '-' || before === '−') value = -value0;
    else if (FALL.test(head) && (unit.endsWith('%') || unit.endsWith('百分点'))) value = -value0;
    const base = unit.replace(/^[万亿千百](?=.)/, '');
    const isClassifier = CLASSIFIER_SET.has(base) || CLASSIFIER_SET.has(unit);
    const rest = flat.slice(end, end + 4);
    const atEnd = PREDICATE_END.test(rest);
    out.push({
      numStart,
      numEnd,
      end,
      value,
      unit,
      comparator,
      modifier: !atEnd && !isClassifier,
      counted: !atEnd && isClassifier,
      rangeFrom: rangeM ? Number(rangeM[1]) : null,
    });
  }
  return out;
}
