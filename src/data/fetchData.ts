/**
 * Fetching the published data/ folder. A file that fails to load becomes a RawFile with an
 * error (a notice on the page), never an exception that blanks the site.
 */
import type { RawFile } from './dataset';
import { FILES, INDEX_FILE, type DataIndex, observationFile } from './schema';

export const DATA_BASE = 'data/';

/**
 * Responses already asked for by public/preload-data.js, a tiny script index.html runs before
 * the app's code has downloaded, so data and code load in parallel. Each is taken once (a
 * retry or a reload asks the server again).
 */
export const PREFETCH_GLOBAL = '__dataPrefetch';

function prefetched(url: string): Promise<Response> | undefined {
  const store = (globalThis as Record<string, unknown>)[PREFETCH_GLOBAL] as Record<string, Promise<Response> | undefined> | undefined;
  const p = store?.[url];
  if (p) delete store[url];
  return p;
}

const request = (url: string, signal?: AbortSignal): Promise<Response> =>
  prefetched(url) ?? fetch(url, { signal, cache: 'no-cache' });

/** Largest data file the site reads; a bigger one is reported, not loaded (a phone would stall). */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
/** Waits before each retry of a file that failed to load (a server error or a dropped connection). */
export const RETRY_DELAYS_MS = [400, 1200];

/** The body, read no further than the limit (a missing or lying Content-Length cannot get past it). */
async function readLimited(res: Response, limit: number): Promise<Uint8Array | { tooLarge: number }> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > limit) {
    void res.body?.cancel();
    return { tooLarge: declared };
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel();
      return { tooLarge: size };
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function fetchOnce(path: string, base: string, signal?: AbortSignal): Promise<RawFile & { retry?: boolean }> {
  try {
    const res = await request(base + path, signal);
    // 404 and other client errors will not mend by asking again; server errors may.
    if (!res.ok) return { path, error: `HTTP ${res.status}`, retry: res.status >= 500 || res.status === 408 || res.status === 429 };
    const body = await readLimited(res, MAX_FILE_BYTES);
    if (body instanceof Uint8Array) return { path, bytes: body };
    return { path, tooLarge: { bytes: body.tooLarge, limit: MAX_FILE_BYTES } };
  } catch (e) {
    if (signal?.aborted) throw e;
    return { path, error: e instanceof Error ? e.message : String(e), retry: true };
  }
}

async function fetchBytes(path: string, base: string, signal?: AbortSignal): Promise<RawFile> {
  for (let attempt = 0; ; attempt++) {
    const { retry, ...file } = await fetchOnce(path, base, signal);
    const delay = RETRY_DELAYS_MS[attempt];
    if (!retry || delay === undefined) return file;
    await new Promise((r) => setTimeout(r, delay));
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
  }
}

/** The index as read, or, when it is missing or broken, the years to look for instead and why. */
export interface FetchedIndex extends DataIndex {
  /** Why index.json could not be used: the years are then fallbackYears(), to be looked for. */
  missing?: string;
}

/** Years to look for without an index: this year and the ten before it, and next year's targets. */
export function fallbackYears(today = new Date()): number[] {
  const y = today.getFullYear();
  return Array.from({ length: 12 }, (_, k) => y - 10 + k);
}

/**
 * The years index.json lists. A missing or broken index does not stop the site (every yearly
 * file may still be there): the answer then names the reason and the years to look for. A
 * network failure is thrown, as it would fail the files too and a retry may mend it.
 */
export async function fetchIndex(base = DATA_BASE, signal?: AbortSignal): Promise<FetchedIndex> {
  const res = await request(base + INDEX_FILE, signal);
  // A server error may mend when asked again (the query retries); a missing index will not.
  if (res.status >= 500 || res.status === 408 || res.status === 429) throw new Error(`${INDEX_FILE}: HTTP ${res.status}`);
  if (!res.ok) return { years: fallbackYears(), missing: `HTTP ${res.status}` };
  let json: Partial<DataIndex> | null;
  try {
    json = (await res.json()) as Partial<DataIndex> | null;
  } catch {
    return { years: fallbackYears(), missing: 'not JSON' };
  }
  if (json === null || typeof json !== 'object' || !Array.isArray(json.years)) return { years: fallbackYears(), missing: 'no list of years' };
  const years = json.years.filter((y): y is number => Number.isInteger(y));
  return { years };
}

/** Without an index, the yearly files looked for and not found are no problem: they are left out. */
export function foundFiles(files: RawFile[]): RawFile[] {
  return files.filter((f) => !(f.path.startsWith('observations/') && f.error === 'HTTP 404'));
}

/** The three reference files and the chosen years, fetched in parallel. */
export async function fetchPublished(years: number[], base = DATA_BASE, signal?: AbortSignal): Promise<RawFile[]> {
  const paths = [FILES.districts, FILES.indicators, FILES.sources, ...years.map(observationFile)];
  try {
    return await Promise.all(paths.map((p) => fetchBytes(p, base, signal)));
  } finally {
    // The preload serves the first load only. A response it stored after the app had already
    // asked (a race on slow pages) would otherwise answer a later retry with a stale failure.
    delete (globalThis as Record<string, unknown>)[PREFETCH_GLOBAL];
  }
}
