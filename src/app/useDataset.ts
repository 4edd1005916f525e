/** The published data through TanStack Query: fetched once, retried, validated, indexed. */
import { useQuery } from '@tanstack/react-query';
import { buildDataset, type CheckedDataset } from '../data/dataset';
import { fetchIndex, fetchPublished } from '../data/fetchData';
import { Catalog } from '../model/catalog';

export interface Loaded {
  dataset: CheckedDataset;
  catalog: Catalog;
}

export async function loadPublished(signal?: AbortSignal): Promise<Loaded> {
  const index = await fetchIndex(undefined, signal);
  const files = await fetchPublished(index.years, undefined, signal);
  const dataset = buildDataset(files);
  return { dataset, catalog: new Catalog(dataset) };
}

export function useDataset() {
  return useQuery({
    queryKey: ['published'],
    queryFn: ({ signal }) => loadPublished(signal),
    staleTime: Infinity,
    retry: 2,
  });
}
