/**
 * The published data, fetched, checked and indexed: what the app shows. No React here, so that
 * public/preload-data.js can start it (src/early.ts) while the app's own code is still on its
 * way: on a slow phone the data are then ready when React arrives.
 */
import { buildDataset, type CheckedDataset } from '../data/dataset';
import { fetchIndex, fetchPublished, foundFiles } from '../data/fetchData';
import { problem } from '../data/problems';
import { INDEX_FILE, yearOfFile } from '../data/schema';
import { Catalog } from '../model/catalog';
import type { Loaded } from '../views/types';
import { today } from './today';
import { planYears, type FetchPlan } from './fetchPlan';

/** Above this many bytes the check runs in a worker, so the page stays responsive meanwhile. */
export const WORKER_BYTES = 5 * 1024 * 1024;

export async function loadPublished(signal?: AbortSignal, plan: FetchPlan = null): Promise<Loaded> {
  const index = await fetchIndex(undefined, signal);
  // Without an index every year looked for is fetched, and those found are the years.
  const fetched = await fetchPublished(index.missing ? index.years : planYears(plan, index.years), undefined, signal);
  const files = index.missing ? foundFiles(fetched) : fetched;
  const available = index.missing ? files.map((f) => yearOfFile(f.path)).filter((y): y is number => y !== null) : index.years;
  const bytes = files.reduce((n, f) => n + (f.bytes?.byteLength ?? f.text?.length ?? 0), 0);
  let dataset: CheckedDataset;
  if (bytes > WORKER_BYTES) {
    // Loaded only for large data: small sites do not download the worker client.
    const { checkInWorker } = await import('../data/worker/client');
    dataset = (await checkInWorker(files, { signal })).dataset;
  } else {
    dataset = buildDataset(files);
  }
  if (index.missing) {
    dataset.problems.unshift(problem('error', 'fetch', { file: INDEX_FILE }, 'index-missing', { reason: index.missing, years: available.join(', ') || '—' }));
  }
  return { dataset, catalog: new Catalog(dataset, today()), available };
}
