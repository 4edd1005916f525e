/** The published files (raw, for merging) and the check of the given files against them. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchIndex, fetchPublished, foundFiles } from '../../data/fetchData';
import { checkInWorker } from '../../data/worker/client';
import type { GivenFile } from './store';

export function usePublishedFiles() {
  return useQuery({
    queryKey: ['published-raw'],
    queryFn: async ({ signal }) => {
      const index = await fetchIndex(undefined, signal);
      const files = await fetchPublished(index.years, undefined, signal);
      return index.missing ? foundFiles(files) : files;
    },
    staleTime: Infinity,
    retry: 1,
  });
}

export function useCheck(files: GivenFile[]) {
  const published = usePublishedFiles();
  const ready = published.isSuccess || published.isError;
  const check = useQuery({
    queryKey: ['check', files.map((f) => f.id).join(','), published.dataUpdatedAt],
    queryFn: ({ signal }) =>
      checkInWorker(published.data ?? [], { dropped: files.map((f) => ({ name: f.name, bytes: f.bytes })), signal }),
    enabled: ready && files.length > 0,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
  return { published, check };
}
