/**
 * The extractor run over every kept source text (sources.csv `text`), beside the curated rows that
 * cite it: shared by `bench:extract` (scores) and `check-data --audit` (what no row holds).
 * Several sources may share one text (a gazette issue holds many documents); each draft row is
 * given to the source whose part of the text holds its line: a part starts where the source's
 * title is written, nearest before its first curated line, and runs to the next part.
 */
import { sameNumber } from '../../src/data/numbers';
import type { Dataset, Observation, Source } from '../../src/data/types';
import { extractDrafts } from '../../src/extract/index';
import type { DraftRow, LexiconIndicator } from '../../src/extract/types';

export interface SourcePart {
  source: Source;
  /** 1-based first line of this source's part of the text. */
  from: number;
  /** 1-based line past the part. */
  to: number;
}

export interface TextRun {
  file: string;
  lines: number;
  parts: SourcePart[];
  drafts: DraftRow[];
  /** The curated rows citing a source of this text, with a line. */
  gold: Observation[];
  /** Milliseconds to draft the text (best of a few runs). */
  ms: number;
}

/** A title's own words, as the text writes them: no document number, no 关于印发《》的通知. */
function titleCore(title: string): string {
  return title
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/^关于印发《?|》?的通知$/g, '')
    .replace(/[《》“”\s]/g, '')
    .replace(/^.*?——/, '');
}

function partsOf(text: string, sources: Source[], gold: Observation[]): SourcePart[] {
  const lines = text.split(/\r\n|\r|\n/);
  const squeezed = lines.map((l) => l.replace(/[\s*《》“”]/g, ''));
  const starts = sources.map((source) => {
    const own = gold.filter((o) => o.source === source.id && o.sourceLine !== null).map((o) => o.sourceLine!);
    const first = own.length ? Math.min(...own) : lines.length + 1;
    const core = titleCore(source.title_zh);
    const key = core.slice(Math.max(0, core.length - 12));
    let from = 1;
    for (let i = 0; i < Math.min(first, lines.length); i++) if (key && squeezed[i]!.includes(key)) from = i + 1;
    return { source, from, hasGold: own.length > 0 };
  });
  const placed = starts.filter((s) => s.hasGold).sort((a, b) => a.from - b.from);
  return placed.map((s, i) => ({ source: s.source, from: i === 0 ? 1 : s.from, to: placed[i + 1]?.from ?? lines.length + 1 }));
}

export function sourceOfLine(parts: SourcePart[], line: number): Source | null {
  return parts.find((p) => line >= p.from && line < p.to)?.source ?? null;
}

/** The curated row `o` is found by draft `d`: line ±1, year, kind, comparator, value, estimate. */
export function finds(d: DraftRow, o: Observation): boolean {
  if (o.sourceLine === null || Math.abs(d.line - o.sourceLine) > 1) return false;
  if (d.year !== o.year || d.kind !== o.kind || d.estimate !== o.estimate) return false;
  const dc = d.comparator === '=' ? '=' : d.comparator;
  const oc = (o.comparator as string) === '' ? '=' : o.comparator;
  if (dc !== oc) return false;
  if (o.value === null || d.value === null) return o.value === d.value;
  return sameNumber(d.value, o.value);
}

/**
 * A figure some row holds: the same number within `near` lines, whatever its reading (a quote
 * may start a wrapped line or two before the number; a hard-wrapped text has blank lines between).
 */
export function held(d: DraftRow, rows: Observation[], near = 2): boolean {
  return rows.some((o) => o.sourceLine !== null && Math.abs(d.line - o.sourceLine) <= near && (d.value === null ? o.value === null : o.value !== null && sameNumber(d.value, o.value)));
}

export function runAll(ds: Dataset, indicators: LexiconIndicator[], textOf: (file: string) => string | null, repeat = 3): TextRun[] {
  const byText = new Map<string, Source[]>();
  for (const s of ds.sources) if (s.text) byText.set(s.text, [...(byText.get(s.text) ?? []), s]);
  const runs: TextRun[] = [];
  for (const [file, sources] of [...byText].sort(([a], [b]) => a.localeCompare(b))) {
    const text = textOf(file);
    if (text === null) continue;
    const ids = new Set(sources.map((s) => s.id));
    const gold = ds.observations.filter((o) => ids.has(o.source) && o.sourceLine !== null);
    const published = sources.map((s) => s.published).sort().at(-1);
    let drafts: DraftRow[] = [];
    let ms = Infinity;
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      drafts = extractDrafts(text, indicators, { district: sources[0]!.district, published }).rows;
      ms = Math.min(ms, performance.now() - t0);
    }
    const parts = partsOf(text, sources, gold);
    for (const d of drafts) d.source = sourceOfLine(parts, d.line)?.id ?? '';
    runs.push({ file, lines: text.split('\n').length, parts, drafts, gold, ms });
  }
  return runs;
}
