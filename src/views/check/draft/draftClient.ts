/**
 * draftInWorker — drafts a report off the main thread, so a long text never freezes the page.
 *
 *   const outcome = await draftInWorker({ bytes, indicators, opts }, signal);
 *
 * Resolves with the rows and the decoded text, or with the reason the text was refused. Where
 * a Worker cannot start, the same work runs on the main thread. Aborting terminates the worker.
 */
import { draftReport, type DraftOutcome, type DraftRequest } from './draftJob';

export type DraftReply = { id: number; ok: true; outcome: DraftOutcome } | { id: number; ok: false; error: string };

let nextId = 1;

const abortError = () => new DOMException('Drafting was cancelled', 'AbortError');

export function draftInWorker(req: Omit<DraftRequest, 'id'>, signal?: AbortSignal): Promise<DraftOutcome> {
  if (signal?.aborted) return Promise.reject(abortError());
  const onMainThread = () => Promise.resolve().then(() => draftReport(req));
  if (typeof Worker === 'undefined') return onMainThread();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./draft.worker.ts', import.meta.url), { type: 'module', name: 'draft-rows' });
  } catch {
    return onMainThread();
  }
  const id = nextId++;
  return new Promise<DraftOutcome>((resolve, reject) => {
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<DraftReply>) => {
      if (e.data.id !== id) return;
      done();
      if (e.data.ok) resolve(e.data.outcome);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      onMainThread().then(resolve, reject);
    };
    const request: DraftRequest = { id, ...req };
    worker.postMessage(request);
  });
}
