/**
 * Raw files (bytes or text) → a checked Dataset. Used by the command-line check, the site's
 * loader and the check page alike, so all three report the same problems.
 */
import { byCodeUnits } from '../core/compare';
import { decodeBytes, type Encoding } from './decode';
import { problem, sortProblems } from './problems';
import type { TextLookup } from './quotes';
import { FILES, yearOfFile } from './schema';
import type { Dataset, Observation, Problem, Source } from './types';
import { Lookups, readDistricts, readIndicators, readObservations, readSources } from './validate';

export interface RawFile {
  /** Path relative to data/, e.g. `observations/2024.csv`. */
  path: string;
  bytes?: Uint8Array;
  text?: string;
  /** Why the file could not be had (a failed fetch). */
  error?: string;
  /** Why the file is not read, as the problem to report (e.g. a name clash found on disk). */
  problem?: Problem;
  /** The file was larger than the site reads: its size and the limit, in bytes. */
  tooLarge?: { bytes: number; limit: number };
}

export interface CheckedDataset extends Dataset {
  encodings: Record<string, Encoding>;
  /** Years whose file was read (even partly). */
  years: number[];
}

export interface BuildOptions {
  texts?: TextLookup;
  /** false: every row is read by the plain rules, never by a reader's fast path (see ReadOptions). */
  fastPath?: boolean;
}

function textOf(f: RawFile, problems: Problem[], encodings: Record<string, Encoding>): string | null {
  if (f.problem !== undefined) {
    problems.push(f.problem);
    return null;
  }
  if (f.error !== undefined) {
    problems.push(problem('error', 'fetch', { file: f.path }, 'fetch', { reason: f.error }));
    return null;
  }
  if (f.tooLarge !== undefined) {
    const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
    problems.push(problem('error', 'fetch', { file: f.path }, 'too-large', { size: mb(f.tooLarge.bytes), limit: mb(f.tooLarge.limit) }));
    return null;
  }
  if (f.text !== undefined) {
    encodings[f.path] = 'utf-8';
    if (f.text.charCodeAt(0) === 0xfeff) {
      problems.push(problem('warning', 'encoding', { file: f.path }, 'bom'));
      return f.text.slice(1);
    }
    return f.text;
  }
  const d = decodeBytes(f.path, f.bytes ?? new Uint8Array());
  encodings[f.path] = d.encoding;
  problems.push(...d.problems);
  if (d.badLines.length > 0) damaged.add(f.path);
  return d.encoding === 'unknown' ? null : d.text;
}

/** Files read as UTF-8 with some bytes that are not (decodeBytes' badLines). */
const damaged = new Set<string>();

/**
 * A file's rows without those holding bytes that were not UTF-8 (read as U+FFFD): each such
 * line has its error from decodeBytes, and a row with a replaced character is not what was typed.
 */
function intact<T extends object>(path: string, read: { rows: T[]; problems: Problem[] }): { rows: T[]; problems: Problem[] } {
  if (!damaged.has(path)) return read;
  const rows = read.rows.filter((r) => !Object.values(r).some((v) => typeof v === 'string' && v.includes('\uFFFD')));
  return { rows, problems: read.problems };
}

export function buildDataset(files: RawFile[], opts: BuildOptions = {}): CheckedDataset {
  const problems: Problem[] = [];
  const encodings: Record<string, Encoding> = {};
  damaged.clear();
  const byPath = new Map(files.map((f) => [f.path, f]));
  const read = (path: string) => {
    const f = byPath.get(path) ?? { path, error: 'missing' };
    return textOf(f, problems, encodings);
  };

  const none = { rows: [], problems: [] };
  const dText = read(FILES.districts);
  const districts = dText === null ? none : intact(FILES.districts, readDistricts(FILES.districts, dText));
  const iText = read(FILES.indicators);
  const indicators = iText === null ? none : intact(FILES.indicators, readIndicators(FILES.indicators, iText));
  const sText = read(FILES.sources);
  const districtIds = new Set(districts.rows.map((d) => d.id));
  const sources = sText === null ? none : intact(FILES.sources, readSources(FILES.sources, sText, districtIds, { fastPath: opts.fastPath }));
  append(problems, districts.problems);
  append(problems, indicators.problems);
  append(problems, sources.problems);

  const ref = {
    districts: new Map(districts.rows.map((d) => [d.id, d])),
    indicators: new Map(indicators.rows.map((d) => [d.id, d])),
    sources: new Map(sources.rows.map((d) => [d.id, d])),
    ...(opts.texts ? { texts: opts.texts } : {}),
  };
  if (opts.texts) {
    for (const s of ref.sources.values()) {
      if (s.text !== '' && !opts.texts.get(s.text)) {
        problems.push(
          problem('warning', 'quote-unverified', { file: FILES.sources, line: s.origin.line, column: 7, columnName: 'text', cell: s.text }, 'text-file-missing', { dir: opts.texts.where }),
        );
      }
    }
  }

  const perFile: Observation[][] = [];
  const years: number[] = [];
  // One set of lookups for all years: the ids are checked once, and rows share their strings.
  const lookups = new Lookups(ref);
  const yearly = files.filter((f) => f.path.startsWith('observations/')).sort((a, b) => byCodeUnits(a.path, b.path));
  for (const f of yearly) {
    const text = read(f.path);
    if (text === null) continue;
    const r = intact(f.path, readObservations(f.path, text, ref, lookups, { fastPath: opts.fastPath }));
    append(problems, r.problems);
    perFile.push(r.rows);
    const y = yearOfFile(f.path);
    if (y !== null) years.push(y);
  }
  append(problems, conflicts(lookups.figures.multi, ref.sources));
  // One copy into an array of the final size, not a push per row.
  const observations = ([] as Observation[]).concat(...perFile);

  return {
    districts: [...ref.districts.values()],
    indicators: [...ref.indicators.values()],
    sources: [...ref.sources.values()],
    observations,
    problems: sortProblems(problems),
    encodings,
    years: years.sort((a, b) => a - b),
  };
}

/** push(...items) passes every item as an argument: a year of 250 k rows overflows the stack. */
function append<T>(to: T[], items: readonly T[]) {
  for (const x of items) to.push(x);
}

/**
 * Two sources giving different numbers for the same figure: flagged, never hidden. `multi`: the
 * figures given more than once, grouped as the rows were kept (FigureGroups).
 */
function conflicts(multi: readonly Observation[][], sources: Map<string, Source>): Problem[] {
  const out: Problem[] = [];
  for (const g of multi) {
    const distinct = new Set(g.map((o) => `${o.comparator}${o.canonicalValue ?? ''}`));
    if (distinct.size < 2) continue;
    const sorted = [...g].sort((a, b) => byCodeUnits(sources.get(b.source)?.published ?? '', sources.get(a.source)?.published ?? ''));
    const shown = sorted[0]!;
    const o = g[0]!;
    const key = `(${o.district}, ${o.indicator}, ${o.year}, ${o.kind})`;
    const values = sorted.map((x) => `${x.source}: ${x.comparator === 'text' ? 'text' : `${x.comparator} ${x.value}${x.unit}`}`).join('; ');
    out.push(problem('warning', 'conflict', { file: shown.origin.file, line: shown.origin.line, column: 0 }, 'conflict', { key, values, shown: shown.source }));
  }
  return out;
}
