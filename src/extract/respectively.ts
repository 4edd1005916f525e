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

export function splitRespectively(lex: Lexicon, flat: string, figures: Figure[], sent: Span): Map<Figure, RespectiveNaming> {
  const out = new Map<Figure, RespectiveNaming>();
  let p = flat.indexOf('分别', sent.start);
  while (p >= 0 && p < sent.end) {
    const clause = clauseAround(flat, p, sent);
    const figs = figures.filter((f) => f.numStart > p && f.numStart < clause.end);
    if (figs.length >= 2) {
      const lead = flat.slice(p + 2, figs[0]!.numStart);
      const growth = /增长|增速|下降|提高/.test(lead);
      const names = respectiveNames(flat.slice(clause.start, p), figs.length);
      if (names.length === figs.length) {
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
            from: clause.start,
            to: f.end,
            borrowed: false,
            nameAsWritten: name,
          });
        });
      }
    }
    p = flat.indexOf('分别', p + 2);
  }
  return out;
}
