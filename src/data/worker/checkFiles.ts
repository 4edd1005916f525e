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
import { textsInMemory, type TextLookup } from '../quotes';
import { FILES, observationFile, yearOfFile } from '../schema';
import type { Problem } from '../types';
import { workbookFiles } from '../xlsx/sheetFiles';
import { countRows, dataRowLines, diffRows, type RowCounts, type RowDiff } from './rowCounts';

/** A file the staff member chose or dropped, as its name and bytes. */
export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

export type FileRole = 'data' | 'text' | 'refused' | 'workbook';

export interface FileReport {
  /** The name as dropped (a workbook's sheets share its name). */
  name: string;
  role: FileRole;
  /** The data path it is checked as (`observations/2025.csv`), for role `data`. */
  path: string | null;
  /** The workbook sheet this yearly file was read from, or null for a CSV. */
  sheet: string | null;
  kind: FileKind | null;
  encoding: Encoding | null;
  /** This file's problems: errors first, then warnings, each in file order (spreadsheet rows for a sheet). */
  problems: Problem[];
  /** Rows of this file that were read into the dataset. */
  rowsRead: number;
  /** Data rows in the file and how many have errors or warnings; null when it could not be read. */
  rows: RowCounts | null;
  /** A yearly file's rows read against the published rows: new, changed, unchanged. */
  diff: RowDiff | null;
  /** The normalised UTF-8 text, when the file could be decoded. */
  normalised: Normalised | null;
  /** The later file given for the same data path, which is checked instead of this one. */
  supersededBy: string | null;
}

export interface CheckResult {
  /** The published data with the checked files merged in. */
  dataset: CheckedDataset;
  /** One report per dropped file; a workbook gives one for itself and one per yearly sheet, in that order. */
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
  if (lower.endsWith('.xlsx')) return { role: 'workbook', path: null };
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
  const byName: Record<string, string> = {};
  for (const t of texts) {
    const d = decodeBytes(t.name, t.bytes);
    if (d.encoding !== 'unknown') byName[t.name.replace(/^.*[\\/]/, '')] = d.text;
  }
  return textsInMemory(byName, texts.map((t) => t.name).join(', '));
}

/** One thing to report on: a dropped file, or one yearly sheet of a dropped workbook. */
interface Item {
  d: DroppedFile;
  role: FileRole;
  path: string | null;
  sheet: string | null;
  /** A sheet's CSV text and the spreadsheet row of each of its lines. */
  text?: string;
  lines?: number[];
  /** Problems of a workbook itself. */
  own?: Problem[];
}

function items(dropped: DroppedFile[]): Item[] {
  const out: Item[] = [];
  for (const d of dropped) {
    const { role, path } = pathForName(d.name);
    if (role !== 'workbook') {
      out.push({ d, role, path, sheet: null });
      continue;
    }
    const wb = workbookFiles(d.name, d.bytes);
    out.push({ d, role, path: null, sheet: null, own: wb.problems });
    for (const f of wb.files) out.push({ d, role: 'data', path: f.path, sheet: f.sheet, text: f.text, lines: f.lines });
  }
  return out;
}

/** A sheet's problems moved from CSV lines to the spreadsheet rows staff see. */
const atRow = (p: Problem, lines: number[] | undefined): Problem =>
  lines && p.line > 0 ? { ...p, line: lines[p.line - 1] ?? p.line } : p;

export function checkFiles(published: RawFile[], dropped: DroppedFile[] = []): CheckResult {
  const placed = items(dropped);
  const texts = textLookup(placed.filter((p) => p.role === 'text').map((p) => p.d));
  // The last file dropped under a path wins, as it would on the server.
  const byPath = new Map<string, Item>();
  for (const p of placed) if (p.role === 'data' && p.path) byPath.set(p.path, p);

  const merged: RawFile[] = published.filter((f) => !byPath.has(f.path));
  for (const [path, it] of byPath) merged.push(it.text !== undefined ? { path, text: it.text } : { path, bytes: it.d.bytes });
  const opts = texts ? { texts } : {};
  const dataset = buildDataset(merged, opts);
  let before: CheckedDataset | null = null;
  const publishedDataset = () => (before ??= buildDataset(published, opts));

  const files: FileReport[] = placed.map((it) => {
    const { d, role, path } = it;
    const base: FileReport = {
      name: d.name, role, path, sheet: it.sheet, kind: null, encoding: null, problems: [], rowsRead: 0, rows: null, diff: null, normalised: null, supersededBy: null,
    };
    if (role === 'refused') {
      base.problems = [problem('error', 'file-name', { file: d.name }, 'file-name')];
      return base;
    }
    if (role === 'workbook') {
      base.problems = [...(it.own ?? [])].sort(byPlace);
      return base;
    }
    const decoded = it.text !== undefined ? { encoding: 'utf-8' as const, text: it.text, badLines: [] as number[] } : decodeBytes(path ?? d.name, d.bytes);
    base.encoding = decoded.encoding;
    if (role === 'text') {
      // A source text need not be UTF-8 to be read; only an unreadable one is a problem.
      base.problems = decoded.encoding === 'unknown' && 'problems' in decoded ? decoded.problems : [];
      return base;
    }
    base.kind = kindOfPath(path!);
    const latest = byPath.get(path!)!;
    if (latest !== it) {
      base.supersededBy = latest.sheet ? `${latest.d.name} [${latest.sheet}]` : latest.d.name;
      return base;
    }
    const own = dataset.problems.filter((p) => p.file === path);
    base.rowsRead = rowsReadOf(dataset, path!);
    if (decoded.encoding !== 'unknown') {
      base.rows = countRows(dataRowLines(decoded.text), own);
      // No download of a file whose bytes or quotes would not survive the rewrite (its problems say why).
      if (decoded.badLines.length === 0 && base.kind) {
        const n = normaliseCsv(decoded.text, base.kind);
        if (n.broken.length === 0) base.normalised = n;
      }
    }
    if (base.kind === 'observations') {
      const year = yearOfFile(path!);
      base.diff = diffRows(
        dataset.observations.filter((o) => o.origin.file === path),
        publishedDataset().observations.filter((o) => o.year === year),
      );
    }
    base.problems = own.map((p) => atRow(p, it.lines)).sort(byPlace);
    return base;
  });

  const checkedPaths = new Set(byPath.keys());
  const outside = dataset.problems.filter((p) => !checkedPaths.has(p.file));
  let elsewhere: Problem[] = [];
  if (outside.length > 0 && byPath.size > 0) {
    const known = new Set(publishedDataset().problems.map(problemKey));
    elsewhere = outside.filter((p) => !known.has(problemKey(p)));
  }
  return { dataset, files, elsewhere, quotesVerified: texts !== undefined };
}

function rowsReadOf(ds: CheckedDataset, path: string): number {
  if (path === FILES.districts) return ds.districts.length;
  if (path === FILES.indicators) return ds.indicators.length;
  if (path === FILES.sources) return ds.sources.length;
  return ds.observations.filter((o) => o.origin.file === path).length;
}
