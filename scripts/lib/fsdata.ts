/** Reading the data folder and the source texts from disk, for the command-line tools. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawFile } from '../../src/data/dataset';
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

export function readDataDir(dataDir: string): RawFile[] {
  const paths = [FILES.districts, FILES.indicators, FILES.sources, ...yearlyFiles(dataDir)];
  return paths.map((path) => {
    const full = join(dataDir, path);
    if (!existsSync(full)) return { path, error: 'file not found' };
    return { path, bytes: new Uint8Array(readFileSync(full)) };
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
  const years = yearlyFiles(dataDir)
    .map(yearOfFile)
    .filter((y): y is number => y !== null);
  const index: DataIndex = { years };
  const path = join(dataDir, INDEX_FILE);
  const text = JSON.stringify(index) + '\n';
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  return index;
}
