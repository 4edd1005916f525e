/**
 * The check page's work, as one pure function: staff files merged into the published data
 * (a checked file replaces the published file of the same name), checked with the same
 * buildDataset as the command line, and each data file normalised for download. Runs in a
 * Worker (check.worker.ts) or, where there is none, on the main thread (client.ts).
 */
import { buildDataset, type CheckedDataset, type RawFile } from '../dataset';
import { decodeBytes, type Encoding } from '../decode';
import { kindOfPath, normaliseCsv, type FileKind, type Normalised } from '../normalise';
import { problem } from '../problems';
import { SourceText, type TextLookup } from '../quotes';
import { FILES, observationFile } from '../schema';
import type { Problem } from '../types';

/** A file the staff member chose or dropped, as its name and bytes. */
export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

export type FileRole = 'data' | 'text' | 'refused';

export interface FileReport {
  /** The name as dropped. */
  name: string;
  role: FileRole;
  /** The data path it is checked as (`observations/2025.csv`), for role `data`. */
  path: string | null;
  kind: FileKind | null;
  encoding: Encoding | null;
  /** This file's problems: errors first, then warnings, each in file order. */
  problems: Problem[];
  /** Rows of this file that were read into the dataset. */
  rowsRead: number;
  /** The normalised UTF-8 text, when the file could be decoded. */
  normalised: Normalised | null;
  /** The later file given for the same data path, which is checked instead of this one. */
  supersededBy: string | null;
}

export interface CheckResult {
  /** The published data with the checked files merged in. */
  dataset: CheckedDataset;
  files: FileReport[];
  /** New problems the checked files cause in published files (e.g. an id removed from indicators.csv). */
  elsewhere: Problem[];
  /** True when source texts were given, so quotes were verified. */
  quotesVerified: boolean;
}

const YEAR_IN_NAME = /(?:^|[^\d])((?:19|20)\d{2})(?=[^\d]|$)/g;

/** Which data file a dropped name stands for: `2025.csv`, `2025年目标.csv` → observations/2025.csv. */
export function pathForName(name: string): { role: FileRole; path: string | null } {
  const base = name.replace(/^.*[\\/]/, '').trim();
  const lower = base.toLowerCase();
  if (lower.endsWith('.txt')) return { role: 'text', path: null };
  if (!lower.endsWith('.csv')) return { role: 'refused', path: null };
  for (const f of Object.values(FILES)) if (lower === f) return { role: 'data', path: f };
  const years = [...lower.slice(0, -4).matchAll(YEAR_IN_NAME)].map((m) => m[1]!);
  if (new Set(years).size === 1) return { role: 'data', path: observationFile(Number(years[0])) };
  return { role: 'refused', path: null };
}

const severityRank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
const byPlace = (a: Problem, b: Problem) => severityRank(a) - severityRank(b) || a.line - b.line || a.column - b.column;
const problemKey = (p: Problem) => `${p.file}|${p.line}|${p.column}|${p.code}|${p.message}`;

function textLookup(texts: DroppedFile[]): TextLookup | undefined {
  if (texts.length === 0) return undefined;
  const byName = new Map<string, SourceText>();
  for (const t of texts) {
    const d = decodeBytes(t.name, t.bytes);
    if (d.encoding !== 'unknown') byName.set(t.name.replace(/^.*[\\/]/, ''), new SourceText(d.text));
  }
  return { where: texts.map((t) => t.name).join(', '), get: (name) => byName.get(name) ?? null };
}

export function checkFiles(published: RawFile[], dropped: DroppedFile[] = []): CheckResult {
  const placed = dropped.map((d) => ({ d, ...pathForName(d.name) }));
  const texts = textLookup(placed.filter((p) => p.role === 'text').map((p) => p.d));
  // The last file dropped under a path wins, as it would on the server.
  const byPath = new Map<string, DroppedFile>();
  for (const p of placed) if (p.role === 'data' && p.path) byPath.set(p.path, p.d);

  const merged: RawFile[] = published.filter((f) => !byPath.has(f.path));
  for (const [path, d] of byPath) merged.push({ path, bytes: d.bytes });
  const opts = texts ? { texts } : {};
  const dataset = buildDataset(merged, opts);

  const files: FileReport[] = placed.map(({ d, role, path }) => {
    const base: FileReport = { name: d.name, role, path, kind: null, encoding: null, problems: [], rowsRead: 0, normalised: null, supersededBy: null };
    if (role === 'refused') {
      base.problems = [problem('error', 'file-name', { file: d.name }, 'file-name')];
      return base;
    }
    const decoded = decodeBytes(path ?? d.name, d.bytes);
    base.encoding = decoded.encoding;
    if (role === 'text') {
      // A source text need not be UTF-8 to be read; only an unreadable one is a problem.
      base.problems = decoded.encoding === 'unknown' ? decoded.problems : [];
      return base;
    }
    const latest = byPath.get(path!)!;
    base.kind = kindOfPath(path!);
    if (latest !== d) {
      base.supersededBy = latest.name;
      return base;
    }
    base.problems = dataset.problems.filter((p) => p.file === path).sort(byPlace);
    base.rowsRead = countRows(dataset, path!);
    // No download of a file whose bytes or quotes would not survive the rewrite (its problems say why).
    if (decoded.encoding !== 'unknown' && decoded.badLines.length === 0 && base.kind) {
      const n = normaliseCsv(decoded.text, base.kind);
      if (n.broken.length === 0) base.normalised = n;
    }
    return base;
  });

  const checkedPaths = new Set(byPath.keys());
  const outside = dataset.problems.filter((p) => !checkedPaths.has(p.file));
  let elsewhere: Problem[] = [];
  if (outside.length > 0 && byPath.size > 0) {
    const before = new Set(buildDataset(published, opts).problems.map(problemKey));
    elsewhere = outside.filter((p) => !before.has(problemKey(p)));
  }
  return { dataset, files, elsewhere, quotesVerified: texts !== undefined };
}

function countRows(ds: CheckedDataset, path: string): number {
  if (path === FILES.districts) return ds.districts.length;
  if (path === FILES.indicators) return ds.indicators.length;
  if (path === FILES.sources) return ds.sources.length;
  return ds.observations.filter((o) => o.origin.file === path).length;
}
