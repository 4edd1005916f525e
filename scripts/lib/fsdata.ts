/** Reading the data folder and the source texts from disk, for the command-line tools. */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawFile } from '../../src/data/dataset';
import { problem } from '../../src/data/problems';
import { SourceText, type TextLookup } from '../../src/data/quotes';
import { FILES, INDEX_FILE, type DataIndex, yearOfFile } from '../../src/data/schema';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DATA = join(ROOT, 'data');
/** The shared source folder sits beside the project. */
export const DEFAULT_TEXTS = process.env.SOURCE_TEXTS ?? resolve(ROOT, '../shared/seeds');

export function yearlyFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'observations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.csv'))
    .sort()
    .map((n) => `observations/${n}`);
}

/** Why a path cannot be read as a data file (missing, a broken link, a folder), or null. */
export function unreadable(full: string): string | null {
  let st;
  try {
    st = statSync(full);
  } catch {
    try {
      lstatSync(full);
      return 'a link to a file that does not exist';
    } catch {
      return 'file not found';
    }
  }
  return st.isFile() ? null : 'a folder, not a file';
}

/**
 * The data files, each as bytes or as the reason it cannot be read. A yearly file whose name
 * differs from another only in case (2032.CSV beside 2032.csv) is not read: the site reads the
 * lower-case one only, so its rows would be checked here and never published.
 */
export function readDataDir(dataDir: string): RawFile[] {
  const yearly = yearlyFiles(dataDir);
  const paths = [FILES.districts, FILES.indicators, FILES.sources, ...yearly];
  return paths.map((path): RawFile => {
    const twin = yearly.find((o) => o !== path && o.toLowerCase() === path.toLowerCase() && o === o.toLowerCase());
    if (twin !== undefined) {
      return { path, problem: problem('error', 'file-name', { file: path }, 'case-clash', { other: twin, cell: path }) };
    }
    const full = join(dataDir, path);
    const why = unreadable(full);
    if (why !== null) return { path, error: why };
    try {
      return { path, bytes: new Uint8Array(readFileSync(full)) };
    } catch (e) {
      return { path, error: e instanceof Error ? e.message : String(e) };
    }
  });
}

export function textsFrom(dir: string): TextLookup | undefined {
  if (!existsSync(dir)) return undefined;
  const cache = new Map<string, SourceText | null>();
  return {
    where: dir,
    get(name) {
      if (!cache.has(name)) {
        const p = join(dir, name);
        cache.set(name, existsSync(p) ? new SourceText(readFileSync(p, 'utf8')) : null);
      }
      return cache.get(name)!;
    },
  };
}

/** The index the site reads to find the yearly files (DESIGN: adding a year is adding a file). */
export function writeIndex(dataDir: string): DataIndex {
  // Only files the site can fetch: not a folder or a broken link named like one.
  const years = yearlyFiles(dataDir)
    .filter((path) => unreadable(join(dataDir, path)) === null)
    .map(yearOfFile)
    .filter((y): y is number => y !== null);
  const index: DataIndex = { years };
  const path = join(dataDir, INDEX_FILE);
  const text = JSON.stringify(index) + '\n';
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  return index;
}
