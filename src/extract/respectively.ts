/**
 * Two or more figures of one sentence "respectively" (分别): 城乡居民人均可支配收入分别增长7%和8%
 * → 城镇 7 %, 农村 8 %; A、B参保人数分别达到2万人和18万人 → A参保人数, B参保人数. Names are
 * paired with the figures in order; a name that lacks the shared ending borrows it from the last.
 */
import { mentionsIn, resolve, type Lexicon, type Mention } from './lexicon';
import type { Figure } from './figures';
import { clauseAround, type Span } from './segment';

export interface RespectiveNaming {
  mention: Mention | null;
  indicator: string;
  from: number;
  to: number;
  borrowed: boolean;
  nameAsWritten: string;
}

const LEAD_VERBS = /^(?:全[区旗县市镇]|全年|我[区旗县市])/;

/** The names before 分别, split at 、和与及; 城乡X stands for 城镇X and 农村X. */
export function respectiveNames(words: string, count: number): string[] {
  let parts = words
    .replace(LEAD_VERBS, '')
    .split(/[、和与及]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 1 && count === 2 && parts[0]!.includes('城乡')) {
    const p = parts[0]!;
    parts = [p.replace('城乡', '城镇'), p.replace('城乡', '农村')];
  }
  return parts;
}

function resolveName(lex: Lexicon, name: string, unit: string, growth: boolean): { id: string; exact: boolean } | null {
  const exact = lex.entries.get(name);
  if (exact) {
    const id = resolve(lex, exact, unit, growth);
    if (id) return { id, exact: true };
  }
  let best: { id: string; len: number } | null = null;
  for (const m of mentionsIn(lex, name, 0, name.length)) {
    if (m.fuzzy) continue;
    const id = resolve(lex, m.entry, unit, growth);
    if (id && (!best || m.entry.alias.length > best.len)) best = { id, len: m.entry.alias.length };
  }
  return best ? { id: best.id, exact: false } : null;
}

export function splitRespectively(lex: Lexicon, flat: string, figures: Figure[], sent: Span, breaks?: Uint8Array): Map<Figure, RespectiveNaming> {
  const out = new Map<Figure, RespectiveNaming>();
  if (figures.length < 2) return out;
  const words = flat.slice(sent.start, sent.end);
  let q = words.indexOf('分别');
  // 城乡居民收入分别达到a元和b元，分别增长x%和y%: the second 分别 names nothing and reuses the first's names.
  let lastNames: string[] = [];
  let lastFrom = -1;
  while (q >= 0) {
    const p = sent.start + q;
    const clause = clauseAround(flat, p, sent, breaks);
    const figs = figures.filter((f) => f.numStart > p && f.numStart < clause.end);
    if (figs.length >= 2) {
      const lead = flat.slice(p + 2, figs[0]!.numStart);
      const growth = /增长|增速|下降|提高/.test(lead);
      let names = respectiveNames(flat.slice(clause.start, p), figs.length);
      let from = clause.start;
      if (names.length === 0 && lastNames.length === figs.length) {
        names = lastNames;
        from = lastFrom;
      }
      if (names.length === figs.length) {
        lastNames = names;
        lastFrom = from;
        const last = names[names.length - 1]!;
        figs.forEach((f, i) => {
          let name = names[i]!;
          let got = resolveName(lex, name, f.unit, growth);
          // A、B参保人数: A borrows B's ending (参保人数) when A alone names nothing.
          for (let k = 1; (!got || !got.exact) && i < names.length - 1 && k < last.length; k++) {
            const candidate = name + last.slice(k);
            const g = resolveName(lex, candidate, f.unit, growth);
            if (g?.exact) {
              got = g;
              name = candidate;
            }
          }
          out.set(f, {
            mention: got ? { start: clause.start, end: p, entry: { alias: name, ids: [got.id] }, fuzzy: !got.exact } : null,
            indicator: got?.id ?? '',
            from,
            to: f.end,
            borrowed: false,
            nameAsWritten: name,
          });
        });
      }
    }
    q = words.indexOf('分别', q + 2);
  }
  return out;
}
