/**
 * Report text → draft rows: every figure (number + unit) of the text, named by the nearest
 * indicator mention of its clause (or the clause before, or the thing a count names after it),
 * with its qualifier, sign, year, kind and estimate flag, its first line and a verbatim quote.
 * Figures a catalogue indicator names clearly come out `high`; the rest `medium` or `low`.
 */
import type { ObsKind } from '../data/types';
import { confidenceOf } from './confidence';
import { cuesIn, nextSection, readContext, yearsOfDate, type Section } from './context';
import { readFigures, type Figure } from './figures';
import { buildLexicon, FRESH, isFresh, mentionsIn, resolve, type Lexicon, type Mention } from './lexicon';
import { splitRespectively, type RespectiveNaming } from './respectively';
import { clauseAround, flatten, quoteOf, sentences, type FlatText, type Span } from './segment';
import type { DraftRow, ExtractOptions, ExtractResult, LexiconIndicator } from './types';

/** Words between a name and its number (达到, 增长 …) that say the figure is a growth rate. */
const GROWTH_WORDS = /增长|增速|增幅|下降|降低|减少|提高|回落|同比|涨幅|增加/;
/** A share of a larger whole (占全市的37.6%): a note, not a figure of its own. */
const SHARE = /占[^，；。]{0,12}$|占比$|比重$/;
/** Words of a clause that name nothing of their own. */
const FILLER = /^(?:同比|比上年|较上年|总量|总数|累计|总计|总规模|其中|增速|增幅|增长|年均|全年|全年实现|实现|达到|总额|规模|分别|合计)*$/;
/** Between a figure and the one it moved to: 由89%提升至96%, 从3万户增至7万户. */
const MOVED_TO = /^(?:(?:提升|提高|增加|增长|上升|下降|降低|减少|扩大|缩小|攀升|跃升)(?:至|到)|增至|降至|升至|至|到)$/;
/** A target stated without a number. */
const TEXT_TARGET = /与(?:经济|地区生产总值|GDP)[^，；。]{0,6}(?:同步|相适应|相协调)|同步增长|基本同步|保持同步|翻[一两二三四]番/;

/** How a figure is named: the same shape as a 分别 sentence's naming (respectively.ts). */
type Naming = RespectiveNaming;

let cached: { key: LexiconIndicator[]; lex: Lexicon } | null = null;
function lexiconFor(indicators: LexiconIndicator[]): Lexicon {
  if (cached?.key !== indicators) cached = { key: indicators, lex: buildLexicon(indicators) };
  return cached.lex;
}

function bestMention(lex: Lexicon, ms: Mention[], unit: string, growth: boolean, preferLate = true, fresh = false): { m: Mention; id: string } | null {
  let best: { m: Mention; id: string } | null = null;
  for (const m of ms) {
    const id = resolve(lex, m.entry, unit, growth, fresh);
    if (id === null) continue;
    if (!best) {
      best = { m, id };
      continue;
    }
    const b = best.m;
    const better =
      m.fuzzy !== b.fuzzy
        ? !m.fuzzy && m.end >= b.start
        : preferLate
          ? m.end > b.end || (m.end === b.end && m.start < b.start)
          : m.start < b.start || (m.start === b.start && m.end > b.end);
    if (better) best = { m, id };
  }
  return best;
}

/** Plain words around a figure when no catalogue name is found: the window without verbs. */
function plainName(flat: string, from: number, to: number): string {
  return flat
    .slice(from, to)
    .replace(/^[、和与及，,；;：:（(“"]+/, '')
    .replace(/(?:同比|比上年|较上年|预计|有望|将|可|预计可|力争|确保|争取)*(?:分别)?(?:增长|下降|达到|达|实现|完成|突破|超过|超|为|至|稳定在|保持在|控制在|不低于|不超过|约|近|提高|增加|减少|降低|了)*$/, '')
    .replace(/(?:预计|有望|将|可|预计可)+$/, '')
    .slice(-20);
}

function nameFigure(lex: Lexicon, ft: FlatText, f: Figure, clause: Span, windowStart: number, sentence: Span): Naming {
  const flat = ft.flat;
  const lead = flat.slice(windowStart, f.numStart);
  const growth = GROWTH_WORDS.test(lead);
  const fresh = FRESH.test(flat.slice(clause.start, Math.min(clause.end, f.end + 12)));
  const found = (got: { m: Mention; id: string }, from: number, to: number, borrowed: boolean): Naming => ({
    mention: got.m,
    indicator: got.id,
    from,
    to,
    borrowed,
    nameAsWritten: flat.slice(got.m.start, got.m.end),
  });
  const own = bestMention(lex, mentionsIn(lex, flat, windowStart, f.numStart), f.unit, growth, true, fresh);
  if (own) return found(own, own.m.start - windowStart > 24 ? own.m.start : windowStart, f.end, false);
  if (f.counted) {
    // The thing counted runs to the next item (、) or the clause's end.
    const item = flat.indexOf('、', f.end);
    const stop = Math.min(clause.end, f.end + 20, item < 0 ? Infinity : item);
    const after = bestMention(lex, mentionsIn(lex, flat, f.end, stop), f.unit, false, false, fresh);
    if (after) return found(after, windowStart, after.m.end, false);
  }
  // Earlier in the same clause, before the figure it moved from: 网办占比由89%提升至96%.
  if (windowStart > clause.start && MOVED_TO.test(lead)) {
    const earlier = bestMention(lex, mentionsIn(lex, flat, clause.start, windowStart), f.unit, growth, true, fresh);
    if (earlier) return found(earlier, earlier.m.start, f.end, false);
  }
  // The clause names nothing: the name is in the clause before (旅游收入超2亿元，同比增长21%), or
  // the clause names the rest of a name the clause before began (粮食播种面积…，总产量…).
  const bare = plainName(flat, windowStart, f.numStart);
  if (clause.start > sentence.start && bare.length <= 6) {
    const prev = clauseAround(flat, clause.start - 2, sentence, ft.breaks);
    const total = /总量|总数|累计|总计|总规模/.test(lead);
    const ms = mentionsIn(lex, flat, prev.start, prev.end);
    // Two clauses back when the one before is only a figure (新增4516家，增长19.2%，总量达2.8万家).
    if (ms.length === 0 && prev.start > sentence.start) {
      const before = clauseAround(flat, prev.start - 2, sentence, ft.breaks);
      ms.push(...mentionsIn(lex, flat, before.start, before.end));
    }
    for (const m of ms) {
      const topic = flat.slice(m.start, m.end);
      for (let k = Math.min(4, topic.length - 1); k >= 2; k--) {
        const joined = topic.slice(0, k) + lead;
        const inner = mentionsIn(lex, joined, 0, joined.length).filter((x) => x.start === 0 && !x.fuzzy && x.end > k);
        const got = bestMention(lex, inner, f.unit, growth, true, fresh);
        if (got) {
          const name = { start: m.start, end: windowStart + got.m.end - k, entry: got.m.entry, fuzzy: false };
          return { ...found({ m: name, id: got.id }, m.start, f.end, true), nameAsWritten: joined.slice(0, got.m.end) };
        }
      }
    }
    // Borrow only when the clause's own words are no name (增长, 总量达, 同比增长).
    if (FILLER.test(bare)) {
      const plainMs = total ? ms.map((m) => withoutNew(lex, flat, m)) : ms;
      const got = bestMention(lex, plainMs, f.unit, growth, false, fresh && !total);
      if (got) return found(got, got.m.start, f.end, true);
    }
  }
  if (f.modifier) {
    // 20万亩玉米单产提升种植带: the size of the thing named after it.
    const after = bestMention(lex, mentionsIn(lex, flat, f.end, Math.min(clause.end, f.end + 20)), f.unit, false, false, fresh);
    if (after) return found(after, windowStart, after.m.end, false);
  }
  const name = plainName(flat, windowStart, f.numStart) || (f.counted ? flat.slice(f.end, clause.end).slice(0, 20) : '');
  return { mention: null, indicator: '', from: windowStart, to: f.end, borrowed: false, nameAsWritten: name };
}

/** 新增市场主体 … 总量达2.8万家: the total is of 市场主体, not of the new ones. */
function withoutNew(lex: Lexicon, flat: string, m: Mention): Mention {
  const text = flat.slice(m.start, m.end);
  const bare = text.replace(/^(?:新增|新建|新认定|新培育|新获评|新建和改造)/, '');
  if (bare === text) return m;
  const e = lex.entries.get(bare);
  return e ? { start: m.start + text.length - bare.length, end: m.end, entry: e, fuzzy: false } : m;
}

export function extractDrafts(text: string, indicators: LexiconIndicator[], opts: ExtractOptions): ExtractResult {
  const lex = lexiconFor(indicators);
  const ft = flatten(text);
  const flat = ft.flat;
  const rows: DraftRow[] = [];
  const given = yearsOfDate(opts.published);
  let section: Section = { kind: null, year: null, ...given, givenTargetYear: given.targetYear };
  const base = { district: opts.district, source: opts.source ?? '' };
  const wider = widerPlaces(flat);
  for (const sent of sentences(flat)) {
    const sText = flat.slice(sent.start, sent.end).replace(/\n/g, '');
    const isHeading = ft.headings.has(ft.lineOf[sent.start]!) && sText.length <= 40;
    section = nextSection(section, sText, isHeading);
    if (isHeading) continue;
    const figures = readFigures(flat, sent.start, sent.end);
    const cues = figures.length ? cuesIn(flat, sent.start, sent.end) : [];
    const split = splitRespectively(lex, flat, figures, sent, ft.breaks);
    let prevEnd = sent.start;
    let prevClause = -1;
    for (const f of figures) {
      const clause = clauseAround(flat, f.numStart, sent, ft.breaks);
      let windowStart = clause.start === prevClause ? Math.max(clause.start, prevEnd) : clause.start;
      while (windowStart < f.numStart && /[、和与及，,；;：:）)]/.test(flat[windowStart]!)) windowStart++;
      // After a count, its thing (3条严管街) belongs to it, up to the next item.
      const item = f.counted ? flat.indexOf('、', f.end) : -1;
      prevEnd = item >= 0 && item < clause.end ? item + 1 : f.end;
      prevClause = clause.start;
      const respective = split.get(f);
      const naming = respective ?? nameFigure(lex, ft, f, clause, windowStart, sent);
      const ctx = readContext(flat, sent.start, f.numStart, section, cues);
      // A share said after the name (粮食产量72万吨，占全市的37.6%); a name that is a share (公办园幼儿占比) is not one.
      const share = SHARE.test(flat.slice(naming.mention && naming.mention.end <= f.numStart ? naming.mention.end : windowStart, f.numStart));
      const before = flat.slice(clause.start, f.numStart);
      const flow = naming.indicator !== '' && isFresh(lex.indicators.get(naming.indicator)!);
      const kind: ObsKind = ctx.kind ?? 'actual';
      const confidence = confidenceOf({
        indicator: naming.indicator,
        fuzzy: naming.mention?.fuzzy ?? true,
        borrowed: naming.borrowed,
        growthOfBorrowed:
          naming.borrowed &&
          (((f.unit === '%' || f.unit.endsWith('百分点')) && GROWTH_WORDS.test(flat.slice(windowStart, f.numStart))) ||
            /总量|总数/.test(flat.slice(windowStart, f.numStart))),
        distance: respective ? 0 : naming.mention ? f.numStart - naming.mention.end : 99,
        year: ctx.year,
        kindKnown: ctx.kind !== null,
        kind,
        reviewYear: section.reviewYear,
        modifier: f.modifier,
        share,
        // 累计新增 is summed over years; 累计培育…36家 is a total, as the indicator's own.
        elsewhere: wider.test(before) || (flow && /累计/.test(before)),
        fuzzyGap: naming.mention?.fuzzy ? naming.mention.end - naming.mention.start - naming.mention.entry.alias.length : 0,
      });
      const notes: string[] = [];
      if (f.rangeFrom !== null) notes.push(`原文为区间 ${f.rangeFrom}—${Math.abs(f.value)}`);
      if (share) notes.push('占比');
      rows.push({
        ...base,
        indicator: naming.indicator,
        year: ctx.year,
        kind,
        comparator: f.comparator,
        value: f.value,
        unit: f.unit,
        estimate: ctx.estimate,
        line: ft.lineOf[naming.from]!,
        quote: quoteOf(ft, naming.from, naming.to),
        note: notes.join('；'),
        nameAsWritten: naming.nameAsWritten,
        confidence,
      });
    }
    rows.push(...textTargets(lex, ft, sent, section, base));
  }
  return { rows, lineCount: ft.lines.length };
}

const PLACE_RANK = ['全镇', '全乡', '全县', '全旗', '全区', '全市', '全盟', '全州', '全省', '全自治区', '全国'];

/**
 * The words for places wider than the report's own: the report calls itself most often 全旗, 全区
 * or 全县; 全市 is then the city above (in a city's report, 全市 is itself and 全省 the wider).
 */
function widerPlaces(flat: string): RegExp {
  let self = -1;
  let most = 0;
  PLACE_RANK.forEach((p, i) => {
    const n = flat.split(p).length - 1;
    if (n > most) {
      most = n;
      self = i;
    }
  });
  // A text that never names itself: only 全市 and wider are taken as other places.
  const from = self < 0 ? PLACE_RANK.indexOf('全市') : self + 1;
  return new RegExp(PLACE_RANK.slice(from).join('|') || '全国');
}

/** 全体居民人均可支配收入与经济增长基本同步: a target with no number (comparator `text`). */
function textTargets(lex: Lexicon, ft: FlatText, sent: Span, section: Section, base: { district: string; source: string }): DraftRow[] {
  const flat = ft.flat;
  const out: DraftRow[] = [];
  const sText = flat.slice(sent.start, sent.end);
  if (!TEXT_TARGET.test(sText)) return out;
  let i = sent.start;
  while (i < sent.end) {
    const clause = clauseAround(flat, i, sent, ft.breaks);
    const words = flat.slice(clause.start, clause.end);
    const m = TEXT_TARGET.exec(words);
    if (m && !/\d/.test(words)) {
      const ms = mentionsIn(lex, flat, clause.start, clause.start + m.index).filter((x) => !x.fuzzy);
      const got = bestMention(lex, ms, '%', true, false);
      const ctx = readContext(flat, sent.start, clause.start, section);
      if (got && ctx.kind === 'target') {
        const ind = lex.indicators.get(got.id)!;
        out.push({
          ...base,
          indicator: got.id,
          year: ctx.year,
          kind: 'target',
          comparator: 'text',
          value: null,
          unit: ind.unit,
          estimate: false,
          line: ft.lineOf[clause.start]!,
          quote: quoteOf(ft, clause.start, clause.end),
          note: '',
          nameAsWritten: flat.slice(got.m.start, got.m.end),
          confidence: ctx.year !== null ? 'high' : 'medium',
        });
      }
    }
    i = clause.end + 1;
  }
  return out;
}
