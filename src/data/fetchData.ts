/**
 * Fetching the published data/ folder. A file that fails to load becomes a RawFile with an
 * error (a notice on the page), never an exception that blanks the site.
 */
import type { RawFile } from './dataset';
import { FILES, INDEX_FILE, type DataIndex, observationFile } from './schema';

export const DATA_BASE = 'data/';

async function fetchBytes(path: string, base: string, signal?: AbortSignal): Promise<RawFile> {
  try {
    const res = await fetch(base + path, { signal, cache: 'no-cache' });
    if (!res.ok) return { path, error: `HTTP ${res.status}` };
    return { path, bytes: new Uint8Array(await res.arrayBuffer()) };
  } catch (e) {
    if (signal?.aborted) throw e;
    return { path, error: e instanceof Error ? e.message : String(e) };
  }
}

export async function fetchIndex(base = DATA_BASE, signal?: AbortSignal): Promise<DataIndex> {
  const res = await fetch(base + INDEX_FILE, { signal, cache: 'no-cache' });
  if (!res.ok) throw new Error(`${INDEX_FILE}: HTTP ${res.status}`);
  const json = (await res.json()) as Partial<DataIndex>;
  const years = Array.isArray(json.years) ? json.years.filter((y): y is number => Number.isInteger(y)) : [];
  return { years };
}

/** The three reference files and the chosen years, fetched in parallel. */
export async function fetchPublished(years: number[], base = DATA_BASE, signal?: AbortSignal): Promise<RawFile[]> {
  const paths = [FILES.districts, FILES.indicators, FILES.sources, ...years.map(observationFile)];
  return Promise.all(paths.map((p) => fetchBytes(p, base, signal)));
}
