/**
 * checkInWorker — the one entry point to the data check off the main thread.
 *
 *   const { dataset, files } = await checkInWorker(publishedFiles, { dropped, signal });
 *
 * `published`: the files of data/ (fetchPublished). `dropped`: staff files merged over them
 * (a dropped `2025.csv` replaces `observations/2025.csv`; `.txt` files are source texts for
 * the quote check). Resolves with the merged CheckedDataset, one FileReport per dropped file
 * and the problems they cause elsewhere. Runs in a module Worker; where Workers are missing or
 * fail to start (old browsers, tests, a blocked script) it runs on the main thread instead, so
 * the answer is the same either way. Aborting the signal terminates the worker.
 */
import type { RawFile } from '../dataset';
import { checkFiles, type CheckResult, type DroppedFile } from './checkFiles';
import { runInWorker } from '../../core/workerJob';
import type { CheckRequest } from './protocol';

export type { CheckResult, DroppedFile, FileReport } from './checkFiles';

export interface CheckOptions {
  dropped?: DroppedFile[];
  signal?: AbortSignal;
  /** Skip the worker (tests, or a caller already off the main thread). */
  mainThread?: boolean;
}

export function checkInWorker(published: RawFile[], opts: CheckOptions = {}): Promise<CheckResult> {
  const dropped = opts.dropped ?? [];
  const request: CheckRequest = { published, dropped };
  return runInWorker({
    start: () => new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'data-check' }),
    request,
    onMainThread: () => checkFiles(published, dropped),
    signal: opts.signal,
    mainThread: opts.mainThread,
    cancelled: 'The check was cancelled',
  });
}
