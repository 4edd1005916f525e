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
import type { WorkerReply, WorkerRequest } from './protocol';

export type { CheckResult, DroppedFile, FileReport } from './checkFiles';

export interface CheckOptions {
  dropped?: DroppedFile[];
  signal?: AbortSignal;
  /** Skip the worker (tests, or a caller already off the main thread). */
  mainThread?: boolean;
}

let nextId = 1;

function abortError(): Error {
  return new DOMException('The check was cancelled', 'AbortError');
}

export function checkInWorker(published: RawFile[], opts: CheckOptions = {}): Promise<CheckResult> {
  const dropped = opts.dropped ?? [];
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(abortError());
  const onMainThread = () => Promise.resolve().then(() => checkFiles(published, dropped));
  if (opts.mainThread || typeof Worker === 'undefined') return onMainThread();

  let worker: Worker;
  try {
    worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'data-check' });
  } catch {
    return onMainThread();
  }
  const id = nextId++;
  return new Promise<CheckResult>((resolve, reject) => {
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (e.data.id !== id) return;
      done();
      if (e.data.ok) resolve(e.data.result);
      else reject(new Error(e.data.error));
    };
    // A worker that cannot start (blocked, unsupported module workers): same check, main thread.
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      onMainThread().then(resolve, reject);
    };
    const request: WorkerRequest = { id, published, dropped };
    worker.postMessage(request);
  });
}
