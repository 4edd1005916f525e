/** The published data through TanStack Query: fetched once, retried, validated, indexed. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { buildDataset, type CheckedDataset } from '../data/dataset';
import { fetchIndex, fetchPublished } from '../data/fetchData';
import { Catalog } from '../model/catalog';
import { today } from './today';
import { fetchPlan, planKey, planYears, type FetchPlan } from './fetchPlan';
import type { AppState } from './url';

export interface Loaded {
  dataset: CheckedDataset;
  catalog: Catalog;
  /** Every year published (data/index.json), also those not fetched for this view: for year choices. */
  available: number[];
}

/** Above this many bytes the check runs in a worker, so the page stays responsive meanwhile. */
export const WORKER_BYTES = 5 * 1024 * 1024;

export async function loadPublished(signal?: AbortSignal, plan: FetchPlan = null): Promise<Loaded> {
  const index = await fetchIndex(undefined, signal);
  const files = await fetchPublished(planYears(plan, index.years), undefined, signal);
  const bytes = files.reduce((n, f) => n + (f.bytes?.byteLength ?? f.text?.length ?? 0), 0);
  let dataset: CheckedDataset;
  if (bytes > WORKER_BYTES) {
    // Loaded only for large data: small sites do not download the worker client.
    const { checkInWorker } = await import('../data/worker/client');
    dataset = (await checkInWorker(files, { signal })).dataset;
  } else {
    dataset = buildDataset(files);
  }
  return { dataset, catalog: new Catalog(dataset, today()), available: index.years };
}

/** One definition for the hook and for main.tsx, which may load the data before the first render. */
export const publishedQuery = (plan: FetchPlan) =>
  ({
    queryKey: ['published', planKey(plan)],
    queryFn: ({ signal }: { signal: AbortSignal }) => loadPublished(signal, plan),
    staleTime: Infinity,
    retry: 2,
  }) as const;

/** The data the URL's view needs (fetchPlan); once every year has been loaded, that serves all views. */
export function useDataset(state: Pick<AppState, 'view' | 'year'>) {
  const client = useQueryClient();
  const plan = client.getQueryData<Loaded>(publishedQuery(null).queryKey) ? null : fetchPlan(state);
  return useQuery(publishedQuery(plan));
}
