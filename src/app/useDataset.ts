/** The published data through TanStack Query: fetched once, retried, validated, indexed. */
import { useQuery } from '@tanstack/react-query';
import { buildDataset, type CheckedDataset } from '../data/dataset';
import { fetchIndex, fetchPublished } from '../data/fetchData';
import { Catalog } from '../model/catalog';

export interface Loaded {
  dataset: CheckedDataset;
  catalog: Catalog;
}

/** Above this many bytes the check runs in a worker, so the page stays responsive meanwhile. */
export const WORKER_BYTES = 5 * 1024 * 1024;

export async function loadPublished(signal?: AbortSignal): Promise<Loaded> {
  const index = await fetchIndex(undefined, signal);
  const files = await fetchPublished(index.years, undefined, signal);
  const bytes = files.reduce((n, f) => n + (f.bytes?.byteLength ?? f.text?.length ?? 0), 0);
  let dataset: CheckedDataset;
  if (bytes > WORKER_BYTES) {
    // Loaded only for large data: small sites do not download the worker client.
    const { checkInWorker } = await import('../data/worker/client');
    dataset = (await checkInWorker(files, { signal })).dataset;
  } else {
    dataset = buildDataset(files);
  }
  return { dataset, catalog: new Catalog(dataset) };
}

/** One definition for the hook and for main.tsx, which may load the data before the first render. */
export const publishedQuery = {
  queryKey: ['published'],
  queryFn: ({ signal }: { signal: AbortSignal }) => loadPublished(signal),
  staleTime: Infinity,
  retry: 2,
} as const;

export function useDataset() {
  return useQuery(publishedQuery);
}
