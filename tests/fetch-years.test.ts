import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPublished, WORKER_BYTES } from '../src/app/loadPublished';
import { buildDataset } from '../src/data/dataset';
import { fetchIndex, fetchPublished, PREFETCH_GLOBAL } from '../src/data/fetchData';
import { generate } from '../scripts/lib/synthetic';
import { checkInWorker } from '../src/data/worker/client';

// The real client (in Node it runs the check on the main thread), watched to see it is used.
vi.mock('../src/data/worker/client', async (original) => {
  const m = await original<typeof import('../src/data/worker/client')>();
  return { ...m, checkInWorker: vi.fn(m.checkInWorker) };
});

const DATA = join(__dirname, '../data');
const real: Record<string, string> = {
  'data/index.json': JSON.stringify({ years: [2023, 2024] }),
  'data/districts.csv': readFileSync(join(DATA, 'districts.csv'), 'utf8'),
  'data/indicators.csv': readFileSync(join(DATA, 'indicators.csv'), 'utf8'),
  'data/sources.csv': readFileSync(join(DATA, 'sources.csv'), 'utf8'),
  'data/observations/2023.csv': readFileSync(join(DATA, 'observations/2023.csv'), 'utf8'),
  'data/observations/2024.csv': readFileSync(join(DATA, 'observations/2024.csv'), 'utf8'),
};

let served: Record<string, string> = real;
const asked: string[] = [];
const g = globalThis as Record<string, unknown>;

beforeEach(() => {
  asked.length = 0;
  served = real;
  vi.stubGlobal('fetch', (url: string) => {
    asked.push(url);
    const body = served[url];
    return Promise.resolve(body === undefined ? new Response('missing', { status: 404 }) : new Response(body));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete g[PREFETCH_GLOBAL];
});

describe('fetching the published data', () => {
  it('reads the years from index.json and fetches exactly those files, in parallel', async () => {
    const index = await fetchIndex();
    expect(index.years).toEqual([2023, 2024]);
    const files = await fetchPublished(index.years);
    expect(files.map((f) => f.path)).toEqual(['districts.csv', 'indicators.csv', 'sources.csv', 'observations/2023.csv', 'observations/2024.csv']);
    expect(files.every((f) => f.bytes && f.bytes.length > 0)).toBe(true);
    expect(asked).toHaveLength(6);
  });

  it('takes what the preload script already fetched, once, and asks the server for the rest', async () => {
    g[PREFETCH_GLOBAL] = {
      'data/index.json': Promise.resolve(new Response(JSON.stringify({ years: [2024] }))),
      'data/districts.csv': Promise.resolve(new Response(real['data/districts.csv'])),
    };
    const index = await fetchIndex();
    expect(index.years).toEqual([2024]);
    const files = await fetchPublished(index.years);
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe(real['data/districts.csv']);
    expect(asked).toEqual(['data/indicators.csv', 'data/sources.csv', 'data/observations/2024.csv']);
    // A second load (a retry, a refetch) asks the server: a response can be read only once.
    await fetchPublished([2024]);
    expect(asked).toContain('data/districts.csv');
  });

  it('falls back to the server when a preloaded request failed', async () => {
    g[PREFETCH_GLOBAL] = { 'data/sources.csv': Promise.reject(new TypeError('network down')) };
    const files = await fetchPublished([]);
    expect(files[2]!.bytes?.length).toBeGreaterThan(0);
    expect(asked.filter((u) => u === 'data/sources.csv')).toHaveLength(1);
  });

  it('loads, checks and indexes the published data (small: on the page)', async () => {
    const { dataset, catalog } = await loadPublished();
    expect(dataset.years).toEqual([2023, 2024]);
    expect(dataset.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(catalog.years).toEqual([2023, 2024]);
    expect(checkInWorker).not.toHaveBeenCalled();
  });

  it('fetches only the years of a plan (the scorecard of 2024), and still lists every published year', async () => {
    const { dataset, catalog, available } = await loadPublished(undefined, { from: 2024, to: 2024 });
    expect(asked).toEqual(['data/index.json', 'data/districts.csv', 'data/indicators.csv', 'data/sources.csv', 'data/observations/2024.csv']);
    expect(dataset.years).toEqual([2024]);
    expect(catalog.years).toEqual([2024]);
    expect(available).toEqual([2023, 2024]);
  });

  it('checks large data through the worker client with the same result', { timeout: 30_000 }, async () => {
    const d = generate({ indicatorsCsv: real['data/indicators.csv']!, districts: 700, years: [2024, 2025], indicators: 15, seed: 2 });
    served = { 'data/index.json': JSON.stringify({ years: [2024, 2025] }) };
    for (const [path, text] of Object.entries(d.files)) served[`data/${path}`] = text;
    const size = Object.values(d.files).reduce((n, t) => n + Buffer.byteLength(t), 0);
    expect(size).toBeGreaterThan(WORKER_BYTES);
    const { dataset, catalog } = await loadPublished();
    expect(checkInWorker).toHaveBeenCalledTimes(1);
    const direct = buildDataset(Object.entries(d.files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })));
    expect(dataset.observations).toHaveLength(d.counts.observations);
    expect(dataset.problems).toEqual(direct.problems);
    expect(catalog.latestResultYear()).toBe(2025);
  });
});
