/**
 * Report text → draft rows: every figure (number + unit) of the text, named by the nearest
 * indicator mention of its clause (or the clause before, or the thing a count names after it),
 * with its qualifier, sign, year, kind and estimate flag, its first line and a verbatim quote.
 * Figures a catalogue indicator names clearly come out `high`; the rest `medium` or `low`.
 */
import type { ObsKind } from '../data/types';
import { confidenceOf } from './confidence';
import { nextSection, readContext, yearsOfDate, type Section } from './context';
import { readFigures, type Figure } from './figures';
import { buildLexicon, mentionsIn, resolve, type Lexicon, type Mention } from './lexicon';
import { splitRespectively } from './respectively';
import { clauseAround, flatten, quoteOf, sentences, type FlatText, type Span } from './segment';
import type { DraftRow, ExtractOptions, ExtractResult, LexiconIndicator } from './types';

/** Words between a name and its number (达到, 增长 …) that say the figure is a growth rate. */
const GROWTH_WORDS = /增长|增速|增幅|下降|降低|减少|提高|回落|同比|涨幅|增加/;
/** A share of a larger whole (占全市的37.6%): a note, not a figure of its own. */
const SHARE = /占[^，；。]{0,12}$|占比$|比重$/;
/** A target stated without a number. */
const TEXT_TARGET = /与(?:经济|地区生产总值|GDP)[^，；。]{0,6}(?:同步|相适应|相协调)|同步增长|基本同步|保持同步|翻[一两二三四]番/;

interface Naming {
  mention: Mention | null;
  indicator: string;
  /** Where the quote starts. */
  from: number;
  /** Where the quote ends (past the figure, or past a name that follows a count). */
  to: number;
  /** The name was borrowed from the clause before. */
  borrowed: boolean;
  nameAsWritten: string;
}

let cached: { key: LexiconIndicator[]; lex: Lexicon } | null = null;
function lexiconFor(indicators: LexiconIndicator[]): Lexicon {
  if (cached?.key !== indicators) cached = { key: indicators, lex: buildLexicon(indicators) };
  return cached.lex;
}

function bestMention(lex: Lexicon, ms: Mention[], unit: string, growth: boolean, preferLate = true): { m: Mention; id: string } | null {
  let best: { m: Mention; id: string } | null = null;
  for (const m of ms) {
    const id = resolve(lex, m.entry, unit, growth);
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
    .replace(/(?:同比|比上年|较上年)?(?:分别)?(?:增长|下降|达到|达|实现|完成|突破|超过|超|为|至|稳定在|保持在|控制在|不低于|不超过|约|近|提高|增加|减少|降低|了)*$/, '')
    .slice(-20);
}

function nameFigure(lex: Lexicon, ft: FlatText, f: Figure, clause: Span, windowStart: number, sentence: Span): Naming {
  const flat = ft.flat;
  const lead = flat.slice(windowStart, f.numStart);
  const growth = GROWTH_WORDS.test(lead);
  const own = bestMention(lex, mentionsIn(lex, flat, windowStart, f.numStart), f.unit, growth);
  if (own) {
    const from = own.m.start - windowStart > 24 ? own.m.start : windowStart;
    return { mention: own.m, indicator: own.id, from, to: f.end, borrowed: false, nameAsWritten: flat.slice(own.m.start, own.m.end) };
  }
  if (f.counted) {
    const after = bestMention(lex, mentionsIn(lex, flat, f.end, Math.min(clause.end, f.end + 20)), f.unit, false, false);
    if (after) {
      return { mention: after.m, indicator: after.id, from: windowStart, to: after.m.end, borrowed: false, nameAsWritten: flat.slice(after.m.start, after.m.end) };
    }
  }
  // The clause names nothing: the name is in the clause before (旅游收入超2亿元，同比增长21%).
  if (clause.start > sentence.start && lead.replace(/[、和与及]/g, '').length <= 8) {
    const prev = clauseAround(flat, clause.start - 2, sentence);
    const total = /总量|总数|累计|总计|总规模/.test(lead);
    const ms = mentionsIn(lex, flat, prev.start, prev.end).map((m) => (total ? withoutNew(lex, flat, m) : m));
    const got = bestMention(lex, ms, f.unit, growth, false);
    if (got) {
      return { mention: got.m, indicator: got.id, from: got.m.start, to: f.end, borrowed: true, nameAsWritten: flat.slice(got.m.start, got.m.end) };
    }
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
  let section: Section = { kind: null, year: null, ...yearsOfDate(opts.published) };
  const base = { district: opts.district, source: opts.source ?? '' };
  for (const sent of sentences(flat)) {
    const sText = flat.slice(sent.start, sent.end).replace(/\n/g, '');
    const isHeading = ft.headings.has(ft.lineOf[sent.start]!) && sText.length <= 40;
    section = nextSection(section, sText, isHeading);
    if (isHeading) continue;
    const figures = readFigures(flat, sent.start, sent.end);
    const split = splitRespectively(lex, flat, figures, sent);
    let prevEnd = sent.start;
    let prevClause = -1;
    for (const f of figures) {
      const clause = clauseAround(flat, f.numStart, sent);
      const windowStart = clause.start === prevClause ? Math.max(clause.start, prevEnd) : clause.start;
      prevEnd = f.end;
      prevClause = clause.start;
      const respective = split.get(f);
      const naming = respective ?? nameFigure(lex, ft, f, clause, windowStart, sent);
      const ctx = readContext(flat, sent.start, f.numStart, section);
      const share = SHARE.test(flat.slice(windowStart, f.numStart));
      const kind: ObsKind = ctx.kind ?? 'actual';
      const confidence = confidenceOf({
        indicator: naming.indicator,
        fuzzy: naming.mention?.fuzzy ?? true,
        borrowed: naming.borrowed,
        distance: respective ? 0 : naming.mention ? f.numStart - naming.mention.end : 99,
        year: ctx.year,
        kindKnown: ctx.kind !== null,
        kind,
        reviewYear: section.reviewYear,
        modifier: f.modifier,
        share,
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

/** 全体居民人均可支配收入与经济增长基本同步: a target with no number (comparator `text`). */
function textTargets(lex: Lexicon, ft: FlatText, sent: Span, section: Section, base: { district: string; source: string }): DraftRow[] {
  const flat = ft.flat;
  const out: DraftRow[] = [];
  const sText = flat.slice(sent.start, sent.end);
  if (!TEXT_TARGET.test(sText)) return out;
  let i = sent.start;
  while (i < sent.end) {
    const clause = clauseAround(flat, i, sent);
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
