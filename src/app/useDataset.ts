/** The published data through TanStack Query: fetched once, retried, validated, indexed. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Loaded } from '../views/types';
import { takeEarly } from './earlyLoad';
import { fetchPlan, planKey, type FetchPlan } from './fetchPlan';
import { loadPublished } from './loadPublished';
import type { AppState } from '../core/url';

/** One definition for the hook and for main.tsx, which may load the data before the first render. */
export const publishedQuery = (plan: FetchPlan) =>
  ({
    queryKey: ['published', planKey(plan)],
    queryFn: ({ signal }: { signal: AbortSignal }) => takeEarly(plan) ?? loadPublished(signal, plan),
    staleTime: Infinity,
    retry: 2,
  }) as const;

/** The data the URL's view needs (fetchPlan); once every year has been loaded, that serves all views. */
export function useDataset(state: Pick<AppState, 'view' | 'year'>) {
  const client = useQueryClient();
  const plan = client.getQueryData<Loaded>(publishedQuery(null).queryKey) ? null : fetchPlan(state);
  return useQuery(publishedQuery(plan));
}
